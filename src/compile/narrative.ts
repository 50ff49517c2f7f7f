// The narrative (概况 and 情况说明) as a Section tree, generated from the department's data and the built tables.

import type { DepartmentData, ProjectInput } from '../import/workbook/schema.ts';
import type { Section, TextBlock } from '../model/disclosure.ts';
import { percentHundredths } from '../model/money.ts';
import { headingNumber } from '../model/numerals.ts';
import type { Template } from '../model/templates.ts';
import { rounded } from './cells.ts';
import type { Ledger } from './ledger.ts';
import type { CodeNames } from './names.ts';
import { againstBudget, change, clauses, hundredths, shareOf, trimStop, wan } from './phrases.ts';
import { formatPoints, type ScoreResult } from './scoring.ts';
import { type Figures, FUND_NAMES } from './tables.ts';

export interface NarrativeInput {
  d: DepartmentData;
  tpl: Template;
  names: CodeNames;
  ledger: Ledger;
  f: Figures;
  scores: ScoreResult[];
  /** True when some table carries a rounding note. */
  roundingNote: boolean;
}

const p = (text: string): TextBlock => ({ text });

function sec(
  numbering: string,
  level: number,
  heading: string,
  paragraphs: string[],
  children: Section[] = [],
): Section {
  return { numbering, level, heading, paragraphs: paragraphs.filter((x) => x.length > 0).map(p), children };
}

const INCOME_NAMES: Record<string, string> = {
  general: '一般公共预算财政拨款收入',
  fund: '政府性基金预算财政拨款收入',
  capital: '国有资本经营预算财政拨款收入',
  superior: '上级补助收入',
  business: '事业收入',
  operating: '经营收入',
  affiliated: '附属单位上缴收入',
  other: '其他收入',
};
const SPENDING_NAMES: Record<string, string> = {
  basic: '基本支出',
  project: '项目支出',
  remitted: '上缴上级支出',
  operating: '经营支出',
  subsidy: '对附属单位补助支出',
};

export function buildNarrative(x: NarrativeInput): Section[] {
  const { d } = x;
  const name = d.department.name;
  const [duties, units] = x.tpl.overviewHeadings;
  const overview = sec(
    '',
    1,
    `${name}概况`,
    [],
    [
      sec('', 2, duties, d.department.duties),
      sec('', 2, units, [
        ...d.department.structure,
        d.department.units.length > 0
          ? `纳入${name}${d.fiscalYear}年度部门决算编制范围的单位共${d.department.units.length}个，包括：${d.department.units.map((u) => u.name).join('、')}。`
          : '',
      ]),
    ],
  );
  const parts: Section[] = [
    totals(x),
    incomeSection(x),
    expenseSection(x),
    fiscalSection(x),
    generalSection(x),
    basicSection(x),
    threePublicSection(x),
    fundSection(x, 'fund'),
  ];
  if (x.tpl.tables.some((t) => t.kind === 'state_capital')) parts.push(fundSection(x, 'capital'));
  parts.push(performanceSection(x), otherSection(x));
  const explain = sec('', 1, `${name}${d.fiscalYear}年度部门决算情况说明`, [], parts);
  // The 概况 is part one, the 情况说明 part three (the tables and the glossary are two and four).
  overview.numbering = headingNumber(x.tpl.headings, 1, 1);
  explain.numbering = headingNumber(x.tpl.headings, 1, 3);
  for (const s of [overview, explain]) numberChildren(s, x.tpl.headings);
  return [overview, explain];
}

/** Every heading below a section numbered by its place among its siblings, in the template's style. */
function numberChildren(s: Section, scheme: Template['headings']): void {
  s.children.forEach((c, i) => {
    c.numbering = headingNumber(scheme, c.level, i + 1);
    numberChildren(c, scheme);
  });
}

function who(x: NarrativeInput): string {
  return `${x.d.department.shortName ?? x.d.department.name}${x.d.fiscalYear}年度`;
}

