// The department data workbook as JSON: the facts a department supplies to build its disclosure.
// Money is entered in 元 with at most 2 decimals and held as bigint 分.
import { z } from 'zod';
import { MoneyParseError, parseAmount } from '../../model/money.ts';

const YUAN_RE = /^-?\d+(\.\d{1,2})?$/;

/** An amount in 元 ("1234.56") held as bigint 分. */
export const Yuan = z.codec(
  z.string().regex(YUAN_RE, '金额须为元，最多两位小数 / amount in 元 with at most 2 decimals, e.g. "1234.56"'),
  z.bigint(),
  {
    decode: (s) => parseAmount(s, '元'),
    encode: (b) => {
      const neg = b < 0n;
      const a = neg ? -b : b;
      return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
    },
  },
);

/** A plain decimal ("2.27", "78.93", "2943"), kept as text; parsed exactly where needed. */
export const Decimal = z.string().regex(/^-?\d+(\.\d+)?$/, '须为数字 / must be a number, e.g. "2.27"');

const FunctionalCode = z
  .string()
  .regex(/^\d{7}$/, '须为 7 位功能分类项级科目编码 / must be a 7-digit 功能分类 项 code');
const EconomicCode = z.string().regex(/^\d{5}$/, '须为 5 位经济分类款级科目编码 / must be a 5-digit 经济分类 款 code');

export const FUND_TYPES = ['general', 'fund', 'capital', 'other'] as const;
export const FundType = z.enum(FUND_TYPES);
export type FundType = z.infer<typeof FundType>;

const opt = Yuan.optional();

/** One 功能分类 项 × income source, 元. */
export const IncomeLine = z.object({
  code: FunctionalCode,
  name: z.string().min(1),
  general: opt,
  fund: opt,
  capital: opt,
  superior: opt,
  business: opt,
  operating: opt,
  affiliated: opt,
  other: opt,
});
export type IncomeLine = z.output<typeof IncomeLine>;

/** One 功能分类 项 × fund type × spending columns, 元. */
export const ExpenseLine = z.object({
  code: FunctionalCode,
  name: z.string().min(1),
  fund: FundType,
  basic: opt,
  project: opt,
  remitted: opt,
  operating: opt,
  subsidy: opt,
});
export type ExpenseLine = z.output<typeof ExpenseLine>;

/** 年初结转和结余 by fund type, optionally by 项 (needed for the 基金/国资 tables). */
export const CarryInLine = z.object({ fund: FundType, code: FunctionalCode.optional(), amount: Yuan });

/** Per-项 narrative facts: 年初预算数 (一般公共预算), use, reason for the difference. */
export const ItemNote = z.object({
  code: FunctionalCode,
  budget: opt,
  use: z.string().optional(),
  reason: z.string().optional(),
});

export const BasicEconomicLine = z.object({ code: EconomicCode, name: z.string().min(1), amount: Yuan });

const ThreePublicAmounts = z.object({
  abroad: Yuan,
  vehiclePurchase: Yuan,
  vehicleOperation: Yuan,
  reception: Yuan,
});
export type ThreePublicAmounts = z.output<typeof ThreePublicAmounts>;

export const ThreePublic = z.object({
  budget: ThreePublicAmounts,
  actual: ThreePublicAmounts,
  prior: ThreePublicAmounts.optional(),
  abroadGroups: z.number().int().min(0),
  abroadPeople: z.number().int().min(0),
  vehiclesPurchased: z.number().int().min(0),
  vehiclesHeld: z.number().int().min(0),
  receptionBatches: z.number().int().min(0),
  receptionPeople: z.number().int().min(0),
  foreignReceptionBatches: z.number().int().min(0).optional(),
  foreignReceptionPeople: z.number().int().min(0).optional(),
  /** Why the actuals differ from the budget / the prior year. */
  reason: z.string().optional(),
  scope: z.string().optional(),
});

export const ScoringRule = z.discriminatedUnion('type', [
  /** Met or not (健全/合理/及时…): full weight or 0. */
  z.object({ type: z.literal('pass'), met: z.boolean() }),
  /** actual ≥ target (or ≤ when lowerIsBetter): full weight, else 0. */
  z.object({ type: z.literal('threshold'), target: Decimal, actual: Decimal, lowerIsBetter: z.boolean().optional() }),
  /** weight × actual/target, at most the weight (每降低1%扣权重值的1%). */
  z.object({ type: z.literal('proportional'), target: Decimal, actual: Decimal }),
  /** Same formula, worded "本项最高分值为指标总分值". */
  z.object({ type: z.literal('capped'), target: Decimal, actual: Decimal }),
  /** Below floor × target: 0; above: proportional, capped. */
  z.object({ type: z.literal('floor'), target: Decimal, actual: Decimal, floor: Decimal }),
  /** Each unit below target deducts `percent` % of the weight. */
  z.object({ type: z.literal('perUnit'), target: Decimal, actual: Decimal, percent: Decimal }),
  /** Score set by the evaluator; the reason is required. */
  z.object({ type: z.literal('discretionary'), score: Decimal, reason: z.string().min(1) }),
  /** Full weight by default (e.g. no procurement in the project). */
  z.object({ type: z.literal('default'), reason: z.string().optional() }),
]);
export type ScoringRule = z.infer<typeof ScoringRule>;

