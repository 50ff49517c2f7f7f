// The department data workbook's sheets, described once for both reading and writing.
export type FieldKind = 'text' | 'yuan' | 'int' | 'code' | 'decimal';

export interface ListColumn {
  header: string;
  key: string;
  kind: FieldKind;
  width?: number;
}

/** A sheet with a header row and one record per row. */
export interface ListSheet {
  name: string;
  /** Where the records go in the JSON form (dot path). */
  path: string;
  columns: ListColumn[];
  help: string;
}

/** A sheet of label → value rows. */
export interface PairSheet {
  name: string;
  rows: { label: string; path: string; kind: FieldKind }[];
  help: string;
}

const y = (header: string, key: string): ListColumn => ({ header: `${header}（元）`, key, kind: 'yuan', width: 18 });

export const SHEET_INFO: PairSheet = {
  name: '基本情况',
  help: '填写部门名称、决算年度和模板（national-2019 或 shanghai-2024）等基本信息。',
  rows: [
    { label: '部门名称', path: 'department.name', kind: 'text' },
    { label: '部门简称（用于说明文字）', path: 'department.shortName', kind: 'text' },
    { label: '地区', path: 'department.region', kind: 'text' },
    { label: '决算年度', path: 'fiscalYear', kind: 'int' },
    { label: '模板（national-2019 / shanghai-2024）', path: 'template', kind: 'text' },
    { label: '公开主体（部门 / 单位）', path: 'scope', kind: 'text' },
    { label: '用事业基金弥补收支差额 / 使用非财政拨款结余（元）', path: 'reserveUse', kind: 'yuan' },
    { label: '结余分配（元）', path: 'distribution', kind: 'yuan' },
    { label: '上年收入总计（元）', path: 'prior.grandTotal', kind: 'yuan' },
    { label: '上年本年收入合计（元）', path: 'prior.incomeTotal', kind: 'yuan' },
    { label: '上年本年支出合计（元）', path: 'prior.expenseTotal', kind: 'yuan' },
    { label: '上年财政拨款收入总计（元）', path: 'prior.fiscalGrandTotal', kind: 'yuan' },
    { label: '上年一般公共预算财政拨款支出（元）', path: 'prior.generalExpense', kind: 'yuan' },
    { label: '上年机关运行经费（元）', path: 'prior.operatingCost', kind: 'yuan' },
  ],
};

export const SHEET_OTHER: PairSheet = {
  name: '其他事项',
  help: '机关运行经费、政府采购和国有资产占用情况。金额单位为元。',
  rows: [
    { label: '机关运行经费预算数（元）', path: 'operatingCost.budget', kind: 'yuan' },
    { label: '机关运行经费决算数（元，空白则取公用经费合计）', path: 'operatingCost.actual', kind: 'yuan' },
    { label: '机关运行经费说明', path: 'operatingCost.note', kind: 'text' },
    { label: '政府采购货物支出（元）', path: 'procurement.goods', kind: 'yuan' },
    { label: '政府采购工程支出（元）', path: 'procurement.works', kind: 'yuan' },
    { label: '政府采购服务支出（元）', path: 'procurement.services', kind: 'yuan' },
    { label: '授予中小企业合同金额（元）', path: 'procurement.sme', kind: 'yuan' },
    { label: '其中授予小微企业合同金额（元）', path: 'procurement.smallMicro', kind: 'yuan' },
    { label: '政府采购说明', path: 'procurement.note', kind: 'text' },
    { label: '单价50万元以上通用设备（台套）', path: 'assets.generalEquipment', kind: 'int' },
    { label: '单价100万元以上专用设备（台套）', path: 'assets.specialEquipment', kind: 'int' },
    { label: '资产统计截止日期', path: 'assets.date', kind: 'text' },
  ],
};