function totals(x: NarrativeInput): Section {
  const { d, f } = x;
  const t = d.text;
  const incomeItems = Object.entries(INCOME_NAMES)
    .filter(([k]) => (f.incomeBySource[k] ?? 0n) !== 0n)
    .map(
      ([k, n]) =>
        `${n}${wan(f.incomeBySource[k] ?? 0n)}${t.incomeSources[k] ? `，${trimStop(t.incomeSources[k] ?? '')}` : ''}`,
    );
  if (f.reserveUse !== 0n) incomeItems.push(`${reserveName(x)}${wan(f.reserveUse)}`);
  if (f.carryIn !== 0n) incomeItems.push(`年初结转和结余${wan(f.carryIn)}`);
  const classes = x.ledger.expense.codes.filter((c) => c.length === 3);
  const expenseItems = classes.map((c) => {
    const a = x.ledger.expense.byCode.get(c) ?? {};
    const v = Object.values(a).reduce((s, n) => s + n, 0n);
    const use = t.classUses[c];
    return `${x.names.functional(c)}${wan(v)}${use ? `，${trimStop(use)}` : ''}`;
  });
  if (f.distribution !== 0n) expenseItems.push(`结余分配${wan(f.distribution)}`);
  expenseItems.push(`年末结转和结余${wan(f.carryOut)}${t.carryOutNote ? `，${trimStop(t.carryOutNote)}` : ''}`);
  return sec(
    '',
    2,
    '收入支出决算总体情况说明',
    [
      `${who(x)}收入总计${wan(f.grandTotal)}，支出总计${wan(f.grandTotal)}。${change(f.grandTotal, d.prior.grandTotal, d.fiscalYear - 1, t.totalChangeReason)}`,
    ],
    [
      sec('', 3, `收入总计${wan(f.grandTotal)}`, [
        `${who(x)}收入总计${wan(f.grandTotal)}，包括：${clauses(incomeItems)}`,
      ]),
      sec('', 3, `支出总计${wan(f.grandTotal)}`, [
        `${who(x)}支出总计${wan(f.grandTotal)}，包括：${clauses(expenseItems)}`,
      ]),
    ],
  );
}

function reserveName(x: NarrativeInput): string {
  return x.tpl.id === 'national-2019' ? '用事业基金弥补收支差额' : '使用非财政拨款结余';
}

function incomeSection(x: NarrativeInput): Section {
  const { f, d } = x;
  const items = Object.entries(INCOME_NAMES)
    .filter(([k]) => (f.incomeBySource[k] ?? 0n) !== 0n)
    .map(([k, n]) => {
      const v = f.incomeBySource[k] ?? 0n;
      const src = d.text.incomeSources[k];
      return `${n}${wan(v)}${shareOf(v, f.incomeTotal, '本年收入合计')}${src ? `，${trimStop(src)}` : ''}`;
    });
  const body = items.length > 0 ? `其中：${clauses(items)}` : '';
  return sec('', 2, '收入决算情况说明', [
    `${who(x)}本年收入合计${wan(f.incomeTotal)}。${change(f.incomeTotal, d.prior.incomeTotal, d.fiscalYear - 1)}${body}`,
  ]);
}

function expenseSection(x: NarrativeInput): Section {
  const { f, d } = x;
  const uses: Record<string, string | undefined> = { basic: d.text.basicUse, project: d.text.projectUse };
  const items = Object.entries(SPENDING_NAMES)
    .filter(([k]) => (f.expenseByKind[k] ?? 0n) !== 0n)
    .map(([k, n]) => {
      const v = f.expenseByKind[k] ?? 0n;
      const use = uses[k];
      return `${n}${wan(v)}${shareOf(v, f.expenseTotal, '本年支出合计')}${use ? `，${trimStop(use)}` : ''}`;
    });
  const body = items.length > 0 ? `其中：${clauses(items)}` : '';
  return sec('', 2, '支出决算情况说明', [
    `${who(x)}本年支出合计${wan(f.expenseTotal)}。${change(f.expenseTotal, d.prior.expenseTotal, d.fiscalYear - 1)}${body}`,
  ]);
}

