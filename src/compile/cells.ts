// Table cells from exact 元 amounts: rounded to 0.01 万元, half away from zero.
import type { Cell, Table } from '../model/disclosure.ts';
import { formatAmount, roundToUnit } from '../model/money.ts';
import type { Template } from '../model/templates.ts';

export function wanCell(exactFen: bigint): Cell {
  return { kind: 'amount', fen: roundToUnit(exactFen, '万元'), text: formatAmount(exactFen, '万元') };
}

/**
 * The table as the template prints it: where zero amounts are printed empty, every amount cell that rounds to
 * 0.00 becomes blank. The last step of building a table, so no sum or rounding check reads a blank.
 */
export function asPrinted(t: Table, zeroAmount: Template['zeroAmount']): Table {
  if (zeroAmount === 'figure') return t;
  const printed = (c: Cell): Cell => (c.kind === 'amount' && c.fen === 0n ? { kind: 'blank' } : c);
  const rows = t.rows.map((r) => ({
    ...r,
    cells: Object.fromEntries(Object.entries(r.cells).map(([id, c]) => [id, printed(c)])),
  }));
  return { ...t, rows };
}

/** Figure for sentences: "87,628.45". */
export function wanText(exactFen: bigint): string {
  return formatAmount(exactFen, '万元', { thousands: true });
}

export function rounded(exactFen: bigint): bigint {
  return roundToUnit(exactFen, '万元');
}
