// Names and form: department name everywhere, code names and chains, years, placeholders, template leftovers,
// numbering, % signs, unit words, punctuation, brackets, decimals.

import { functionalNames } from '../../model/classification.ts';
import type { Disclosure, Section } from '../../model/disclosure.ts';
import { allSections, replaceText, rowOf, tableOf } from '../fixtures/mutators.ts';
import { squashSoft } from '../narrative/view.ts';
import { chineseNumber, editDistance, squash } from '../text.ts';
import type { Draft, Evidence, Rule, RuleContext } from '../types.ts';
import { codeRows, rowLabel, tableEvidence } from '../view.ts';
import { rule } from './define.ts';
import { sentenceEvidence } from './narrative.ts';

function textRule(
  id: string,
  zh: string,
  en: string,
  basis: string,
  severity: 'error' | 'warning' | 'info',
  re: RegExp,
  fire: (d: Disclosure) => void,
  msg: (m: RegExpExecArray) => [string, string],
  accept?: (m: RegExpExecArray, text: string) => boolean,
): Rule {
  return rule({
    id,
    family: 'form',
    severity,
    title: { zh, en },
    basis,
    needsNarrative: true,
    fixtures: [{ fire }],
    check: (ctx) => {
      const out: Draft[] = [];
      const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
      for (const s of ctx.narrative.sentences) {
        for (const m of s.text.matchAll(g)) {
          const ex = m as RegExpExecArray;
          if (accept && !accept(ex, s.text)) continue;
          const [z, e] = msg(ex);
          out.push({ message: z, messageEn: e, evidence: [sentenceEvidence(s, m[0])], actual: m[0] });
        }
      }
      return out;
    },
  });
}

/** Core of a department name: without the region prefix and the organ suffix. */
export function coreName(dept: string): string {
  return squash(dept)
    .replace(/^(?:[^市省区县]{1,8}(?:省|自治区))?(?:[^市]{1,6}市)?(?:[^区县]{1,6}(?:区|县))?/, '')
    .replace(/(办公室|委员会|管理局|局|委|办|厅|中心|所|院|站|处|部)$/, '');
}

const deptTypoRule = rule({
  id: 'FORM-DEPT-TYPO',
  family: 'form',
  severity: 'warning',
  title: { zh: '部门名称书写错误（近似但不相同）', en: 'Department name misspelt (close but not equal)' },
  basis: '部门名称全文一致（GBC R006；domain §4.20）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '市合作交流局内设', '市合作流局内设') }],
  check: (ctx) => {
    const core = coreName(ctx.d.meta.department);
    if (core.length < 4) return []; // a short name ("财政") has no meaningful near misses
    const anchor = core.slice(0, 2);
    const out: Draft[] = [];
    for (const s of ctx.narrative.sentences) {
      let i = s.text.indexOf(anchor);
      while (i >= 0) {
        const windows = [core.length - 1, core.length, core.length + 1].map((n) => s.text.slice(i, i + n));
        if (!windows.includes(core)) {
          const best = Math.min(...windows.map((w) => editDistance(w, core)));
          const w = windows[1] ?? '';
          if (
            best >= 1 &&
            best <= Math.max(1, Math.floor(core.length / 5)) &&
            !out.some((o) => o.evidence[0]?.quote === s.text && o.actual === w)
          ) {
            const near = windows.find((x) => editDistance(x, core) === best) ?? w;
            out.push({
              message: `部门名称疑似笔误：“${near}”应为“${core}”`,
              messageEn: `Department name looks misspelt: "${near}" for "${core}"`,
              evidence: [sentenceEvidence(s, near)],
              expected: core,
              actual: near,
            });
          }
        }
        i = s.text.indexOf(anchor, i + 1);
      }
    }
    return out;
  },
});

