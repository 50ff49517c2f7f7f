// Table cells from exact 元 amounts: rounded to 0.01 万元, half away from zero.
import type { Cell } from '../model/disclosure.ts';
import { formatAmount, roundToUnit } from '../model/money.ts';

export function wanCell(exactFen: bigint): Cell {
  return { kind: 'amount', fen: roundToUnit(exactFen, '万元'), text: formatAmount(exactFen, '万元') };
}

/** Figure for sentences: "87,628.45". */
export function wanText(exactFen: bigint): string {
  return formatAmount(exactFen, '万元', { thousands: true });
}

export function rounded(exactFen: bigint): bigint {
  return roundToUnit(exactFen, '万元');
}