export const IndicatorInput = z.object({
  level1: z.string().min(1),
  level2: z.string().min(1),
  /** Absent for a 二级 placeholder with weight 0. */
  name: z.string().optional(),
  weight: Decimal,
  target: z.string().optional(),
  actual: z.string().optional(),
  rule: ScoringRule,
  standard: z.string().optional(),
  dataSource: z.string().optional(),
  /** Why the target was not met. */
  reason: z.string().optional(),
});
export type IndicatorInput = z.output<typeof IndicatorInput>;

export const ProjectInput = z.object({
  annex: z.string().optional(),
  name: z.string().min(1),
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
  /** 资金安排和使用情况表, 元 (财政资金). */
  funds: z.object({ budget: Yuan, invested: Yuan, arrived: Yuan, spent: Yuan }),
  indicators: z.array(IndicatorInput).min(1),
  conclusions: z.array(z.object({ label: z.string(), text: z.string() })).optional(),
});
export type ProjectInput = z.output<typeof ProjectInput>;

const Prior = z.object({
  incomeTotal: opt,
  expenseTotal: opt,
  grandTotal: opt,
  fiscalGrandTotal: opt,
  generalExpense: opt,
  operatingCost: opt,
});

export const DepartmentData = z.object({
  version: z.literal(1),
  department: z.object({
    name: z.string().min(1),
    /** Name used in sentences ("市扶贫协作和合作交流办"); defaults to the name. */
    shortName: z.string().optional(),
    region: z.string().optional(),
    duties: z.array(z.string()),
    structure: z.array(z.string()),
    units: z.array(z.object({ name: z.string(), kind: z.string().optional() })),
  }),
  fiscalYear: z.number().int().min(2000).max(2100),
  template: z.enum(['national-2019', 'shanghai-2024']),
  scope: z.enum(['部门', '单位']).default('部门'),
  /** Names of 类/款 codes where the catalogue lacks them or the year uses another name. */
  names: z.record(z.string(), z.string()).default({}),
  income: z.array(IncomeLine),
  expense: z.array(ExpenseLine),
  carryIn: z.array(CarryInLine).default([]),
  /** 用事业基金弥补收支差额 / 使用非财政拨款结余. */
  reserveUse: Yuan.optional(),
  /** 结余分配. */
  distribution: Yuan.optional(),
  items: z.array(ItemNote).default([]),
  basicEconomic: z.array(BasicEconomicLine),
  threePublic: ThreePublic,
  /** 机关运行经费: actual defaults to 公用经费合计 (2019 definition). */
  operatingCost: z.object({ budget: opt, actual: opt, note: z.string().optional() }).default({}),
  procurement: z.object({
    goods: Yuan,
    works: Yuan,
    services: Yuan,
    sme: Yuan,
    smallMicro: opt,
    note: z.string().optional(),
  }),
  assets: z.object({
    vehicles: z.array(z.object({ type: z.string(), count: z.number().int().min(0) })),
    generalEquipment: z.number().int().min(0),
    specialEquipment: z.number().int().min(0),
    date: z.string().optional(),
  }),
  prior: Prior.default({}),
  /** Reasons and descriptions in the department's words. */
  text: z
    .object({
      incomeSources: z.record(z.string(), z.string()).default({}),
      classUses: z.record(z.string(), z.string()).default({}),
      basicUse: z.string().optional(),
      projectUse: z.string().optional(),
      totalChangeReason: z.string().optional(),
      fiscalChangeReason: z.string().optional(),
      generalChangeReason: z.string().optional(),
      carryOutNote: z.string().optional(),
      economicUses: z.record(z.string(), z.string()).default({}),
      performanceWork: z.array(z.string()).default([]),
      otherMatters: z.array(z.string()).default([]),
    })
    .default({ incomeSources: {}, classUses: {}, economicUses: {}, performanceWork: [], otherMatters: [] }),
  performance: z.array(ProjectInput).default([]),
});
export type DepartmentData = z.output<typeof DepartmentData>;
export type DepartmentDataJson = z.input<typeof DepartmentData>;

export { MoneyParseError };
