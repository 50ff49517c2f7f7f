// Where rounded 万元 figures no longer add up (尾差): each gap is reported so a note can explain it.
import type { Row, Table } from '../model/disclosure.ts';
import type { TableDef } from '../model/templates.ts';

export interface Gap {
  row: string;
  column: string;
  /** Printed total minus the sum of the printed parts, 分. */
  diff: bigint;
}

function fen(r: Row | undefined, col: string): bigint {
  const c = r?.cells[col];
  return c?.kind === 'amount' ? c.fen : 0n;
}

function compare(gaps: Gap[], total: Row, parts: Row[], cols: readonly string[]): void {
  if (parts.length === 0) return;
  for (const col of cols) {
    const diff = fen(total, col) - parts.reduce((t, p) => t + fen(p, col), 0n);
    if (diff !== 0n) gaps.push({ row: total.key, column: col, diff });
  }
}

export function roundingGaps(t: Table, def: TableDef): Gap[] {
  const gaps: Gap[] = [];
  const cols = [...new Set(t.columns.map((c) => c.id))];
  const coded = t.rows.filter((r) => r.code !== undefined && r.side === undefined);
  for (const parent of coded) {
    const p = parent.code ?? '';
    const children = coded.filter((r) => (r.code ?? '').length === p.length + 2 && (r.code ?? '').startsWith(p));
    compare(gaps, parent, children, cols);
  }
  const total = t.rows.find((r) => r.key === 'total');
  if (total && def.kind !== 'three_public')
    compare(
      gaps,
      total,
      coded.filter((r) => (r.code ?? '').length === 3),
      cols,
    );
  for (const part of def.parts ?? []) {
    for (const r of t.rows) {
      if (!(part.total in r.cells)) continue;
      const diff = fen(r, part.total) - part.parts.reduce((s, c) => s + fen(r, c), 0n);
      if (diff !== 0n) gaps.push({ row: r.key, column: part.total, diff });
    }
  }
  if (def.kind === 'income_expense_summary' || def.kind === 'fiscal_summary') {
    for (const side of ['income', 'expense'] as const) {
      const rows = t.rows.filter((r) => r.side === side);
      const tot = rows.find((r) => r.key === `${side}.total`);
      const items =
        side === 'income'
          ? rows.filter((r) =>
              /^income\.(general|fund|capital|superior|business|operating|affiliated|other)$/.test(r.key),
            )
          : rows.filter((r) => r.code !== undefined);
      if (tot) compare(gaps, tot, items, cols);
    }
  }
  if (def.kind === 'general_budget_basic') {
    const personnel = t.rows.find((r) => r.key === 'total.personnel');
    const pub = t.rows.find((r) => r.key === 'total.public');
    const classRows = t.rows.filter((r) => (r.code ?? '').length === 3);
    if (personnel)
      compare(
        gaps,
        personnel,
        classRows.filter((r) => r.code === '301' || r.code === '303'),
        ['amount'],
      );
    if (pub)
      compare(
        gaps,
        pub,
        classRows.filter((r) => r.code !== '301' && r.code !== '303'),
        ['amount'],
      );
  }
  return gaps;
}