function fiscalSection(x: NarrativeInput): Section {
  const { f, d } = x;
  const expense = f.fiscalExpense.general + f.fiscalExpense.fund + f.fiscalExpense.capital;
  const carryOut = f.fiscalCarryOut.general + f.fiscalCarryOut.fund + f.fiscalCarryOut.capital;
  const carryIn = f.fiscalCarryIn.general + f.fiscalCarryIn.fund + f.fiscalCarryIn.capital;
  const income = f.fiscalIncome.general + f.fiscalIncome.fund + f.fiscalIncome.capital;
  return sec('', 2, '财政拨款收入支出决算总体情况说明', [
    `${who(x)}财政拨款收入总计${wan(f.fiscalGrand)}，包括本年收入合计${wan(income)}、年初财政拨款结转和结余${wan(carryIn)}；支出总计${wan(f.fiscalGrand)}，包括本年支出合计${wan(expense)}、年末财政拨款结转和结余${wan(carryOut)}。${change(f.fiscalGrand, d.prior.fiscalGrandTotal, d.fiscalYear - 1, d.text.fiscalChangeReason)}`,
  ]);
}

function itemHeading(x: NarrativeInput, code: string): string {
  const n = x.names;
  const item = x.ledger.itemNames.get(code) ?? n.functional(code);
  return `${n.functional(code.slice(0, 3))}（类）${n.functional(code.slice(0, 5))}（款）${item}（项）`;
}

function generalSection(x: NarrativeInput): Section {
  const { f, d } = x;
  const g = x.ledger.expenseByFund.general;
  const total = f.fiscalExpense.general;
  const first = `${who(x)}一般公共预算财政拨款支出${wan(total)}${shareOf(total, f.expenseTotal, '本年支出合计')}。${change(total, d.prior.generalExpense, d.fiscalYear - 1, d.text.generalChangeReason)}`;
  const classes = g.codes.filter((c) => c.length === 3);
  const structure =
    classes.length > 0
      ? `一般公共预算财政拨款支出决算结构：${clauses(
          classes.map((c) => {
            const v = Object.values(g.byCode.get(c) ?? {}).reduce((s, n) => s + n, 0n);
            return `${x.names.functional(c)}${wan(v)}${shareOf(v, total, '一般公共预算财政拨款支出')}`;
          }),
        )}`
      : `${who(x)}无一般公共预算财政拨款支出。`;
  const notes = new Map(d.items.map((i) => [i.code, i]));
  const items = g.codes.filter((c) => c.length === 7);
  const children = items.map((code) => {
    const v = Object.values(g.byCode.get(code) ?? {}).reduce((s, n) => s + n, 0n);
    const note = notes.get(code);
    const body =
      note?.budget !== undefined
        ? againstBudget(v, note.budget, note.reason)
        : `支出决算为${wan(v)}。${note?.reason ? `主要原因是${trimStop(note.reason)}。` : ''}`;
    const use = note?.use ? `主要用于${trimStop(note.use).replace(/^主要用于/, '')}。` : '';
    return sec('', 3, itemHeading(x, code), [`${body}${use}`]);
  });
  return sec('', 2, '一般公共预算财政拨款支出决算情况说明', [first, structure], children);
}