export const SHEET_THREE_PUBLIC: PairSheet = {
  name: '三公经费',
  help: '“三公”经费预算数、决算数（元）和相关数量。',
  rows: [
    { label: '因公出国（境）费预算数（元）', path: 'threePublic.budget.abroad', kind: 'yuan' },
    { label: '公务用车购置费预算数（元）', path: 'threePublic.budget.vehiclePurchase', kind: 'yuan' },
    { label: '公务用车运行费预算数（元）', path: 'threePublic.budget.vehicleOperation', kind: 'yuan' },
    { label: '公务接待费预算数（元）', path: 'threePublic.budget.reception', kind: 'yuan' },
    { label: '因公出国（境）费决算数（元）', path: 'threePublic.actual.abroad', kind: 'yuan' },
    { label: '公务用车购置费决算数（元）', path: 'threePublic.actual.vehiclePurchase', kind: 'yuan' },
    { label: '公务用车运行费决算数（元）', path: 'threePublic.actual.vehicleOperation', kind: 'yuan' },
    { label: '公务接待费决算数（元）', path: 'threePublic.actual.reception', kind: 'yuan' },
    { label: '上年因公出国（境）费决算数（元）', path: 'threePublic.prior.abroad', kind: 'yuan' },
    { label: '上年公务用车购置费决算数（元）', path: 'threePublic.prior.vehiclePurchase', kind: 'yuan' },
    { label: '上年公务用车运行费决算数（元）', path: 'threePublic.prior.vehicleOperation', kind: 'yuan' },
    { label: '上年公务接待费决算数（元）', path: 'threePublic.prior.reception', kind: 'yuan' },
    { label: '因公出国（境）团组数（个）', path: 'threePublic.abroadGroups', kind: 'int' },
    { label: '因公出国（境）人次', path: 'threePublic.abroadPeople', kind: 'int' },
    { label: '购置公务用车数（辆）', path: 'threePublic.vehiclesPurchased', kind: 'int' },
    { label: '年末公务用车保有量（辆）', path: 'threePublic.vehiclesHeld', kind: 'int' },
    { label: '国内公务接待批次', path: 'threePublic.receptionBatches', kind: 'int' },
    { label: '国内公务接待人次', path: 'threePublic.receptionPeople', kind: 'int' },
    { label: '外宾接待批次', path: 'threePublic.foreignReceptionBatches', kind: 'int' },
    { label: '外宾接待人次', path: 'threePublic.foreignReceptionPeople', kind: 'int' },
    { label: '预决算差异原因', path: 'threePublic.reason', kind: 'text' },
    { label: '支出范围说明', path: 'threePublic.scope', kind: 'text' },
  ],
};

