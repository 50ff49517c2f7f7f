// Column sets of the performance annex money tables (Shenzhen-style template data), shared by import and compile.
import type { Column } from './disclosure.ts';

/** 资金安排和使用情况表: 合计, then 财政资金 and 其他资金 by source. */
export const FUNDS_COLUMNS: readonly Column[] = [
  { id: 'total', header: ['合计'] },
  { id: 'fiscal.subtotal', header: ['财政资金', '小计'] },
  { id: 'fiscal.central', header: ['财政资金', '中央级'] },
  { id: 'fiscal.provincial', header: ['财政资金', '省级'] },
  { id: 'fiscal.municipal', header: ['财政资金', '市级'] },
  { id: 'fiscal.county', header: ['财政资金', '区县转移'] },
  { id: 'other.subtotal', header: ['其他资金', '小计'] },
  { id: 'other.own', header: ['其他资金', '单位自有'] },
  { id: 'other.loan', header: ['其他资金', '银行贷款等'] },
  { id: 'other.social', header: ['其他资金', '社会资本'] },
];

/** 项目支出内容: 实际支出数 (合计, 财政资金, 其他资金) and 财政资金专款专用数; item rows, then a 合计 row (key "total"). */
export const SPENDING_COLUMNS: readonly Column[] = [
  { id: 'actual.total', header: ['实际支出数', '合计'] },
  { id: 'actual.fiscal', header: ['实际支出数', '财政资金支出数'] },
  { id: 'actual.other', header: ['实际支出数', '其他资金支出数'] },
  { id: 'earmarked', header: ['财政资金专款专用数'] },
];

/** Row key of the n-th (1-based) 项目支出内容 item row, or of its 合计 row. */
export function spendingRowKey(label: string, n: number): string {
  return label === '合计' ? 'total' : `item${n}`;
}
