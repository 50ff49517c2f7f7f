// Completeness: tables the template requires, required narrative sections, empty tables explained,
// glossary coverage, contents ↔ body, unread parts.
import type { Disclosure, Table, TableKind } from '../../model/disclosure.ts';
import { NATIONAL_2019, SHANGHAI_2024 } from '../../model/templates.ts';
import { removeSection, removeTable, sectionOf, tableOf } from '../fixtures/mutators.ts';
import { GLOSSARY_2024_FIXED } from '../terms.ts';
import { squash, stripNumberingLabel } from '../text.ts';
import type { Draft, Evidence, Rule, RuleContext } from '../types.ts';
import { codeRows, TABLE_NAMES, tableEvidence, totalRow } from '../view.ts';
import { rule } from './define.ts';

const norm = (s: string) =>
  squash(s)
    .replace(/["＂]/g, '“')
    .replace(/“([^“]*)“/g, '“$1”');
const TABLE_IDS: Record<TableKind, string> = {
  income_expense_summary: 'T1',
  income: 'T2',
  expense: 'T3',
  fiscal_summary: 'T4',
  general_budget_expense: 'T5',
  general_budget_basic: 'T6',
  three_public: 'T7',
  gov_fund: 'T8',
  state_capital: 'T9',
};

function tablePresent(kind: TableKind): Rule {
  const n = TABLE_IDS[kind];
  return rule({
    id: `COMP-${n}-PRESENT`,
    family: 'completeness',
    severity: 'error',
    title: { zh: `须公开${TABLE_NAMES[kind]}`, en: `${n} (${kind}) must be published` },
    basis: '财预〔2016〕143号 公开表格目录；模板按年度/地区（domain §1.1, §1.2）',
    ...(kind === 'state_capital' ? { templates: ['shanghai-2024'] } : {}),
    fixtures: [{ fire: (d) => removeTable(d, kind), ...(kind === 'state_capital' ? { sample: '2024' as const } : {}) }],
    check: (ctx) => {
      if (!ctx.template.tables.some((t) => t.kind === kind)) return [];
      if (ctx.table(kind)) return [];
      const def = ctx.template.tables.find((t) => t.kind === kind);
      return [
        {
          message: `缺少第${def?.number ?? '?'}张表：${def?.titles[0] ?? TABLE_NAMES[kind]}（${ctx.template.label}）`,
          messageEn: `Table ${def?.number ?? '?'} is missing: ${def?.titles[0] ?? kind} (${ctx.template.id})`,
          evidence: [{ tableKind: kind, table: def?.titles[0] ?? TABLE_NAMES[kind] }],
          expected: def?.titles[0] ?? TABLE_NAMES[kind],
          actual: '（缺失 / missing）',
        },
      ];
    },
  });
}

const orderRule = rule({
  id: 'COMP-TABLE-ORDER',
  family: 'completeness',
  severity: 'warning',
  title: { zh: '决算表按模板顺序排列', en: 'Tables appear in template order' },
  basis: '公开表格顺序（domain §1.2；GBC V33-002/003）',
  fixtures: [
    {
      fire: (d) => {
        const [a, b] = [d.tables[1], d.tables[2]];
        if (a && b) [d.tables[1], d.tables[2]] = [b, a];
      },
    },
  ],
  check: (ctx) => {
    const order = ctx.template.tables.map((t) => t.kind);
    const seen = ctx.d.tables.map((t) => order.indexOf(t.kind)).filter((i) => i >= 0);
    for (let i = 1; i < seen.length; i++) {
      if ((seen[i] ?? 0) < (seen[i - 1] ?? 0)) {
        const t = ctx.d.tables.find((x) => order.indexOf(x.kind) === seen[i]);
        return [
          {
            message: `表格顺序与模板不一致：${t?.title ?? ''} 出现在前一张表之后的位置不对`,
            messageEn: 'Tables are out of template order',
            evidence: t ? [tableEvidence(t)] : [],
            expected: ctx.template.tables.map((x) => x.titles[0]).join('、'),
            actual: ctx.d.tables.map((x) => x.title).join('、'),
          },
        ];
      }
    }
    return [];
  },
});

const titleRule = rule({
  id: 'COMP-TABLE-TITLE',
  family: 'completeness',
  severity: 'warning',
  title: { zh: '表名与当年模板一致', en: 'Table titles match the year’s template' },
  basis: '模板表名（2019 vs 上海 2024：三公表、国资表更名）（domain §1.2）',
  fixtures: [{ fire: (d) => (tableOf(d, 'three_public').title = '财政拨款三公经费支出表') }],
  check: (ctx) =>
    ctx.d.tables.flatMap((t): Draft[] => {
      const def = ctx.template.tables.find((x) => x.kind === t.kind);
      if (!def) return [];
      const printed = norm(t.title);
      if (def.titles.map(norm).includes(printed)) return [];
      return [
        {
          message: `表名“${t.title}”与模板“${def.titles[0]}”不一致`,
          messageEn: `Title "${t.title}" differs from the template's "${def.titles[0]}"`,
          evidence: [tableEvidence(t)],
          expected: def.titles[0] ?? '',
          actual: t.title,
        },
      ];
    }),
});

const unitRule = rule({
  id: 'COMP-TABLE-UNIT',
  family: 'completeness',
  severity: 'warning',
  title: { zh: '决算表金额单位为万元', en: 'Tables are in 万元' },
  basis: '部门决算公开表金额单位万元，保留两位小数（domain §1.3）',
  fixtures: [{ fire: (d) => (tableOf(d, 'expense').unit = '元') }],
  check: (ctx) =>
    ctx.d.tables
      .filter((t) => t.unit !== '万元')
      .map((t) => ({
        message: `${t.title} 单位为“${t.unit}”，模板为“万元”`,
        messageEn: `${t.title} is in ${t.unit}, the template uses 万元`,
        evidence: [tableEvidence(t)],
        expected: '万元',
        actual: t.unit,
      })),
});

const isEmptyTable = (t: Table) =>
  !t.rows.some((r) => Object.values(r.cells).some((c) => c.kind === 'amount' && c.fen !== 0n));

const EMPTY_KINDS: [TableKind, string, RegExp][] = [
  ['gov_fund', '政府性基金', /政府性基金/],
  ['state_capital', '国有资本经营', /国有资本经营/],
  ['three_public', '“三公”经费', /三公/],
];

const emptyNoteRule = rule({
  id: 'COMP-EMPTY-NOTE',
  family: 'completeness',
  severity: 'error',
  title: { zh: '空表保留格式并在表下说明无数据原因', en: 'An empty table carries a note saying why it is empty' },
  basis: '上海 2024 模板：“仍保留该表格式，并在本表下方作说明…故本表无数据”（GBC D-008/D-009；domain §1.1）',
  templates: ['shanghai-2024'],
  fixtures: [{ sample: '2024', fire: (d) => (tableOf(d, 'gov_fund').notes = []) }],
  check: (ctx) =>
    EMPTY_KINDS.flatMap(([kind, name]): Draft[] => {
      const t = ctx.table(kind);
      if (!t || !isEmptyTable(t)) return [];
      if (t.notes.some((n) => /无数据|没有|无.*(收入|支出)/.test(n.text))) return [];
      return [
        {
          message: `${t.title} 无数据，但表下未说明原因（应注明“本年度没有${name}…故本表无数据”）`,
          messageEn: `${t.title} is empty but has no note explaining why`,
          evidence: [tableEvidence(t)],
          expected: '说明：…故本表无数据',
          actual: t.notes.map((n) => n.text).join(' ') || '（无说明 / no note）',
        },
      ];
    }),
});

const emptyNarrRule = rule({
  id: 'COMP-EMPTY-NARR',
  family: 'completeness',
  severity: 'error',
  title: { zh: '空表在情况说明中说明“无…收入和支出”', en: 'The narrative says an empty table has nothing' },
  basis: '“XX 年度无政府性基金预算财政拨款收入和支出”（SH24T §八/§九；GBC D-008/D-009；domain §4.18）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => (sectionOf(d, '政府性基金').paragraphs = [{ text: '详见公开08表。' }]) }],
  check: (ctx) =>
    EMPTY_KINDS.filter(([k]) => k !== 'three_public').flatMap(([kind, name, re]): Draft[] => {
      const t = ctx.table(kind);
      if (!t || !isEmptyTable(t)) return [];
      const said = ctx.narrative.sentences.some((s) => re.test(s.text) && /(没有|无|未发生|不涉及)/.test(s.text));
      if (said) return [];
      return [
        {
          message: `${t.title} 无数据，情况说明未说明本年度无${name}预算财政拨款收入和支出`,
          messageEn: `${t.title} is empty and the narrative does not say there was none`,
          evidence: [tableEvidence(t)],
          expected: `本年度无${name}预算财政拨款收入和支出`,
          actual: '（未说明 / not stated）',
        },
      ];
    }),
});

const emptyContraRule = rule({
  id: 'NARR-EMPTY-CONTRA',
  family: 'narrative',
  severity: 'error',
  title: { zh: '说明称“无…”但表中有数', en: 'Narrative says “none” but the table has figures' },
  basis: '表文一致（GBC D-008/D-009）',
  needsNarrative: true,
  fixtures: [
    {
      fire: (d) => {
        const t = tableOf(d, 'gov_fund');
        const r = t.rows[0];
        if (r) r.cells.income = { kind: 'amount', fen: 1_000_000n, text: '1.00' };
      },
    },
  ],
  check: (ctx) =>
    EMPTY_KINDS.filter(([k]) => k !== 'three_public').flatMap(([kind, name, re]): Draft[] => {
      const t = ctx.table(kind);
      if (!t || isEmptyTable(t)) return [];
      const s = ctx.narrative.sentences.find((x) => re.test(x.text) && /(没有|无)[^，。；]*(收入|支出)/.test(x.text));
      if (!s) return [];
      return [
        {
          message: `情况说明称无${name}收支，但${t.title}有数字`,
          messageEn: `The narrative says there was no ${kind} money, but the table has figures`,
          evidence: [
            { section: s.section.path, quote: s.text, ...(s.src?.page ? { page: s.src.page } : {}) },
            tableEvidence(t),
          ],
          expected: '一致 / consistent',
          actual: '矛盾 / contradictory',
        },
      ];
    }),
});

const SECTION_IDS: Record<string, string> = {
  收入支出决算总体情况: 'SUMMARY',
  收入决算情况: 'INCOME',
  支出决算情况: 'EXPENSE',
  财政拨款收入支出决算总体情况: 'FISCAL',
  一般公共预算财政拨款支出决算情况: 'GENERAL',
  一般公共预算财政拨款基本支出决算情况: 'BASIC',
  '“三公”经费支出决算情况': 'THREE-PUBLIC',
  政府性基金预算财政拨款收入支出决算情况: 'FUND',
  国有资本经营预算财政拨款收入支出决算情况: 'CAPITAL',
  绩效: 'PERFORMANCE',
  预算绩效: 'PERFORMANCE',
  其他重要事项: 'OTHER',
};

function sectionRules(): Rule[] {
  const phrases = new Map<string, { phrase: string; templates: string[] }>();
  for (const tpl of [NATIONAL_2019, SHANGHAI_2024]) {
    for (const p of tpl.requiredSections) {
      const id = SECTION_IDS[p] ?? p;
      const e = phrases.get(id) ?? { phrase: p, templates: [] };
      e.templates.push(tpl.id);
      phrases.set(id, e);
    }
  }
  const sampleHeading: Record<string, string> = {
    SUMMARY: '收入支出决算总体情况说明',
    INCOME: '收入决算情况说明',
    EXPENSE: '（三）',
    FISCAL: '财政拨款收入支出决算总体情况说明',
    GENERAL: '一般公共预算财政拨款支出决算情况说明',
    BASIC: '基本支出决算情况说明',
    'THREE-PUBLIC': '三公',
    FUND: '政府性基金',
    CAPITAL: '国有资本经营',
    PERFORMANCE: '预算绩效情况说明',
    OTHER: '其他重要事项',
  };
  return [...phrases].map(([id, { phrase, templates }]) =>
    rule({
      id: `COMP-SEC-${id}`,
      family: 'completeness',
      severity: 'error',
      title: { zh: `情况说明须有“${phrase}”部分`, en: `Narrative must have the "${phrase}" section` },
      basis: '情况说明必备内容（财预〔2016〕143号；模板；domain §1.4）',
      ...(templates.length < 2 ? { templates } : {}),
      needsNarrative: true,
      fixtures: [
        {
          ...(templates.includes('national-2019') ? {} : { sample: '2024' as const }),
          fire: (d) => {
            const key = sampleHeading[id] ?? phrase;
            if (key === '（三）') {
              const s = d.narrative[1]?.children.find((c) => c.numbering === '（三）');
              if (s) s.heading = '本年支出说明';
            } else removeSection(d, key);
          },
        },
      ],
      check: (ctx) => {
        const want = norm(phrase).replace(/情况$/, '');
        const found = ctx.narrative.sections.some((s) => {
          const h = norm(`${s.section.heading}`);
          return (
            h.includes(want) &&
            (id !== 'EXPENSE' || !/一般公共预算|财政拨款|基本支出|三公|基金|国有资本|收入支出决算总体/.test(h)) &&
            (id !== 'SUMMARY' || !/财政拨款/.test(h))
          );
        });
        if (found) return [];
        return [
          {
            message: `情况说明缺少“${phrase}”部分`,
            messageEn: `The narrative lacks the "${phrase}" section`,
            evidence: [{ section: '情况说明 / narrative' }],
            expected: phrase,
            actual: '（缺失 / missing）',
          },
        ];
      },
    }),
  );
}

function presenceRule(
  id: string,
  zh: string,
  en: string,
  re: RegExp,
  fire: (d: Disclosure) => void,
  basis: string,
  exempt?: (ctx: RuleContext) => boolean,
): Rule {
  return rule({
    id,
    family: 'completeness',
    severity: 'error',
    title: { zh, en },
    basis,
    needsNarrative: true,
    fixtures: [{ fire }],
    check: (ctx) =>
      re.test(ctx.narrative.fullText) || exempt?.(ctx)
        ? []
        : [
            {
              message: `情况说明未${zh.replace(/^情况说明/, '')}`,
              messageEn: `The narrative does not ${en.toLowerCase()}`,
              evidence: [{ section: '情况说明 / narrative' }],
              expected: zh,
              actual: '（缺失 / missing）',
            },
          ],
  });
}

const PRESENCE: Rule[] = [
  presenceRule(
    'COMP-NARR-DUTIES',
    '情况说明须说明部门职责/主要职能',
    'State the department’s duties',
    /(部门职责|主要职能|职能职责)/,
    (d) => removeSection(d, '部门职责'),
    '部门概况（domain §1.1, §1.4）',
  ),
  presenceRule(
    'COMP-NARR-ORG',
    '情况说明须说明机构设置/决算单位构成',
    'State the organisation',
    /(机构设置|单位构成|内设)/,
    (d) => removeSection(d, '概况'),
    '部门概况（domain §1.4）',
  ),
  presenceRule(
    'COMP-NARR-RUNNING',
    '情况说明须说明机关运行经费',
    'State running costs (机关运行经费)',
    /机关运行经费[^。；]*\d/,
    (d) => removeSection(d, '机关运行经费'),
    '财预〔2016〕143号（domain §1.1）',
  ),
  presenceRule(
    'COMP-NARR-PROCUREMENT',
    '情况说明须说明政府采购总额及中小企业份额',
    'State procurement totals and SME share',
    /政府采购[^。]*\d[^。]*中小企业|中小企业[^。]*\d/,
    (d) => removeSection(d, '政府采购'),
    '财预〔2016〕143号（domain §1.1）',
  ),
  presenceRule(
    'COMP-NARR-ASSETS',
    '情况说明须说明国有资产占用（车辆、大型设备）',
    'State state-owned assets (vehicles, equipment)',
    /(共有|拥有|占用)(各类)?(车辆|公务用车|机动车)\d+辆/,
    (d) => removeSection(d, '国有资产'),
    '财预〔2016〕143号“逐步公开”（domain §1.1）',
  ),
  presenceRule(
    'COMP-NARR-3PUBLIC-DETAIL',
    '“三公”说明须有保有量、接待批次人次、出国团组人次',
    'State vehicles kept, receptions and trips',
    /(保有量|公务用车)[^。]*\d+(辆|台)[\s\S]*\d+批次[\s\S]*\d+人次|\d+批次[\s\S]*(保有量)/,
    (d) => sectionOf(d, '三公').paragraphs.splice(1),
    '“三公”经费说明（domain §1.4）',
    (ctx) => {
      // no 三公 spending: nothing to detail
      const c = ctx.table('three_public')?.rows[0]?.cells['actual.total'];
      return (c?.kind === 'amount' && c.fen === 0n) || /无[“"]?三公[”"]?经费[^。]*支出/.test(ctx.narrative.fullText);
    },
  ),
  presenceRule(
    'COMP-NARR-PERFORMANCE',
    '情况说明须说明绩效自评结果',
    'State the performance self-evaluation results',
    /(自评|绩效评价)[^。]*\d+(\.\d+)?分/,
    (d) => removeSection(d, '部门决算中项目绩效自评结果'),
    '财预〔2016〕143号“逐步公开”绩效评价结果（domain §1.1）',
  ),
];

const itemsNamedRule = rule({
  id: 'COMP-NARR-ITEMS',
  family: 'completeness',
  severity: 'warning',
  title: {
    zh: '一般公共预算支出说明列出公开05表每个有数的项级科目',
    en: 'The general-budget section names every Table 5 item with an amount',
  },
  basis: '§五逐项说明项级科目（SH24T；OBL-TREND；domain §4.14）',
  needs: ['general_budget_expense'],
  needsNarrative: true,
  fixtures: [
    {
      fire: (d) => {
        sectionOf(d, '一般公共预算财政拨款支出决算情况说明').paragraphs.pop();
      },
    },
  ],
  check: (ctx) => {
    const t5 = ctx.table('general_budget_expense');
    const secs = ctx.narrative.sectionsMatching('一般公共预算财政拨款支出决算');
    if (!t5 || secs.length === 0) return { skip: '无一般公共预算支出说明 / no such section' };
    const text = squash(
      ctx.narrative
        .sentencesIn(secs.flatMap((s) => ctx.narrative.sections.filter((x) => x.path.startsWith(s.path))))
        .map((s) => s.text)
        .join(''),
    );
    const out: Draft[] = [];
    for (const r of codeRows(t5, 7)) {
      const c = r.cells.total;
      if (c?.kind !== 'amount' || c.fen === 0n) continue;
      const name = squash(r.label);
      if (text.includes(name)) continue;
      out.push({
        message: `公开05表 ${r.code} ${name}（${c.text} 万元）未在一般公共预算财政拨款支出说明中说明`,
        messageEn: `Table 5 item ${r.code} ${name} is not explained in the narrative`,
        evidence: [
          {
            table: t5.title,
            tableKind: t5.kind,
            row: `${r.code} ${name}`,
            rowKey: r.key,
            value: c.text,
            ...(r.src?.page ? { page: r.src.page } : {}),
          },
        ],
        expected: name,
        actual: '（未提及 / not mentioned）',
      });
    }
    return out;
  },
});

const glossaryRule = rule({
  id: 'COMP-GLOSSARY',
  family: 'completeness',
  severity: 'warning',
  title: { zh: '名词解释覆盖所用科目与术语', en: 'The glossary explains the classes, items and terms used' },
  basis:
    '名词解释：每个使用的类/项及“三公”、基本支出、项目支出、机关运行经费（2019）；上海 2024 固定 11 项（domain §1.4）',
  fixtures: [
    { fire: (d) => (d.glossary = d.glossary.filter((g) => g.term !== '住房公积金')) },
    { sample: '2024', fire: (d) => (d.glossary = d.glossary.filter((g) => g.term !== '经营支出')) },
  ],
  check: (ctx) => {
    const terms = ctx.d.glossary.map((g) => norm(g.term));
    const has = (name: string) => terms.includes(norm(name));
    const want = new Set<string>();
    if (ctx.template.id === 'shanghai-2024') for (const t of GLOSSARY_2024_FIXED) want.add(t);
    else {
      for (const t of ['“三公”经费', '基本支出', '项目支出', '机关运行经费']) want.add(t);
      const t1 = ctx.table('income_expense_summary');
      const general = t1?.rows.find((r) => r.key === 'income.general')?.cells.amount;
      const FISCAL = ['财政拨款收入', '一般公共预算财政拨款收入', '一般公共预算拨款收入'];
      if (general?.kind === 'amount' && general.fen !== 0n && !FISCAL.some((f) => terms.includes(norm(f))))
        want.add(FISCAL[0] ?? '');
      const t5 = ctx.table('general_budget_expense');
      for (const r of [...codeRows(t5, 3), ...codeRows(t5, 7)]) {
        const c = r.cells.total;
        if (c?.kind === 'amount' && c.fen !== 0n) want.add(squash(r.label));
      }
    }
    if (ctx.d.glossary.length === 0)
      return [
        {
          message: '缺少名词解释',
          messageEn: 'No glossary',
          evidence: [{ section: '名词解释 / glossary' }],
          expected: [...want].join('、'),
          actual: '（缺失 / missing）',
        },
      ];
    const missing = [...want].filter((w) => !has(w));
    return missing.map((m) => ({
      message: `名词解释未解释“${m}”`,
      messageEn: `The glossary does not explain "${m}"`,
      evidence: [{ section: '名词解释 / glossary', quote: m }],
      expected: m,
      actual: '（未解释 / not explained）',
    }));
  },
});

const contentsRule = rule({
  id: 'COMP-CONTENTS',
  family: 'completeness',
  severity: 'warning',
  title: { zh: '目录与正文一致', en: 'Contents match the body' },
  basis: '目录列出的表与正文一致（GBC V33-002/003；domain §4.20）',
  fixtures: [{ fire: (d) => d.contents.push({ text: '国有资本经营预算财政拨款支出决算表', src: { page: 1 } }) }],
  check: (ctx) => {
    if (ctx.d.contents.length === 0) return [];
    const allTitles = new Map<string, TableKind>();
    for (const tpl of [NATIONAL_2019, SHANGHAI_2024])
      for (const t of tpl.tables) for (const x of t.titles) allTitles.set(norm(x), t.kind);
    const listed = ctx.d.contents.map((c) => ({ c, kind: allTitles.get(norm(stripNumberingLabel(c.text))) }));
    const out: Draft[] = [];
    for (const { c, kind } of listed) {
      if (kind && !ctx.table(kind))
        out.push({
          message: `目录列出“${c.text}”，正文中没有该表`,
          messageEn: `Contents list "${c.text}" but the body has no such table`,
          evidence: [{ section: '目录 / contents', quote: c.text, ...(c.src?.page ? { page: c.src.page } : {}) }],
          expected: c.text,
          actual: '（正文无 / not in body）',
        });
    }
    const listedKinds = new Set(listed.map((l) => l.kind));
    if (listedKinds.size > 1)
      for (const t of ctx.d.tables)
        if (!listedKinds.has(t.kind))
          out.push({
            message: `正文有“${t.title}”，目录未列出`,
            messageEn: `"${t.title}" is in the body but not in the contents`,
            evidence: [tableEvidence(t)],
            expected: t.title,
            actual: '（目录无 / not listed）',
          });
    return out;
  },
});

const unreadRule = rule({
  id: 'COMP-UNREAD',
  family: 'completeness',
  severity: 'warning',
  title: { zh: '文件有未能读取的部分', en: 'Parts of the document could not be read' },
  basis: '未读部分不能视为无误（architecture: honest coverage）',
  fixtures: [{ fire: (d) => d.unread.push({ what: '第 3 页', reason: '无法识别 / unreadable', src: { page: 3 } }) }],
  check: (ctx) => {
    const out: Draft[] = [];
    for (const u of ctx.d.unread) {
      const e: Evidence = {
        quote: u.what,
        ...(u.src?.page ? { page: u.src.page } : {}),
        ...(u.src?.line ? { line: u.src.line } : {}),
      };
      out.push({
        message: `未能读取：${u.what}（${u.reason}）`,
        messageEn: `Not read: ${u.what} (${u.reason})`,
        evidence: [e],
      });
    }
    for (const t of ctx.d.tables)
      for (const u of t.unread) {
        const e: Evidence = { ...tableEvidence(t), quote: u.reason };
        if (u.src?.page) e.page = u.src.page;
        if (u.src?.line) e.line = u.src.line;
        out.push({
          message: `${t.title} 有未能读取的内容：${u.reason}`,
          messageEn: `${t.title}: part not read: ${u.reason}`,
          evidence: [e],
        });
      }
    for (const t of ctx.d.tables)
      for (const r of t.rows)
        for (const [col, c] of Object.entries(r.cells))
          if (c.kind === 'unread') {
            const e: Evidence = {
              ...tableEvidence(t),
              row: r.label || r.key,
              rowKey: r.key,
              columnId: col,
              quote: c.reason,
            };
            if (c.src?.page ?? r.src?.page) e.page = (c.src?.page ?? r.src?.page) as number;
            out.push({
              message: `${t.title} ${r.code ?? ''}${r.label}「${col}」未能读取：${c.reason}`,
              messageEn: `${t.title} ${r.key} [${col}] not read: ${c.reason}`,
              evidence: [e],
            });
          }
    for (const p of ctx.d.performance)
      for (const u of p.unread ?? []) {
        const where = `${p.annex ?? '绩效自评'} ${p.project.name}`;
        const e: Evidence = { quote: `${u.what}：${u.reason}` };
        if (u.src?.page) e.page = u.src.page;
        if (u.src?.line) e.line = u.src.line;
        out.push({
          message: `${where} 有未能读取的内容：${u.what}（${u.reason}）`,
          messageEn: `${where}: part not read: ${u.what} (${u.reason})`,
          evidence: [e],
        });
      }
    return out;
  },
});

const t5DepthRule = rule({
  id: 'COMP-T5-DEPTH',
  family: 'completeness',
  severity: 'error',
  title: { zh: '一般公共预算支出表细化到项级科目', en: 'Table 5 goes down to 项 (7-digit) level' },
  basis: '一般公共预算支出表须公开到功能分类项级（财预〔2016〕143号；domain §1.1）',
  needs: ['general_budget_expense'],
  fixtures: [
    {
      fire: (d) =>
        (tableOf(d, 'general_budget_expense').rows = tableOf(d, 'general_budget_expense').rows.filter(
          (r) => r.code?.length !== 7,
        )),
    },
  ],
  check: (ctx) => {
    const t = ctx.table('general_budget_expense');
    if (!t) return [];
    const out: Draft[] = [];
    for (const r of codeRows(t, 5)) {
      const c = r.cells.total;
      if (c?.kind !== 'amount' || c.fen === 0n) continue;
      if (codeRows(t, 7).some((x) => x.code?.startsWith(r.code ?? '-'))) continue;
      out.push({
        message: `公开05表 ${r.code} ${r.label} 未细化到项级科目`,
        messageEn: `Table 5 ${r.code} has no 项-level rows`,
        evidence: [
          {
            table: t.title,
            tableKind: t.kind,
            row: `${r.code} ${r.label}`,
            rowKey: r.key,
            ...(r.src?.page ? { page: r.src.page } : {}),
          },
        ],
      });
    }
    return out;
  },
});

const totalRowRule = rule({
  id: 'COMP-TOTAL-ROW',
  family: 'completeness',
  severity: 'error',
  title: { zh: '分类表有合计行', en: 'Classification tables have a 合计 row' },
  basis: '表格式（domain §1.3）',
  fixtures: [{ fire: (d) => (tableOf(d, 'income').rows = tableOf(d, 'income').rows.filter((r) => r.key !== 'total')) }],
  check: (ctx) =>
    (['income', 'expense', 'general_budget_expense', 'gov_fund', 'state_capital'] as TableKind[]).flatMap(
      (k): Draft[] => {
        const t = ctx.table(k);
        if (!t || totalRow(t)) return [];
        return [
          {
            message: `${t.title} 没有合计行`,
            messageEn: `${t.title} has no total row`,
            evidence: [tableEvidence(t)],
            expected: '合计',
            actual: '（缺失 / missing）',
          },
        ];
      },
    ),
});

export const COMPLETENESS_RULES: Rule[] = [
  ...(Object.keys(TABLE_IDS) as TableKind[]).map(tablePresent),
  orderRule,
  titleRule,
  unitRule,
  totalRowRule,
  t5DepthRule,
  emptyNoteRule,
  emptyNarrRule,
  emptyContraRule,
  ...sectionRules(),
  ...PRESENCE,
  itemsNamedRule,
  glossaryRule,
  contentsRule,
  unreadRule,
];

export type { RuleContext };
