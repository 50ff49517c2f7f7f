// The Disclosure model: one department (or unit), one fiscal year, one template.
// Defined once as zod schemas whose decoded form is the in-memory model (amounts as bigint 分)
// and whose encoded form is the JSON file format (amounts as strings).
import { z } from 'zod';

export const MODEL_VERSION = 1;

/** 分 as bigint in memory, as a decimal integer string in JSON. */
export const Fen = z.codec(z.string().regex(/^-?\d+$/), z.bigint(), {
  decode: (s) => BigInt(s),
  encode: (b) => b.toString(),
});

export const UnitSchema = z.enum(['元', '万元']);

/** Where a fact came from. Pages are 1-based; lines are 1-based lines of an extracted text file. */
export const SourceSchema = z.object({
  file: z.string().optional(),
  page: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  /** [x0, y0, x1, y1] in PDF points, y from the top of the page. */
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/** A table cell. Blank, a dash, a printed zero and "could not read" are four different things. */
export const CellSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('amount'),
    fen: Fen,
    /** The figure as printed, without thousands separators. */
    text: z.string(),
    src: SourceSchema.optional(),
  }),
  z.object({ kind: z.literal('blank'), src: SourceSchema.optional() }),
  z.object({ kind: z.literal('dash'), text: z.string(), src: SourceSchema.optional() }),
  /** Non-money content: a percentage, a count, a word. */
  z.object({ kind: z.literal('text'), text: z.string(), src: SourceSchema.optional() }),
  z.object({ kind: z.literal('unread'), reason: z.string(), src: SourceSchema.optional() }),
]);
export type Cell = z.output<typeof CellSchema>;
export type AmountCell = Extract<Cell, { kind: 'amount' }>;

export const ColumnSchema = z.object({
  /** Stable id from the template ("total", "basic", "budget.reception"). */
  id: z.string(),
  /** Header path as printed, outermost first. */
  header: z.array(z.string()),
  /** 栏次 as printed, when the table numbers its columns. */
  number: z.string().optional(),
  side: z.enum(['income', 'expense']).optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const RowSchema = z.object({
  /** Stable key within the table: a classification code, or a template row id ("income.general"). */
  key: z.string(),
  side: z.enum(['income', 'expense']).optional(),
  /** Classification code printed on the row (功能分类 or 经济分类), digits only. */
  code: z.string().optional(),
  label: z.string(),
  /** 行次 as printed. */
  lineNo: z.string().optional(),
  cells: z.record(z.string(), CellSchema),
  src: SourceSchema.optional(),
});
export type Row = z.output<typeof RowSchema>;

export const TextBlockSchema = z.object({ text: z.string(), src: SourceSchema.optional() });
export type TextBlock = z.infer<typeof TextBlockSchema>;

export const TableKindSchema = z.enum([
  'income_expense_summary', // 收入支出决算总表
  'income', // 收入决算表
  'expense', // 支出决算表
  'fiscal_summary', // 财政拨款收入支出决算总表
  'general_budget_expense', // 一般公共预算财政拨款支出决算表
  'general_budget_basic', // 一般公共预算财政拨款基本支出决算表
  'three_public', // （一般公共预算）财政拨款“三公”经费支出决算表
  'gov_fund', // 政府性基金预算财政拨款收入支出决算表
  'state_capital', // 国有资本经营预算财政拨款（收入）支出决算表
]);
export type TableKind = z.infer<typeof TableKindSchema>;

export const TableSchema = z.object({
  kind: TableKindSchema,
  /** Position in the template, 1-based. */
  number: z.number().int().positive(),
  /** Title as printed. */
  title: z.string(),
  /** Table number as printed ("公开01表"), when present. */
  tableNo: z.string().optional(),
  unit: UnitSchema,
  /** Department named in the table header ("部门：…"), when present. */
  department: z.string().optional(),
  columns: z.array(ColumnSchema),
  rows: z.array(RowSchema),
  /** Notes printed under the table ("注：…", "说明：…"). */
  notes: z.array(TextBlockSchema),
  src: SourceSchema.optional(),
  /** Parts of the table that could not be read, with the reason. */
  unread: z.array(z.object({ reason: z.string(), src: SourceSchema.optional() })),
});
export type Table = z.output<typeof TableSchema>;

export type Section = {
  /** Numbering as printed: "一、", "（一）", "1.", "（1）", or "" for unnumbered. */
  numbering: string;
  /** 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）. */
  level: number;
  heading: string;
  paragraphs: TextBlock[];
  children: Section[];
  src?: Source | undefined;
};
export const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    numbering: z.string(),
    level: z.number().int().min(0).max(6),
    heading: z.string(),
    paragraphs: z.array(TextBlockSchema),
    children: z.array(SectionSchema),
    src: SourceSchema.optional(),
  }),
);

export const GlossaryEntrySchema = z.object({ term: z.string(), definition: z.string(), src: SourceSchema.optional() });