const deptTableRule = rule({
  id: 'FORM-DEPT-TABLE',
  family: 'form',
  severity: 'error',
  title: { zh: '表头“部门”与部门名称一致', en: 'Table headers name the same department' },
  basis: '部门名称全文一致（GBC R006）',
  fixtures: [{ fire: (d) => (tableOf(d, 'expense').department = '示例市合作交流办') }],
  check: (ctx) =>
    ctx.d.tables
      .filter((t) => t.department !== undefined && squash(t.department) !== squash(ctx.d.meta.department))
      .map((t) => ({
        message: `${t.title} 表头部门“${t.department}”与“${ctx.d.meta.department}”不一致`,
        messageEn: `${t.title} names department "${t.department}", expected "${ctx.d.meta.department}"`,
        evidence: [tableEvidence(t)],
        expected: ctx.d.meta.department,
        actual: t.department ?? '',
      })),
});

const deptPerfRule = rule({
  id: 'FORM-DEPT-PERF',
  family: 'form',
  severity: 'warning',
  title: { zh: '绩效自评表申报单位与部门名称一致', en: 'Self-evaluation unit names the same department' },
  basis: '部门名称全文一致（GBC R006）',
  needsPerformance: true,
  fixtures: [
    {
      fire: (d) => {
        const p = d.performance[0];
        if (p) p.project.department = '示例市合作交流中心';
      },
    },
  ],
  check: (ctx) =>
    ctx.d.performance
      .filter(
        (p) =>
          p.project.department &&
          squash(p.project.department).replace(/[（(]盖章[）)]/, '') !== squash(ctx.d.meta.department),
      )
      .map((p) => ({
        message: `绩效自评表“${p.project.name}”申报单位“${p.project.department}”与部门名称不一致`,
        messageEn: `Self-evaluation "${p.project.name}" names unit "${p.project.department}"`,
        evidence: [
          { section: `绩效自评 ${p.annex ?? ''} ${p.project.name}`, ...(p.src?.page ? { page: p.src.page } : {}) },
        ],
        expected: ctx.d.meta.department,
        actual: p.project.department ?? '',
      })),
});

const codeNameRule = rule({
  id: 'FORM-CODE-NAME',
  family: 'form',
  severity: 'error',
  title: { zh: '同一科目编码在各表名称一致', en: 'A code has the same name in every table' },
  basis: '科目名称与编码对应（GBC V33-227；domain §4.14）',
  fixtures: [{ fire: (d) => (rowOf(d, 'general_budget_expense', '2011301').label = '行政运转') }],
  check: (ctx) => {
    const names = new Map<string, { name: string; table: string; page?: number }[]>();
    for (const t of ctx.d.tables) {
      if (t.kind === 'general_budget_basic' || t.kind === 'income_expense_summary' || t.kind === 'fiscal_summary')
        continue;
      for (const r of codeRows(t)) {
        const l = names.get(r.code ?? '') ?? [];
        l.push({ name: squash(r.label), table: t.title, ...(r.src?.page ? { page: r.src.page } : {}) });
        names.set(r.code ?? '', l);
      }
    }
    const out: Draft[] = [];
    for (const [code, l] of names) {
      const distinct = [...new Set(l.map((x) => x.name))];
      if (distinct.length < 2) continue;
      out.push({
        message: `科目 ${code} 在各表名称不一致：${distinct.join(' / ')}`,
        messageEn: `Code ${code} is named differently: ${distinct.join(' / ')}`,
        evidence: l.map((x) => ({
          table: x.table,
          row: `${code} ${x.name}`,
          rowKey: code,
          ...(x.page ? { page: x.page } : {}),
        })),
        expected: distinct[0] ?? '',
        actual: distinct.slice(1).join(' / '),
      });
    }
    return out;
  },
});