function basicSection(x: NarrativeInput): Section {
  const { f, d } = x;
  const list = (personnel: boolean): string => {
    const names = d.basicEconomic
      .filter((l) => l.amount !== 0n && (l.code.startsWith('301') || l.code.startsWith('303')) === personnel)
      .map((l) => l.name);
    return names.length > 0 ? `，主要包括：${names.join('、')}` : '';
  };
  const uses = Object.entries(d.text.economicUses).map(([code, u]) => {
    const v = [...f.economic].filter(([c]) => c.startsWith(code)).reduce((s, [, n]) => s + n, 0n);
    return `${x.names.economic(code)}${wan(v)}，${trimStop(u)}`;
  });
  return sec('', 2, '一般公共预算财政拨款基本支出决算情况说明', [
    `${who(x)}一般公共预算财政拨款基本支出${wan(f.personnel + f.publicExpense)}，其中：人员经费${wan(f.personnel)}${list(true)}；公用经费${wan(f.publicExpense)}${list(false)}。`,
    uses.length > 0 ? `按经济分类：${clauses(uses)}` : '',
  ]);
}

function threePublicSection(x: NarrativeInput): Section {
  const { d } = x;
  const tp = d.threePublic;
  const title =
    x.tpl.id === 'national-2019'
      ? '一般公共预算财政拨款“三公”经费支出决算情况说明'
      : '财政拨款“三公”经费支出决算情况说明';
  const sumOf = (a: typeof tp.budget) => a.abroad + a.vehiclePurchase + a.vehicleOperation + a.reception;
  const budget = sumOf(tp.budget);
  const actual = sumOf(tp.actual);
  if (budget === 0n && actual === 0n) {
    return sec('', 2, title, [`${d.department.name}${d.fiscalYear}年度无“三公”经费财政拨款支出。`]);
  }
  const rate = (a: bigint, b: bigint) =>
    rounded(b) === 0n ? '' : `，完成年初预算的${hundredths(percentHundredths(rounded(a), rounded(b)))}%`;
  const yoy = (a: bigint, prior?: bigint) => (prior === undefined ? '' : change(a, prior, d.fiscalYear - 1));
  const first = `${who(x)}“三公”经费年初预算${wan(budget)}，支出决算${wan(actual)}${rate(actual, budget)}。${tp.reason ? `决算数与预算数存在差异的主要原因是${trimStop(tp.reason)}。` : ''}${tp.prior ? yoy(actual, sumOf(tp.prior)) : ''}`;
  const shares =
    rounded(actual) === 0n
      ? ''
      : `其中：因公出国（境）费支出${wan(tp.actual.abroad)}${shareOf(tp.actual.abroad, actual, '“三公”经费支出')}；公务用车购置及运行费支出${wan(tp.actual.vehiclePurchase + tp.actual.vehicleOperation)}${shareOf(tp.actual.vehiclePurchase + tp.actual.vehicleOperation, actual, '“三公”经费支出')}；公务接待费支出${wan(tp.actual.reception)}${shareOf(tp.actual.reception, actual, '“三公”经费支出')}。`;
  const foreign =
    tp.foreignReceptionBatches !== undefined
      ? `，其中外宾接待${tp.foreignReceptionBatches}批次、${tp.foreignReceptionPeople ?? 0}人次`
      : '';
  const vehicle = tp.actual.vehiclePurchase + tp.actual.vehicleOperation;
  const vehicleBudget = tp.budget.vehiclePurchase + tp.budget.vehicleOperation;
  return sec(
    '',
    2,
    title,
    [tp.scope ?? '', first, shares],
    [
      sec('', 3, '因公出国（境）费', [
        `年初预算${wan(tp.budget.abroad)}，支出决算${wan(tp.actual.abroad)}${rate(tp.actual.abroad, tp.budget.abroad)}${tp.prior ? `。${yoy(tp.actual.abroad, tp.prior.abroad)}` : '。'}全年因公出国（境）团组${tp.abroadGroups}个，累计${tp.abroadPeople}人次。`,
      ]),
      sec('', 3, '公务用车购置及运行费', [
        `年初预算${wan(vehicleBudget)}，支出决算${wan(vehicle)}${rate(vehicle, vehicleBudget)}。其中：公务用车购置费支出${wan(tp.actual.vehiclePurchase)}，购置车辆${tp.vehiclesPurchased}辆；公务用车运行维护费支出${wan(tp.actual.vehicleOperation)}，主要用于公务用车燃料费、维修费、保险费、过路过桥费等支出。${d.fiscalYear}年末公务用车保有量${tp.vehiclesHeld}辆。`,
      ]),
      sec('', 3, '公务接待费', [
        `年初预算${wan(tp.budget.reception)}，支出决算${wan(tp.actual.reception)}${rate(tp.actual.reception, tp.budget.reception)}${tp.prior ? `。${yoy(tp.actual.reception, tp.prior.reception)}` : '。'}全年国内公务接待${tp.receptionBatches}批次、${tp.receptionPeople}人次${foreign}。`,
      ]),
    ],
  );
}