/** A figure from a performance table: text as printed plus, when numeric, its exact value × 10^-scale. */
export const NumberValueSchema = z.object({
  text: z.string(),
  value: Fen.optional(),
  scale: z.number().int().min(0).max(6).optional(),
});
export type NumberValue = z.output<typeof NumberValueSchema>;

export const IndicatorSchema = z.object({
  level1: z.string(),
  level1Weight: NumberValueSchema.optional(),
  level2: z.string(),
  level2Weight: NumberValueSchema.optional(),
  name: z.string(),
  weight: NumberValueSchema.optional(),
  target: z.string().optional(),
  actual: z.string().optional(),
  score: NumberValueSchema.optional(),
  /** 评分标准, as printed. */
  standard: z.string().optional(),
  /** 数据来源及支持材料. */
  dataSource: z.string().optional(),
  src: SourceSchema.optional(),
});
export type Indicator = z.output<typeof IndicatorSchema>;

/** A 一级 or 二级 heading of a score sheet, as printed (kept even when no 三级 row follows it). */
export const IndicatorGroupSchema = z.object({
  level: z.union([z.literal(1), z.literal(2)]),
  name: z.string(),
  /** Name of the 一级 heading a 二级 heading belongs to. */
  parent: z.string().optional(),
  weight: NumberValueSchema.optional(),
  /** A second figure printed on the heading row (e.g. "0.0"), as printed. */
  score: NumberValueSchema.optional(),
  src: SourceSchema.optional(),
});
export type IndicatorGroup = z.output<typeof IndicatorGroupSchema>;

export const PerformanceEvaluationSchema = z.object({
  /** Annex label as printed ("附件1-1"). */
  annex: z.string().optional(),
  project: z.object({
    name: z.string(),
    department: z.string().optional(),
    category: z.string().optional(),
    purpose: z.string().optional(),
    manager: z.string().optional(),
    contact: z.string().optional(),
    phone: z.string().optional(),
    start: z.string().optional(),
    end: z.string().optional(),
    overview: z.string().optional(),
    longTermGoal: z.string().optional(),
    annualGoal: z.string().optional(),
  }),
  /** 资金安排和使用情况表 (usually in 元): rows budget/invested/arrived/spent/balance/rates × fund columns. */
  funds: TableSchema.omit({ kind: true, number: true }).optional(),
  /** 项目支出内容 rows. */
  spending: z.array(RowSchema),
  indicators: z.array(IndicatorSchema),
  totalWeight: NumberValueSchema.optional(),
  totalScore: NumberValueSchema.optional(),
  grade: z.string().optional(),
  conclusions: z.array(z.object({ label: z.string(), text: z.string(), src: SourceSchema.optional() })),
  /** 一级 and 二级 headings in printed order. */
  groups: z.array(IndicatorGroupSchema).optional(),
  /** Parts of the annex that could not be read with confidence, with the reason. */
  unread: z.array(z.object({ what: z.string(), reason: z.string(), src: SourceSchema.optional() })).optional(),
  src: SourceSchema.optional(),
});
export type PerformanceEvaluation = z.output<typeof PerformanceEvaluationSchema>;

export const MetaSchema = z.object({
  department: z.string(),
  fiscalYear: z.number().int().min(2000).max(2100),
  unit: UnitSchema,
  scope: z.enum(['部门', '单位']),
  region: z.string().optional(),
  /** Template id, e.g. "national-2019", "shanghai-2024". */
  template: z.string(),
  /** Where the document came from. */
  source: z.object({ file: z.string(), format: z.enum(['text', 'pdf', 'workbook', 'json']), pages: z.number().int() }),
});

export const UnreadSchema = z.object({
  what: z.string(),
  reason: z.string(),
  src: SourceSchema.optional(),
});

/**
 * A disclosed figure outside the nine tables: 三公 counts, 机关运行经费, 政府采购, 国有资产 and similar.
 * Keys come from the fact catalogue in templates (e.g. "procurement.total", "assets.vehicles").
 */
export const FactSchema = z.object({
  key: z.string(),
  value: NumberValueSchema,
  /** Unit word as printed: 万元, 元, %, 辆, 台（套）, 批次, 人次… */
  unit: z.string(),
  /** The sentence it was read from. */
  quote: z.string().optional(),
  src: SourceSchema.optional(),
});
export type Fact = z.output<typeof FactSchema>;

export const DisclosureSchema = z.object({
  version: z.literal(MODEL_VERSION),
  meta: MetaSchema,
  tables: z.array(TableSchema),
  narrative: z.array(SectionSchema),
  glossary: z.array(GlossaryEntrySchema),
  performance: z.array(PerformanceEvaluationSchema),
  facts: z.array(FactSchema),
  /** Table of contents / bookmarks as printed. */
  contents: z.array(TextBlockSchema),
  /** What the importer could not read. Checks must not treat these parts as clean. */
  unread: z.array(UnreadSchema),
});
export type Disclosure = z.output<typeof DisclosureSchema>;
export type DisclosureJson = z.input<typeof DisclosureSchema>;