const catalogueNameRule = rule({
  id: 'FORM-CODE-CATALOGUE',
  family: 'form',
  severity: 'warning',
  title: { zh: '科目名称与当年政府收支分类科目一致', en: 'Code names match the classification catalogue' },
  basis: '政府收支分类科目（data/classification；domain §2）',
  fixtures: [{ fire: (d) => (rowOf(d, 'expense', '2210201').label = '住房公基金') }],
  check: (ctx) => {
    const out: Draft[] = [];
    const seen = new Set<string>();
    for (const t of ctx.d.tables) {
      if (t.kind === 'general_budget_basic') continue;
      for (const r of codeRows(t)) {
        const known = functionalNames(r.code ?? '');
        const name = squash(r.label).replace(/^[一二三四五六七八九十]+、/, '');
        if (known.length === 0 || known.includes(name) || seen.has(`${r.code}¦${name}`)) continue;
        seen.add(`${r.code}¦${name}`);
        out.push({
          message: `${t.title} ${r.code}“${name}”与科目表名称“${known.join('/')}”不一致`,
          messageEn: `${r.code} "${name}" is not the catalogue name "${known.join('/')}"`,
          evidence: [
            {
              table: t.title,
              tableKind: t.kind,
              row: rowLabel(r),
              rowKey: r.key,
              ...(r.src?.page ? { page: r.src.page } : {}),
            },
          ],
          expected: known.join(' / '),
          actual: name,
        });
      }
    }
    return out;
  },
});

const chainRule = rule({
  id: 'FORM-CODE-CHAIN',
  family: 'form',
  severity: 'error',
  title: {
    zh: '类/款/项层级完整（项有所属款，款有所属类）',
    en: 'Valid 类/款/项 chains (each item under its section and class)',
  },
  basis: '功能分类 类3/款5/项7 位（domain §2）',
  fixtures: [
    { fire: (d) => (tableOf(d, 'expense').rows = tableOf(d, 'expense').rows.filter((r) => r.code !== '20805')) },
  ],
  check: (ctx) => {
    const out: Draft[] = [];
    for (const t of ctx.d.tables) {
      if (!['income', 'expense', 'general_budget_expense', 'gov_fund', 'state_capital'].includes(t.kind)) continue;
      const codes = new Set(codeRows(t).map((r) => r.code));
      for (const r of codeRows(t)) {
        const c = r.code ?? '';
        if (c.length === 3) continue;
        const parent = c.slice(0, c.length - 2);
        if (codes.has(parent)) continue;
        out.push({
          message: `${t.title} ${c} ${r.label} 缺少上级科目 ${parent}`,
          messageEn: `${t.title} ${c} has no parent row ${parent}`,
          evidence: [
            {
              table: t.title,
              tableKind: t.kind,
              row: rowLabel(r),
              rowKey: r.key,
              ...(r.src?.page ? { page: r.src.page } : {}),
            },
          ],
          expected: parent,
          actual: '（缺失 / missing）',
        });
      }
    }
    return out;
  },
});

const classNameYearRule = rule({
  id: 'FORM-CLASS-NAME-YEAR',
  family: 'form',
  severity: 'warning',
  title: { zh: '总表类级科目名称与当年模板一致', en: 'Summary-table class names are the year’s names' },
  basis: '类名随年度调整（如 215 资源勘探信息等支出 → 资源勘探工业信息等支出）（domain §1.3, §2）',
  fixtures: [{ fire: (d) => (rowOf(d, 'income_expense_summary', 'expense.208').label = '社会保障与就业支出') }],
  check: (ctx) => {
    const out: Draft[] = [];
    for (const t of ctx.d.tables) {
      const def = ctx.template.tables.find((x) => x.kind === t.kind);
      if (!def?.fixedRows) continue;
      for (const r of t.rows) {
        const rd = def.fixedRows.find((x) => x.key === r.key);
        if (!rd?.code) continue;
        const name = squash(r.label).replace(/^[一二三四五六七八九十]+、/, '');
        const want = rd.labels[0] ?? '';
        if (name === want) continue;
        out.push({
          message: `${t.title}“${name}”应为当年名称“${want}”`,
          messageEn: `${t.title} "${name}" should be "${want}" for this year`,
          evidence: [
            {
              table: t.title,
              tableKind: t.kind,
              row: r.label,
              rowKey: r.key,
              ...(r.src?.page ? { page: r.src.page } : {}),
            },
          ],
          expected: want,
          actual: name,
        });
      }
    }
    return out;
  },
});