function fundSection(x: NarrativeInput, fund: 'fund' | 'capital'): Section {
  const { d, f } = x;
  const what = FUND_NAMES[fund];
  const title = `${what}收入支出决算情况说明`;
  const e = x.ledger.expenseByFund[fund];
  if (f.fiscalIncome[fund] === 0n && f.fiscalExpense[fund] === 0n && f.fiscalCarryIn[fund] === 0n) {
    return sec('', 2, title, [`${d.department.name}${d.fiscalYear}年度无${what}收入和支出。`]);
  }
  const children = e.codes
    .filter((c) => c.length === 7)
    .map((code) => {
      const v = Object.values(e.byCode.get(code) ?? {}).reduce((s, n) => s + n, 0n);
      const note = d.items.find((n) => n.code === code);
      const body = note?.budget !== undefined ? againstBudget(v, note.budget, note.reason) : `支出决算为${wan(v)}。`;
      return sec('', 3, itemHeading(x, code), [`${body}${note?.use ? `主要用于${trimStop(note.use)}。` : ''}`]);
    });
  return sec(
    '',
    2,
    title,
    [
      `${who(x)}${what}收入${wan(f.fiscalIncome[fund])}，年初结转和结余${wan(f.fiscalCarryIn[fund])}，支出${wan(f.fiscalExpense[fund])}，年末结转和结余${wan(f.fiscalCarryOut[fund])}。`,
    ],
    children,
  );
}

function performanceSection(x: NarrativeInput): Section {
  const { d } = x;
  const projects = d.performance;
  const heading = x.tpl.id === 'national-2019' ? '预算绩效情况说明' : '预算绩效情况说明';
  if (projects.length === 0) {
    // Without project data the department's own account stands alone.
    const none = d.text.performanceWork.length === 0 ? [`${who(x)}无项目开展绩效自评。`] : [];
    return sec('', 2, heading, [...d.text.performanceWork, ...none]);
  }
  const budget = projects.reduce((t, pr) => t + pr.funds.budget, 0n);
  const avg = x.scores.reduce((t, s) => t + s.total, 0n);
  const byGrade = new Map<string, number>();
  for (const s of x.scores) byGrade.set(s.grade, (byGrade.get(s.grade) ?? 0) + 1);
  const summary = `${who(x)}共${projects.length}个项目开展绩效自评，涉及资金${wan(budget)}，平均分${formatPoints(divRoundPoints(avg, BigInt(projects.length)))}；其中评价等级为${[...byGrade].map(([g, n]) => `“${g}”的${n}个`).join('、')}。`;
  const children = projects.map((pr, i) => projectSection(pr, x.scores[i]));
  return sec('', 2, heading, [...d.text.performanceWork, summary], children);
}

function divRoundPoints(total: bigint, n: bigint): bigint {
  return (total * 2n + n) / (2n * n);
}