export const LIST_SHEETS: ListSheet[] = [
  {
    name: '收入明细',
    path: 'income',
    help: '每行一个功能分类项级科目（7 位编码），按收入来源分列填写，单位为元（两位小数）。',
    columns: [
      { header: '科目编码', key: 'code', kind: 'code', width: 12 },
      { header: '科目名称', key: 'name', kind: 'text', width: 28 },
      y('一般公共预算财政拨款', 'general'),
      y('政府性基金预算财政拨款', 'fund'),
      y('国有资本经营预算财政拨款', 'capital'),
      y('上级补助收入', 'superior'),
      y('事业收入', 'business'),
      y('经营收入', 'operating'),
      y('附属单位上缴收入', 'affiliated'),
      y('其他收入', 'other'),
    ],
  },
  {
    name: '支出明细',
    path: 'expense',
    help: '每行一个功能分类项级科目 × 资金性质（一般公共预算 / 政府性基金 / 国有资本经营 / 其他资金），单位为元。',
    columns: [
      { header: '科目编码', key: 'code', kind: 'code', width: 12 },
      { header: '科目名称', key: 'name', kind: 'text', width: 28 },
      { header: '资金性质', key: 'fund', kind: 'text', width: 22 },
      y('基本支出', 'basic'),
      y('项目支出', 'project'),
      y('上缴上级支出', 'remitted'),
      y('经营支出', 'operating'),
      y('对附属单位补助支出', 'subsidy'),
    ],
  },
  {
    name: '年初结转',
    path: 'carryIn',
    help: '年初结转和结余，按资金性质填写；政府性基金和国有资本经营预算须填科目编码。',
    columns: [
      { header: '资金性质', key: 'fund', kind: 'text', width: 22 },
      { header: '科目编码', key: 'code', kind: 'code', width: 12 },
      y('金额', 'amount'),
    ],
  },
  {
    name: '科目说明',
    path: 'items',
    help: '一般公共预算财政拨款各项级科目的年初预算数、主要用途和决算数与预算数差异的原因。',
    columns: [
      { header: '科目编码', key: 'code', kind: 'code', width: 12 },
      y('年初预算数', 'budget'),
      { header: '主要用途', key: 'use', kind: 'text', width: 50 },
      { header: '差异原因', key: 'reason', kind: 'text', width: 50 },
    ],
  },
  {
    name: '基本支出经济分类',
    path: 'basicEconomic',
    help: '一般公共预算财政拨款基本支出按经济分类款级科目（5 位编码）填写，合计须等于“支出明细”中一般公共预算财政拨款基本支出。',
    columns: [
      { header: '科目编码', key: 'code', kind: 'code', width: 12 },
      { header: '科目名称', key: 'name', kind: 'text', width: 28 },
      y('金额', 'amount'),
    ],
  },
  {
    name: '决算单位',
    path: 'department.units',
    help: '纳入部门决算编制范围的单位。',
    columns: [
      { header: '单位名称', key: 'name', kind: 'text', width: 40 },
      { header: '单位性质', key: 'kind', kind: 'text', width: 20 },
    ],
  },
  {
    name: '科目名称',
    path: 'names',
    help: '类、款级科目名称（目录中没有或当年名称不同时填写）。',
    columns: [
      { header: '科目编码', key: 'code', kind: 'code', width: 12 },
      { header: '科目名称', key: 'name', kind: 'text', width: 40 },
    ],
  },
  {
    name: '车辆',
    path: 'assets.vehicles',
    help: '年末车辆按类型填写数量。',
    columns: [
      { header: '车辆类型', key: 'type', kind: 'text', width: 30 },
      { header: '数量（辆）', key: 'count', kind: 'int', width: 12 },
    ],
  },
  {
    name: '文字说明',
    path: 'text',
    help: '说明文字：每行一段。“类别”可为：部门职责、机构设置、收入来源说明、支出用途、基本支出用途、项目支出用途、年末结转说明、总体变化原因、财政拨款变化原因、一般公共预算变化原因、经济分类用途、绩效工作、其他事项；“编码”填收入来源（general/other…）或科目编码。',
    columns: [
      { header: '类别', key: 'kind', kind: 'text', width: 20 },
      { header: '编码', key: 'code', kind: 'text', width: 12 },
      { header: '内容', key: 'text', kind: 'text', width: 100 },
    ],
  },
  {
    name: '绩效项目',
    path: 'performance',
    help: '每行一个开展绩效自评的项目；资金单位为元。',
    columns: [
      { header: '附件编号', key: 'annex', kind: 'text', width: 10 },
      { header: '项目名称', key: 'name', kind: 'text', width: 36 },
      { header: '项目类别', key: 'category', kind: 'text', width: 14 },
      { header: '资金用途', key: 'purpose', kind: 'text', width: 10 },
      { header: '项目负责人', key: 'manager', kind: 'text', width: 10 },
      { header: '联系人', key: 'contact', kind: 'text', width: 10 },
      { header: '电话', key: 'phone', kind: 'text', width: 14 },
      { header: '起始日期', key: 'start', kind: 'text', width: 12 },
      { header: '结束日期', key: 'end', kind: 'text', width: 12 },
      { header: '项目概况', key: 'overview', kind: 'text', width: 40 },
      { header: '项目总目标', key: 'longTermGoal', kind: 'text', width: 40 },
      { header: '年度绩效目标', key: 'annualGoal', kind: 'text', width: 40 },
      y('预算安排', 'funds.budget'),
      y('项目实际投入', 'funds.invested'),
      y('资金到位', 'funds.arrived'),
      y('实际支出', 'funds.spent'),
    ],
  },
  {
    name: '绩效指标',
    path: 'indicators',
    help: '每行一个三级指标。评分规则：达标判定、阈值、比例、比例封顶、比例保底、按单位扣分、酌情、默认满分（见“说明”）。权重合计须为 100。',
    columns: [
      { header: '项目名称', key: 'project', kind: 'text', width: 30 },
      { header: '一级指标', key: 'level1', kind: 'text', width: 14 },
      { header: '二级指标', key: 'level2', kind: 'text', width: 12 },
      { header: '三级指标', key: 'name', kind: 'text', width: 30 },
      { header: '权重', key: 'weight', kind: 'decimal', width: 8 },
      { header: '目标值', key: 'target', kind: 'text', width: 14 },
      { header: '业绩值', key: 'actual', kind: 'text', width: 14 },
      { header: '评分规则', key: 'rule', kind: 'text', width: 12 },
      { header: '规则目标值', key: 'ruleTarget', kind: 'decimal', width: 12 },
      { header: '规则业绩值', key: 'ruleActual', kind: 'decimal', width: 12 },
      { header: '参数', key: 'param', kind: 'text', width: 10 },
      { header: '酌情得分', key: 'score', kind: 'decimal', width: 10 },
      { header: '评分标准', key: 'standard', kind: 'text', width: 40 },
      { header: '数据来源', key: 'dataSource', kind: 'text', width: 30 },
      { header: '原因说明', key: 'reason', kind: 'text', width: 40 },
    ],
  },
];