const yearRule = rule({
  id: 'FORM-YEAR',
  family: 'form',
  severity: 'error',
  title: { zh: '决算年度与财政年度一致', en: 'The stated fiscal year is the document’s year' },
  basis: '年度一致（OBL-STRUCT-PLACEHOLDER；domain §4.20）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '2019年度收入合计', '2018年度收入合计') }],
  check: (ctx) => {
    const out: Draft[] = [];
    for (const s of ctx.narrative.sentences) {
      for (const m of s.text.matchAll(
        /(?<![\d〔[［(（])(20\d{2})\s*年度(?=部门决算|决算|收入|支出|总收入|总支出|一般公共预算|财政拨款|机关运行经费|政府采购|“三公”|三公|没有|无|本部门|本单位)/g,
      )) {
        if (Number(m[1]) === ctx.year) continue;
        out.push({
          message: `“${m[0]}”与决算年度 ${ctx.year} 不一致`,
          messageEn: `"${m[0]}" is not the fiscal year ${ctx.year}`,
          evidence: [sentenceEvidence(s, m[0])],
          expected: `${ctx.year}年度`,
          actual: m[0],
        });
      }
    }
    return out;
  },
});

const headingYearRule = rule({
  id: 'FORM-HEADING-YEAR',
  family: 'form',
  severity: 'error',
  title: { zh: '标题中的年度与财政年度一致', en: 'Years in headings are the fiscal year' },
  basis: '年度一致（domain §4.20）',
  needsNarrative: true,
  fixtures: [
    {
      fire: (d) => {
        const s = d.narrative[1];
        if (s) s.heading = s.heading.replace('2019', '2020');
      },
    },
  ],
  check: (ctx) =>
    ctx.narrative.sentences
      .filter((s) => s.heading && s.section.depth <= 2)
      .flatMap((s): Draft[] =>
        [...s.text.matchAll(/(20\d{2})\s*年度?/g)]
          .filter((m) => Number(m[1]) !== ctx.year)
          .map((m) => ({
            message: `标题“${s.text}”中的年度 ${m[1]} 与决算年度 ${ctx.year} 不一致`,
            messageEn: `Heading year ${m[1]} differs from fiscal year ${ctx.year}`,
            evidence: [sentenceEvidence(s, m[0])],
            expected: String(ctx.year),
            actual: m[1] ?? '',
          })),
      ),
});

const PROSE_YEAR = /(?<![\d〔[［(（\-—－.])(20\d{2})(?=\s*(?:没有|无|未|部门|决算|收入|支出|全年|预算|本部门|本单位))/g;

const DOUBLE_PUNCT = /([，。；：、])\1|[，；：、][。]|[。][，；：、]|，；|；，/g;

export const FORM_RULES: Rule[] = [
  deptTypoRule,
  deptTableRule,
  deptPerfRule,
  codeNameRule,
  catalogueNameRule,
  chainRule,
  classNameYearRule,
  yearRule,
  headingYearRule,
  textRule(
    'FORM-YEAR-WORD',
    '年份后缺“年/年度”',
    'A year without 年/年度',
    '规范表述“2019年度”（domain §4.20）',
    'warning',
    PROSE_YEAR,
    (d) => replaceText(d, '2019年度没有政府性基金', '2019 没有政府性基金'),
    (m) => [`“${m[0]}”后缺“年度”字样`, `"${m[0]}" is not followed by 年/年度`],
  ),
  textRule(
    'FORM-PLACEHOLDER',
    '未替换的占位符（XX、××、□）',
    'Placeholders left in (XX, ××)',
    'OBL-STRUCT-PLACEHOLDER（domain §4.20）',
    'error',
    /(?<![A-Za-z])(?:XX+|xx+|××+|＊＊+|□□+|X{1,2}(?=部|局|单位|年|万元)|20\s?年度|202\s年)/g,
    (d) => replaceText(d, '内设3个处室', '内设XX个处室'),
    (m) => [`出现未替换的占位符“${m[0]}”`, `Placeholder "${m[0]}" left in`],
  ),
  textRule(
    'FORM-TEMPLATE-ALT',
    '模板备选词未删除（如“增加（减少）”）',
    'Template alternatives left in ("增加（减少）")',
    '模板写法“增长（下降）”“大于（小于）”须择一（SH24T；domain §4.20）',
    'error',
    /(增加|增长|减少|下降|大于|小于|上升|降低|持平)[（(](增加|增长|减少|下降|大于|小于|上升|降低|持平)[）)]/g,
    (d) => replaceText(d, '决算数大于预算数', '决算数大于（小于）预算数'),
    (m) => [`模板备选词未删除：“${m[0]}”`, `Template alternative left in: "${m[0]}"`],
  ),
  textRule(
    'FORM-TEMPLATE-INSTRUCTION',
    '模板填写说明未删除',
    'Template instructions left in',
    '模板中的填写提示须删除（SH24T；domain §1.4）',
    'error',
    /(如持平作持平表述|不涉及的不列|不涉及的可不列|请(填写|根据|按照|删除)|按实际(情况)?填写|此处(填写|说明)|填报说明|（注：[^）]*删除[^）]*）)/g,
    (d) => replaceText(d, '主要原因是人员增加', '主要原因是人员增加（如持平作持平表述）'),
    (m) => [`模板填写说明未删除：“${m[0]}”`, `Template instruction left in: "${m[0]}"`],
  ),
  textRule(
    'FORM-PERCENT-SIGN',
    '比率缺百分号',
    'Rate without a % sign',
    '比率须带%（domain §4.20）',
    'warning',
    /(执行率|完成率|占比|增长率|到位率|(?<!占[^，。；]{0,20})占[^，。；\d]{0,20}的)(为)?(\d+(?:\.\d+)?)(?![\d.%％万元亿个项人次辆台家篇批组张户所])/g,
    (d) => replaceText(d, '执行率75.00%', '执行率75.00'),
    (m) => [`“${m[0]}”缺少百分号`, `"${m[0]}" lacks a % sign`],
  ),
  textRule(
    'FORM-UNIT-WORD',
    '金额缺单位',
    'Amount without a unit word',
    '金额须写明单位（GBC R001；domain §4.20）',
    'warning',
    /(?:支出|收入|合计|总计|预算|结余|经费)(?:为)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2})(?![\d,.%％]|\s*(?:万元|元|亿元|分|个|项|人|辆|台|家|倍|个百分点))/g,
    (d) => replaceText(d, '支出合计8.00万元', '支出合计8.00'),
    (m) => [`金额“${m[0]}”缺少单位`, `Amount "${m[0]}" has no unit`],
  ),
  textRule(
    'FORM-DOUBLE-PUNCT',
    '标点重复或连用',
    'Doubled punctuation',
    '标点规范（domain §4.20）',
    'info',
    DOUBLE_PUNCT,
    (d) => replaceText(d, '其中：财政拨款收入185.00万元，占', '其中：财政拨款收入185.00万元，，占'),
    (m) => [`标点重复：“${m[0]}”`, `Doubled punctuation: "${m[0]}"`],
  ),
  textRule(
    'FORM-AMOUNT-DECIMALS',
    '万元金额小数位超过两位',
    'A 万元 amount with more than two decimals',
    '金额单位万元保留两位小数（domain §1.3）',
    'info',
    /\d[\d,]*\.\d{3,}\s*万元/g,
    (d) => replaceText(d, '执行数47.50万元', '执行数47.500万元'),
    (m) => [`“${m[0]}”保留了两位以上小数`, `"${m[0]}" has more than two decimals`],
  ),
  rule({
    id: 'FORM-BRACKETS',
    family: 'form',
    severity: 'warning',
    title: { zh: '括号、引号不配对或全半角混用', en: 'Unbalanced or mixed-width brackets and quotes' },
    basis: '标点规范（domain §4.20）',
    needsNarrative: true,
    fixtures: [{ fire: (d) => (sectionOf2(d, '收入决算情况说明').numbering = '(二）') }],
    check: (ctx) => {
      const out: Draft[] = [];
      for (const fs of ctx.narrative.sections) {
        const sec = fs.section;
        const texts: { text: string; src: Section['src'] }[] = [
          { text: `${sec.numbering}${sec.heading}`, src: sec.src },
          ...sec.paragraphs.map((p) => ({ text: p.text, src: p.src ?? sec.src })),
        ];
        for (const t of texts) {
          const text = squashSoft(t.text);
          const problem = bracketProblem(text);
          if (!problem) continue;
          const e: Evidence = {
            section: fs.path,
            quote: text.length > 200 ? `${text.slice(0, 200)}…` : text,
            value: problem.at,
          };
          if (t.src?.page !== undefined) e.page = t.src.page;
          if (t.src?.line !== undefined) e.line = t.src.line;
          out.push({
            message: `括号/引号问题：${problem.zh}`,
            messageEn: `Bracket/quote problem: ${problem.en}`,
            evidence: [e],
            actual: problem.at,
          });
        }
      }
      return out;
    },
  }),
  rule({
    id: 'FORM-NUMBERING',
    family: 'form',
    severity: 'warning',
    title: { zh: '标题编号连续、不重复', en: 'Heading numbers are consecutive, without gaps or repeats' },
    basis: '编号规范（domain §4.20）',
    needsNarrative: true,
    fixtures: [{ fire: (d) => (sectionOf2(d, '部门决算中项目绩效自评结果').numbering = '3.') }],
    check: (ctx) => numberingFindings(ctx),
  }),
  rule({
    id: 'FORM-TABLE-DECIMALS',
    family: 'form',
    severity: 'info',
    title: { zh: '表中金额保留两位小数', en: 'Table amounts have two decimals' },
    basis: '金额单位万元，保留两位小数（domain §1.3）',
    fixtures: [
      {
        fire: (d) => {
          const c = rowOf(d, 'expense', '201').cells.total;
          if (c?.kind === 'amount') c.text = '150.0';
        },
      },
    ],
    check: (ctx) => {
      const out: Draft[] = [];
      for (const t of ctx.d.tables) {
        for (const r of t.rows)
          for (const [col, c] of Object.entries(r.cells)) {
            if (c.kind !== 'amount') continue;
            const dec = c.text.includes('.') ? c.text.length - c.text.indexOf('.') - 1 : 0;
            if (dec === 2) continue;
            const e: Evidence = {
              table: t.title,
              tableKind: t.kind,
              row: rowLabel(r),
              rowKey: r.key,
              columnId: col,
              value: c.text,
            };
            if (c.src?.page) e.page = c.src.page;
            out.push({
              message: `${t.title} ${rowLabel(r)} 金额“${c.text}”不是两位小数`,
              messageEn: `${t.title} ${r.key}: "${c.text}" is not two decimals`,
              evidence: [e],
              actual: c.text,
            });
          }
      }
      return out;
    },
  }),
];

function sectionOf2(d: Disclosure, part: string): Section {
  const s = allSections(d).find((x) => x.heading.includes(part));
  if (!s) throw new Error(`no section ${part}`);
  return s;
}

const OPEN = '(（[［【“‘';
const CLOSE = ')）]］】”’';
const PAIR: Record<string, string> = { '(': ')', '（': '）', '[': ']', '［': '］', '【': '】', '“': '”', '‘': '’' };
const SAME_KIND: Record<string, string> = { '(': '（', '（': '(', '[': '［', '［': '[' };

/** Unbalanced brackets or a half-width bracket closed by a full-width one. */
export function bracketProblem(text: string): { zh: string; en: string; at: string } | undefined {
  const stack: { ch: string; i: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (OPEN.includes(ch)) stack.push({ ch, i });
    else if (CLOSE.includes(ch)) {
      const top = stack.pop();
      const at = text.slice(Math.max(0, (top?.i ?? i) - 2), i + 3);
      if (!top) return { zh: `多余的右括号“${ch}”`, en: `unmatched "${ch}"`, at };
      if (PAIR[top.ch] !== ch) {
        if (SAME_KIND[top.ch] && PAIR[SAME_KIND[top.ch] ?? ''] === ch)
          return { zh: `全半角括号混用“${top.ch}…${ch}”`, en: `mixed-width brackets "${top.ch}…${ch}"`, at };
        return { zh: `括号不配对“${top.ch}…${ch}”`, en: `mismatched "${top.ch}…${ch}"`, at };
      }
    }
  }
  const left = stack[0];
  if (left)
    return {
      zh: `缺少右括号（“${left.ch}”未闭合）`,
      en: `"${left.ch}" not closed`,
      at: text.slice(left.i, left.i + 8),
    };
  return undefined;
}

/** Numbering style and value: "一、" (1), "（一）" (2), "1." (3), "（1）" (4). */
export function parseNumbering(n: string): { style: number; value: number } | undefined {
  const s = squash(n);
  let m = /^([一二三四五六七八九十]+)、$/.exec(s);
  if (m) return { style: 1, value: chineseNumber(m[1] ?? '') ?? 0 };
  m = /^[（(]([一二三四五六七八九十]+)[）)]$/.exec(s);
  if (m) return { style: 2, value: chineseNumber(m[1] ?? '') ?? 0 };
  m = /^(\d+)[.．、]$/.exec(s);
  if (m) return { style: 3, value: Number(m[1]) };
  m = /^[（(](\d+)[）)]$/.exec(s);
  if (m) return { style: 4, value: Number(m[1]) };
  return undefined;
}

function numberingFindings(ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  const checkList = (list: Section[], where: string) => {
    const last = new Map<number, number>();
    let before: Section | undefined;
    for (const s of list) {
      const p = parseNumbering(s.numbering);
      if (!p) continue;
      const prev = last.get(p.style);
      const prevSection = before;
      before = s;
      // an item printed inline in the previous item's text ("…规则。（八）负责…") is not a gap
      const inline =
        prev !== undefined &&
        p.value > prev + 1 &&
        prevSection !== undefined &&
        Array.from({ length: p.value - prev - 1 }, (_, k) => prev + 1 + k).every((n) =>
          numberingForms(p.style, n).some((f) =>
            [prevSection.heading, ...prevSection.paragraphs.map((x) => x.text)].some((t) => squash(t).includes(f)),
          ),
        );
      if (prev !== undefined && p.value !== prev + 1 && !inline) {
        const e: Evidence = { section: `${where}${s.numbering}${s.heading}`, quote: `${s.numbering}${s.heading}` };
        if (s.src?.page) e.page = s.src.page;
        if (s.src?.line) e.line = s.src.line;
        out.push({
          message:
            p.value === prev
              ? `编号重复：“${s.numbering}${s.heading}”`
              : `编号不连续：上一个为 ${prev}，此处为“${s.numbering}”（应为 ${prev + 1}）`,
          messageEn:
            p.value === prev
              ? `Repeated number "${s.numbering}"`
              : `Numbering gap: after ${prev} comes "${s.numbering}" (expected ${prev + 1})`,
          evidence: [e],
          expected: String(prev + 1),
          actual: s.numbering,
        });
      }
      last.set(p.style, p.value);
    }
  };
  // top-level parts (一、…四、) include tables and glossary, which are not narrative sections: not checked
  for (const s of allSectionsOf(ctx.d.narrative)) checkList(s.children, `${s.numbering}${s.heading} > `);
  return out;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function cnNumber(n: number): string {
  if (n <= 10) return CN[n] ?? '';
  if (n < 20) return `十${CN[n - 10]}`;
  return `${CN[Math.floor(n / 10)]}十${CN[n % 10]}`;
}

/** Printed forms of number n in a numbering style. */
function numberingForms(style: number, n: number): string[] {
  if (style === 1) return [`${cnNumber(n)}、`];
  if (style === 2) return [`（${cnNumber(n)}）`, `(${cnNumber(n)})`, `（${cnNumber(n)})`, `(${cnNumber(n)}）`];
  if (style === 3) return [`${n}.`, `${n}．`, `${n}、`];
  return [`（${n}）`, `(${n})`];
}

function allSectionsOf(list: Section[]): Section[] {
  return list.flatMap((s) => [s, ...allSectionsOf(s.children)]);
}