function projectSection(pr: ProjectInput, s: ScoreResult | undefined): Section {
  const rate =
    rounded(pr.funds.budget) === 0n
      ? ''
      : `，预算执行率${hundredths(percentHundredths(pr.funds.spent, pr.funds.budget))}%`;
  const first = `${pr.name}：项目自评得分${s ? formatPoints(s.total) : ''}分，评价等级为“${s?.grade ?? ''}”。项目全年预算数${wan(pr.funds.budget)}，执行数${wan(pr.funds.spent)}${rate}。`;
  const unmet = (s?.indicators ?? []).filter((k) => k.input.name !== undefined && !k.met);
  const problems =
    unmet.length > 0
      ? `未完成绩效目标的指标：${clauses(
          unmet.map(
            (k) =>
              `${k.input.name}（权重${formatPoints(k.weight)}，评分结果${formatPoints(k.score)}）${k.input.reason ? `，原因是${trimStop(k.input.reason)}` : k.input.rule.type === 'discretionary' ? `，${trimStop(k.input.rule.reason)}` : ''}`,
          ),
        )}`
      : '各项绩效指标均已完成。';
  return sec('', 3, `${pr.name}绩效自评结果`, [first, problems, pr.annex ? `详见${pr.annex}。` : '']);
}

function otherSection(x: NarrativeInput): Section {
  const { d, f } = x;
  const oc = d.operatingCost;
  const ocActual = oc.actual ?? f.publicExpense;
  const ocBudget =
    oc.budget === undefined
      ? ''
      : rounded(ocActual) === rounded(oc.budget)
        ? '，与年初预算持平'
        : `，比年初预算${ocActual > oc.budget ? '增加' : '减少'}${wan(ocActual > oc.budget ? ocActual - oc.budget : oc.budget - ocActual)}`;
  const operating = `${who(x)}机关运行经费支出${wan(ocActual)}${ocBudget}。${change(ocActual, d.prior.operatingCost, d.fiscalYear - 1)}${oc.note ? `${trimStop(oc.note)}。` : ''}`;
  const pc = d.procurement;
  const ptotal = pc.goods + pc.works + pc.services;
  // The total quoted is the sum of the rounded parts quoted with it, so the sentence adds up as printed.
  const shownTotal = rounded(pc.goods) + rounded(pc.works) + rounded(pc.services);
  const procurement =
    ptotal === 0n
      ? `${who(x)}无政府采购支出。`
      : `${who(x)}政府采购支出总额${wan(shownTotal)}，其中：政府采购货物支出${wan(pc.goods)}、政府采购工程支出${wan(pc.works)}、政府采购服务支出${wan(pc.services)}。授予中小企业合同金额${wan(pc.sme)}${shareOf(pc.sme, shownTotal, '政府采购支出总额')}${pc.smallMicro !== undefined ? `，其中：授予小微企业合同金额${wan(pc.smallMicro)}${shareOf(pc.smallMicro, shownTotal, '政府采购支出总额')}` : ''}。${pc.note ? `${trimStop(pc.note)}。` : ''}`;
  const a = d.assets;
  const vehicles = a.vehicles.reduce((t, v) => t + v.count, 0);
  const equipment =
    x.tpl.id === 'national-2019'
      ? `单价50万元以上通用设备${a.generalEquipment}台（套），单价100万元以上专用设备${a.specialEquipment}台（套）`
      : `单价100万元（含）以上设备${a.generalEquipment + a.specialEquipment}台（套）`;
  const assets = `截至${a.date ?? `${d.fiscalYear}年12月31日`}，${d.department.name}共有车辆${vehicles}辆${a.vehicles.length > 0 ? `，其中：${a.vehicles.map((v) => `${v.type}${v.count}辆`).join('、')}` : ''}；${equipment}。`;
  const others = [...d.text.otherMatters];
  if (x.roundingNote) {
    others.push(`${who(x)}部门决算公开表中个别数据存在0.01的误差，是由于数据单位由“元”转换为“万元”四舍五入导致的。`);
  }
  const children = [
    sec('', 3, '机关运行经费支出情况说明', [operating]),
    sec('', 3, '政府采购支出情况说明', [procurement]),
    sec('', 3, '国有资产占用情况说明', [assets]),
  ];
  if (others.length > 0) children.push(sec('', 3, '其他需要说明的事项', others));
  return sec('', 2, '其他重要事项的情况说明', [], children);
}