/** 资金性质 labels in the workbook ↔ fund type ids in JSON. */
export const FUND_LABELS: Record<string, string> = {
  general: '一般公共预算财政拨款',
  fund: '政府性基金预算财政拨款',
  capital: '国有资本经营预算财政拨款',
  other: '其他资金',
};

/** 评分规则 labels ↔ rule types. */
export const RULE_LABELS: Record<string, string> = {
  pass: '达标判定',
  threshold: '阈值',
  proportional: '比例',
  capped: '比例封顶',
  floor: '比例保底',
  perUnit: '按单位扣分',
  discretionary: '酌情',
  default: '默认满分',
};

/** 文字说明 categories ↔ JSON text fields. */
export const TEXT_KINDS: Record<string, string> = {
  部门职责: 'department.duties',
  机构设置: 'department.structure',
  收入来源说明: 'text.incomeSources',
  支出用途: 'text.classUses',
  基本支出用途: 'text.basicUse',
  项目支出用途: 'text.projectUse',
  年末结转说明: 'text.carryOutNote',
  总体变化原因: 'text.totalChangeReason',
  财政拨款变化原因: 'text.fiscalChangeReason',
  一般公共预算变化原因: 'text.generalChangeReason',
  经济分类用途: 'text.economicUses',
  绩效工作: 'text.performanceWork',
  其他事项: 'text.otherMatters',
};

export const INSTRUCTIONS: string[] = [
  '部门决算数据工作簿 — 填写说明',
  '1. 金额一律以“元”为单位，最多两位小数（如 1234.56）；程序按元精确汇总，再四舍五入为万元编制公开表。',
  '2. 空白表示“无此项”；请勿用 0 以外的符号（如“—”）表示零。',
  '3. 功能分类科目填项级 7 位编码（如 2011301），经济分类填款级 5 位编码（如 30201）。',
  '4. “支出明细”每行填一个科目的一种资金性质：一般公共预算财政拨款、政府性基金预算财政拨款、国有资本经营预算财政拨款或其他资金。',
  '5. “基本支出经济分类”合计须等于一般公共预算财政拨款基本支出。',
  '6. 绩效指标的评分规则：达标判定（参数填“是/否”）；阈值（业绩值≥目标值得满分，参数填“越低越好”则反之）；比例（权重×业绩值/目标值，最高为权重）；比例封顶（同上，“本项最高分值为指标总分值”）；比例保底（参数填保底比例，如 0.5，低于该比例不得分）；按单位扣分（参数填每少一个单位扣权重的百分数，如 1）；酌情（填酌情得分，并在“原因说明”中写明理由）；默认满分。每个三级指标得分先四舍五入到两位小数再求和；90 分（含）以上为优秀，80 分（含）以上为良好，60 分（含）以上为中，60 分以下为差。',
  '7. 填好后运行：npx juesuan build 本工作簿.xlsx --out 输出目录',
  'Department data workbook: amounts in 元 with at most 2 decimals; see each sheet’s first row for its columns.',
];
