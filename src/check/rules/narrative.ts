// Narrative ↔ tables: amounts bound to their table figure, units, rates, shares, growth, direction words,
// repeated figures, 三公 / 机关运行经费 / 政府采购 / 国有资产 statements.

import { economicEntry, functionalNames } from '../../model/classification.ts';
import type { Disclosure, Row } from '../../model/disclosure.ts';
import { abs, divRound, formatScaled, type Unit } from '../../model/money.ts';
import { bump, replaceText } from '../fixtures/mutators.ts';
import { candidates, figuresFor, sameAtPrintedPrecision, sameNumberOtherUnit, scopeOf } from '../narrative/figures.ts';
import type { AmountMention, Mention, PercentMention, Sentence } from '../narrative/view.ts';
import { squash } from '../text.ts';
import type { Draft, Evidence, Rule, RuleContext } from '../types.ts';
import { cellEvidence, fmt, rowByKey, tie, tieDraft } from '../view.ts';
import { rule, tno } from './define.ts';

export function sentenceEvidence(s: Sentence, value?: string, role?: string): Evidence {
  const e: Evidence = { section: s.section.path, quote: s.text };
  if (role) e.role = role;
  if (value) e.value = value;
  if (s.src?.page !== undefined) e.page = s.src.page;
  if (s.src?.line !== undefined) e.line = s.src.line;
  return e;
}

const pct = (v: bigint, scale: number) => `${formatScaled(v, scale, scale)}%`;

/** Percentage part/whole at `scale` decimals (half away from zero), as value × 10^-scale. */
export function percentAt(part: bigint, whole: bigint, scale: number): bigint {
  return divRound(part * 100n * 10n ** BigInt(scale), whole);
}

/** Compare a printed percentage with a recomputed one: ok, off by one in the last place (rounding), or wrong. */
function pctOutcome(
  printed: PercentMention,
  part: bigint,
  whole: bigint,
): { ok: boolean; near: boolean; expect: bigint } {
  const expect = percentAt(part, whole, printed.scale);
  const d = abs(expect - printed.value);
  return { ok: d === 0n, near: d === 1n, expect };
}

let view: RuleContext['narrative'] | undefined;
function indexMentions(ctx: RuleContext): void {
  view = ctx.narrative;
}
const amountsBefore = (p: Mention): AmountMention[] =>
  (view?.inSentence(p.sentence) ?? []).filter((m): m is AmountMention => m.kind === 'amount' && m.at < p.at);
const sentenceMentions = { get: (s: Sentence) => view?.inSentence(s) };

/** Subject without fund names that contain 预算 ("一般公共预算财政拨款…" is not a budget figure). */
const plainSubject = (m: AmountMention) => m.subject.replace(/(一般公共|政府性基金|国有资本经营)预算/g, '');
const isBudget = (m: AmountMention) => /预算/.test(plainSubject(m)) && !/[比较](年初)?预算/.test(m.subject);
const isChange = (m: AmountMention) =>
  /(减少|增加|节约|增长|下降|超支|节支|差额)$/.test(m.subject) || /[比较](上年|去年|预算|年初)/.test(m.subject);
const RATE_RE = /(执行率|完成率|完成(年初)?预算的|为(年初)?预算的|预算完成率)$/;

function mentionEvidence(m: Mention, role?: string): Evidence {
  return sentenceEvidence(m.sentence, m.raw, role);
}

/** Narrative amounts bound to table figures (by section scope and subject) that do not read as the figure. */
function mismatches(ctx: RuleContext): { m: AmountMention; cands: ReturnType<typeof figuresFor> }[] {
  return ctx.memo('narrative-mismatches', () => {
    const out: { m: AmountMention; cands: ReturnType<typeof figuresFor> }[] = [];
    for (const m of ctx.narrative.amounts) {
      const scope = scopeOf(m.sentence.section);
      if (!scope || isChange(m) || isBudget(m)) continue;
      const cands = candidates(m, figuresFor(ctx, scope));
      if (cands.length === 0) continue;
      ctx.narrative.markChecked(m);
      if (cands.some((f) => sameAtPrintedPrecision(m, f.fen))) continue;
      out.push({ m, cands });
    }
    return out;
  });
}

/** Every bound amount: narrative figure vs table figure; unit words. */
function bindingRule(id: 'NARR-AMOUNT' | 'NARR-UNIT'): Rule {
  return rule({
    id,
    family: 'narrative',
    severity: 'error',
    title:
      id === 'NARR-AMOUNT'
        ? { zh: '情况说明中的金额与表中数字一致', en: 'Narrative amounts equal their table figures' }
        : { zh: '情况说明金额单位与表一致（元 / 万元）', en: 'Narrative amount units match the tables (元 vs 万元)' },
    basis:
      id === 'NARR-AMOUNT'
        ? '表文一致：情况说明各金额应与对应表格数字一致（GBC D-001…D-009, OBL-NARRATIVE-AMOUNT；domain §4.13）'
        : '金额单位一致（GBC R001；domain §4.20）',
    needsNarrative: true,
    fixtures: [
      id === 'NARR-AMOUNT'
        ? { fire: (d) => replaceText(d, '住房保障支出10.00万元；', '住房保障支出11.00万元；') }
        : { fire: (d) => replaceText(d, '支出合计180.00万元，其中：基本支出', '支出合计180.00元，其中：基本支出') },
    ],
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { m, cands } of mismatches(ctx)) {
        const f = cands[0];
        if (!f) continue;
        const unitSlip = cands.find((c) => sameNumberOtherUnit(m, c));
        if (id === 'NARR-UNIT' && unitSlip) {
          out.push({
            message: `情况说明“${m.subject}${m.raw}”单位有误：${tno(unitSlip.table)}中为 ${unitSlip.text} ${unitSlip.table.unit}`,
            messageEn: `Narrative "${m.subject}${m.raw}" has the wrong unit: the table prints ${unitSlip.text} ${unitSlip.table.unit}`,
            evidence: [
              mentionEvidence(m, '说明 / narrative'),
              cellEvidence(unitSlip.table, unitSlip.row, unitSlip.col, '表 / table'),
            ],
            expected: `${unitSlip.text} ${unitSlip.table.unit}`,
            actual: m.raw,
          });
        } else if (id === 'NARR-AMOUNT' && !unitSlip) {
          const unit = f.table.unit as Unit;
          const diff = m.fen - f.fen;
          out.push({
            message: `情况说明“${m.subject}${m.raw}”与${tno(f.table)}不一致（表中为 ${f.text} ${unit}）`,
            messageEn: `Narrative "${m.subject}${m.raw}" differs from the table (${f.text} ${unit})`,
            evidence: [
              mentionEvidence(m, '说明 / narrative'),
              ...cands.map((c) => cellEvidence(c.table, c.row, c.col, '表 / table')),
            ],
            expected: `${f.text} ${unit}`,
            actual: m.raw,
            difference: fmt(diff, unit),
          });
        }
      }
      return out;
    },
  });
}

/** Rates (执行率/完成率): recomputed from the budget and actual figures stated in the same sentence. */
const rateRule = rule({
  id: 'NARR-RATE',
  family: 'narrative',
  severity: 'error',
  title: { zh: '执行率/完成率 = 支出 ÷ 预算', en: 'Execution / completion rate = actual ÷ budget' },
  basis: '完成率 = 决算数 ÷ 预算数（GBC R004；domain §4.15）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '执行率75.00%', '执行率57.00%') }],
  check: (ctx) => {
    indexMentions(ctx);
    const out: Draft[] = [];
    for (const p of ctx.narrative.percents) {
      if (!RATE_RE.test(p.subject)) continue;
      const before = amountsBefore(p);
      const budget = [...before].reverse().find(isBudget);
      const actual = [...before].reverse().find((m) => !isBudget(m) && !isChange(m));
      if (!budget && scopeOf(p.sentence.section) === 'threePublic') {
        const d = threePublicRate(ctx, p, actual);
        if (d) out.push(d);
        continue;
      }
      if (!budget || !actual || budget.fen === 0n) continue;
      ctx.narrative.markChecked(p, budget, actual);
      const r = pctOutcome(p, actual.fen, budget.fen);
      if (r.ok) continue;
      out.push({
        severity: r.near ? 'info' : 'error',
        message: `“${p.subject}${p.raw}”应为 ${pct(r.expect, p.scale)}（${actual.raw} ÷ ${budget.raw}）${r.near ? '（末位舍入差异）' : ''}`,
        messageEn: `"${p.subject}${p.raw}" should be ${pct(r.expect, p.scale)} (${actual.raw} / ${budget.raw})${r.near ? ' (last-digit rounding)' : ''}`,
        evidence: [
          mentionEvidence(p, '比率 / rate'),
          mentionEvidence(budget, '预算 / budget'),
          mentionEvidence(actual, '支出 / actual'),
        ],
        expected: pct(r.expect, p.scale),
        actual: p.raw,
      });
    }
    return out;
  },
});

/** A 三公 item's rate with no budget in the sentence ("支出决算为X万元，完成预算的Y%"): against its 公开07表 budget. */
function threePublicRate(ctx: RuleContext, p: PercentMention, actual: AmountMention | undefined): Draft | undefined {
  const t7 = ctx.table('three_public');
  const row = t7?.rows[0];
  const named = threePublicItemAt(p.sentence.text, p.at);
  if (!t7 || !row || !named || (actual && actual.at < named.i)) return undefined;
  const b = row.cells[`budget.${named.key}`];
  const a = row.cells[`actual.${named.key}`];
  // a zero or blank budget is NARR-RATE-ZERO-BUDGET's case
  if (b?.kind !== 'amount' || b.fen === 0n) return undefined;
  const spent =
    actual?.fen ?? (a?.kind === 'amount' ? a.fen : a?.kind === 'blank' || a?.kind === 'dash' ? 0n : undefined);
  if (spent === undefined) return undefined;
  ctx.narrative.markChecked(p, actual);
  const r = pctOutcome(p, spent, b.fen);
  if (r.ok) return undefined;
  const spentText = actual?.raw ?? fmt(spent, t7.unit);
  const budgetText = `${b.text} ${t7.unit}`;
  return {
    severity: r.near ? 'info' : 'error',
    message: `“${p.subject}${p.raw}”应为 ${pct(r.expect, p.scale)}（${spentText} ÷ 公开07表预算 ${budgetText}）`,
    messageEn: `"${p.subject}${p.raw}" should be ${pct(r.expect, p.scale)} (${spentText} / Table 7 budget ${budgetText})`,
    evidence: [
      mentionEvidence(p, '比率 / rate'),
      cellEvidence(t7, row, `budget.${named.key}`, '预算 / budget'),
      ...(actual
        ? [mentionEvidence(actual, '支出 / actual')]
        : [cellEvidence(t7, row, `actual.${named.key}`, '支出 / actual')]),
    ],
    expected: pct(r.expect, p.scale),
    actual: p.raw,
  };
}

const zeroBudgetRule = rule({
  id: 'NARR-RATE-ZERO-BUDGET',
  family: 'narrative',
  severity: 'error',
  title: { zh: '年初预算为零时不得表述完成率', en: 'No completion rate against a zero budget' },
  basis: '年初预算为 0 时不得写“完成年初预算的X%”（GBC R004, OBL-TREND-COMPLETION-RATE；domain §4.15）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '支出0万元。因公', '支出0万元，执行率0.00%。因公') }],
  check: (ctx) => {
    indexMentions(ctx);
    const out: Draft[] = [];
    const t7 = ctx.table('three_public');
    for (const p of ctx.narrative.percents) {
      if (!RATE_RE.test(p.subject)) continue;
      const budget = [...amountsBefore(p)].reverse().find(isBudget);
      const named =
        scopeOf(p.sentence.section) === 'threePublic' ? threePublicItemAt(p.sentence.text, p.at) : undefined;
      if (!budget || (named && named.key !== 'total' && budget.at < named.i)) {
        // a 三公 item's rate with no budget of its own in the sentence: the item's budget in 公开07表
        const row = t7?.rows[0];
        if (!t7 || !row || !named) continue;
        const item = named.key;
        if (item === 'total') continue;
        const cell = row.cells[`budget.${item}`];
        const zero = cell?.kind === 'blank' || cell?.kind === 'dash' || (cell?.kind === 'amount' && cell.fen === 0n);
        if (!zero) continue;
        ctx.narrative.markChecked(p);
        out.push({
          message: `公开07表该项预算数为零或空白，却表述“${p.subject}${p.raw}”`,
          messageEn: `The item's budget in Table 7 is zero or blank, yet "${p.subject}${p.raw}" is stated`,
          evidence: [mentionEvidence(p, '比率 / rate'), cellEvidence(t7, row, `budget.${item}`, '预算 / budget')],
          expected: '不表述完成率 / no rate',
          actual: p.raw,
        });
        continue;
      }
      if (budget.fen !== 0n) continue;
      ctx.narrative.markChecked(p, budget);
      out.push({
        message: `预算为零（${budget.raw}），却表述“${p.subject}${p.raw}”`,
        messageEn: `Budget is zero (${budget.raw}) yet "${p.subject}${p.raw}" is stated`,
        evidence: [mentionEvidence(p, '比率 / rate'), mentionEvidence(budget, '预算 / budget')],
        expected: '不表述完成率 / no rate',
        actual: p.raw,
      });
    }
    return out;
  },
});

/** "执行率降低29.34%": a rate described as a change with no earlier rate to compare with. */
const rateWordingRule = rule({
  id: 'NARR-RATE-WORDING',
  family: 'narrative',
  severity: 'error',
  title: { zh: '执行率表述为“降低/提高X%”', en: 'Execution rate stated as a change ("rate fell X%")' },
  basis: '执行率 = 支出 ÷ 预算，应直接表述比率；“执行率降低X%”把未执行比例写成了执行率（domain §4.15）',
  needsNarrative: true,
  fixtures: [
    { fire: (d) => replaceText(d, '支出比预算减少2.00万元，执行率80.00%', '支出比预算减少2.00万元，执行率降低20.00%') },
  ],
  check: (ctx) => {
    indexMentions(ctx);
    const out: Draft[] = [];
    for (const p of ctx.narrative.percents) {
      const m = /(执行率|完成率)(降低|下降|减少|提高|增长|增加|上升)$/.exec(p.subject);
      if (!m) continue;
      if (/上年|去年|同比/.test(p.sentence.text)) continue;
      const before = amountsBefore(p);
      const actual = [...before].reverse().find((x) => !isBudget(x) && !isChange(x));
      const change = [...before]
        .reverse()
        .find((x) => /比预算(减少|节约|增加|超支)$/.test(x.subject) || /^比预算/.test(x.subject));
      const budgetM = [...before].reverse().find(isBudget);
      let expected = '直接表述执行率 / state the rate itself';
      if (actual && (budgetM || change)) {
        const budget = budgetM
          ? budgetM.fen
          : actual.fen + (/(增加|超支)$/.test(change?.subject ?? '') ? -(change?.fen ?? 0n) : (change?.fen ?? 0n));
        ctx.narrative.markChecked(p, actual, budgetM, change);
        if (budget !== 0n)
          expected = `执行率 ${pct(percentAt(actual.fen, budget, p.scale), p.scale)}（${actual.raw} ÷ ${fmt(budget, '万元')}）`;
      }
      out.push({
        message: `“${p.subject}${p.raw}”：执行率是比率，不是增减；${expected}`,
        messageEn: `"${p.subject}${p.raw}": an execution rate is a ratio, not a change; expected ${expected}`,
        evidence: [mentionEvidence(p, '说明 / narrative')],
        expected,
        actual: `${p.subject}${p.raw}`,
      });
    }
    return out;
  },
});

/** "支出比预算减少X万元" = budget − actual, and the direction word matches. */
const diffRule = rule({
  id: 'NARR-DIFF',
  family: 'narrative',
  severity: 'error',
  title: { zh: '“比预算减少/增加X”与预算、支出之差一致', en: '"X less/more than budget" equals budget − actual' },
  basis: '差额 = 预算 − 支出，方向词与数字一致（domain §4.14）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '支出比预算减少2.00万元', '支出比预算减少3.00万元') }],
  check: (ctx) => {
    indexMentions(ctx);
    const out: Draft[] = [];
    for (const m of ctx.narrative.amounts) {
      const dir = /比(年初)?预算(减少|节约|增加|超支)$/.exec(m.subject);
      if (!dir) continue;
      const before = (sentenceMentions.get(m.sentence) ?? []).filter(
        (x): x is AmountMention => x.kind === 'amount' && x.at < m.at,
      );
      const budget = [...before].reverse().find(isBudget);
      const actual = [...before].reverse().find((x) => !isBudget(x) && !isChange(x));
      if (!budget || !actual) continue;
      ctx.narrative.markChecked(m, budget, actual);
      const less = dir[2] === '减少' || dir[2] === '节约';
      const real = budget.fen - actual.fen;
      const stated = less ? m.fen : -m.fen;
      if (real === stated) continue;
      out.push({
        message: `“${m.subject}${m.raw}”与预算 ${budget.raw}、支出 ${actual.raw} 不符（差额应为${real >= 0n ? '减少' : '增加'} ${fmt(abs(real), '万元')}）`,
        messageEn: `"${m.subject}${m.raw}" does not match budget ${budget.raw} and actual ${actual.raw}`,
        evidence: [
          mentionEvidence(m, '差额 / difference'),
          mentionEvidence(budget, '预算 / budget'),
          mentionEvidence(actual, '支出 / actual'),
        ],
        expected: `${real >= 0n ? '减少' : '增加'} ${fmt(abs(real), '万元')}`,
        actual: m.raw,
      });
    }
    return out;
  },
});

/** Shares "占…X%": numerator the amount just before; denominator the named total (or the section's total). */
const shareRule = rule({
  id: 'NARR-SHARE',
  family: 'narrative',
  severity: 'error',
  title: { zh: '占比 = 分项 ÷ 总额', en: 'Shares = part ÷ whole' },
  basis: '占比的分母固定：收入→本年收入合计，支出→本年支出合计，政府采购→采购总额（domain §4.13）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '占72.22%', '占70.22%') }],
  check: (ctx) => {
    indexMentions(ctx);
    const out: Draft[] = [];
    for (const p of ctx.narrative.percents) {
      const m = /占(.*?)的?$/.exec(p.subject);
      if (!m || !/^占/.test(p.subject)) continue;
      const denomName = (m[1] ?? '').replace(/的$/, '');
      const part = amountsBefore(p).at(-1);
      if (!part) continue;
      // the whole: a mention in the same section whose subject ends with the named total, else the section's 合计/总额
      const inSection = ctx.narrative.amounts.filter((a) => a.sentence.section === p.sentence.section && a !== part);
      const idx = (a: AmountMention) => ctx.narrative.amounts.indexOf(a);
      const samePara = inSection.filter((a) => a.sentence.src !== undefined && a.sentence.src === p.sentence.src);
      const whole = denomName
        ? (inSection.find((a) => a.subject.endsWith(denomName)) ?? figureMention(ctx, p, denomName))
        : (inSection.find((a) => /(合计|总计|总额)$/.test(a.subject)) ??
          samePara.find((a) => idx(a) < idx(part) && a.fen >= part.fen));
      if (!whole || whole.fen === 0n) continue;
      ctx.narrative.markChecked(p, part, whole);
      const r = pctOutcome(p, part.fen, whole.fen);
      if (r.ok) continue;
      out.push({
        severity: r.near ? 'info' : 'error',
        message: `“${part.subject}${part.raw}，${p.subject}${p.raw}”应为 ${pct(r.expect, p.scale)}（÷ ${whole.subject}${whole.raw}）`,
        messageEn: `Share "${p.raw}" should be ${pct(r.expect, p.scale)} (${part.raw} / ${whole.raw})`,
        evidence: [
          mentionEvidence(p, '占比 / share'),
          mentionEvidence(part, '分子 / part'),
          mentionEvidence(whole, '分母 / whole'),
        ],
        expected: pct(r.expect, p.scale),
        actual: p.raw,
      });
    }
    return out;
  },
});

/** A table figure named `label` (in the sentence's scope, else the summary table) as a pseudo-mention. */
function figureMention(ctx: RuleContext, p: PercentMention, label: string): AmountMention | undefined {
  const scope = scopeOf(p.sentence.section);
  for (const sc of [scope, 'summary' as const]) {
    if (!sc) continue;
    const f = figuresFor(ctx, sc).find((x) => x.labels.includes(label));
    if (f)
      return {
        kind: 'amount',
        raw: `${f.text}${f.table.unit}`,
        number: f.text,
        unit: f.table.unit,
        fen: f.fen,
        decimals: 2,
        subject: label,
        at: 0,
        end: 0,
        sentence: p.sentence,
      };
  }
  return undefined;
}

/** Growth "比上年增加A万元，增长B%": B = A ÷ (current − A); and no growth from a zero base. */
function growthRule(id: 'NARR-GROWTH' | 'NARR-ZERO-BASE'): Rule {
  return rule({
    id,
    family: 'narrative',
    severity: 'error',
    title:
      id === 'NARR-GROWTH'
        ? { zh: '增长率 = 增减额 ÷ 上年数', en: 'Growth rate = change ÷ previous year' }
        : { zh: '上年为零时不得表述增长率', en: 'No growth rate from a zero base' },
    basis:
      id === 'NARR-GROWTH'
        ? '增长率以上年数为分母（domain §1.4 一、四）'
        : '上年数为 0 不得写“增长X%”（OBL-TREND-ZERO-BASE；domain §4.15）',
    needsNarrative: true,
    fixtures: [
      id === 'NARR-GROWTH'
        ? {
            fire: (d) =>
              replaceText(d, '收入总计185.00万元，其中', '收入总计185.00万元，比上年增加35.00万元，增长25.00%，其中'),
          }
        : {
            fire: (d) =>
              replaceText(d, '收入总计185.00万元，其中', '收入总计185.00万元，比上年增加185.00万元，增长100.00%，其中'),
          },
    ],
    check: (ctx) => {
      indexMentions(ctx);
      const out: Draft[] = [];
      for (const p of ctx.narrative.percents) {
        const dir = /(增长|下降|减少|增加|上升|降低)$/.exec(p.subject);
        if (!dir || /执行率|完成率/.test(p.subject)) continue;
        const before = amountsBefore(p);
        const change = before.at(-1);
        if (!change) continue;
        const yoy = /(上年|上一年|去年|同比|\d{4}年度?相比|比\d{4}年度?)/.test(p.sentence.text);
        const changeWord = /(增加|减少|增长|下降)$/.test(change.subject);
        if (!changeWord || !(yoy || /(比上年|较上年|同比)/.test(change.subject))) continue;
        // the current figure: the amount just before the change, or the same item earlier in the paragraph
        const item = change.subject.replace(/^.*?(比上年|较上年|同比)/, '').replace(/(增加|减少|增长|下降)$/, '');
        const current = before.at(-2) ?? previousMention(ctx, change, item);
        if (!current) continue;
        const up = /(增加|增长|上升)$/.test(change.subject);
        const base = up ? current.fen - change.fen : current.fen + change.fen;
        if (id === 'NARR-GROWTH') ctx.narrative.markChecked(p, change, current);
        if (id === 'NARR-ZERO-BASE') {
          if (base === 0n)
            out.push({
              message: `上年数为零（${current.raw} − ${change.raw}），不应表述“${p.subject}${p.raw}”`,
              messageEn: `Previous year is zero; "${p.raw}" growth cannot be stated`,
              evidence: [
                mentionEvidence(p, '增长率 / growth'),
                mentionEvidence(current, '本年 / current'),
                mentionEvidence(change, '增减 / change'),
              ],
              expected: '不表述增长率 / no rate',
              actual: p.raw,
            });
          continue;
        }
        if (base === 0n) continue;
        const r = pctOutcome(p, change.fen, base);
        if (r.ok) continue;
        out.push({
          severity: r.near ? 'info' : 'error',
          message: `“${p.subject}${p.raw}”应为 ${pct(r.expect, p.scale)}（${change.raw} ÷ 上年 ${fmt(base, '万元')}）`,
          messageEn: `"${p.raw}" should be ${pct(r.expect, p.scale)} (${change.raw} / previous ${fmt(base, '万元')})`,
          evidence: [
            mentionEvidence(p, '增长率 / growth'),
            mentionEvidence(current, '本年 / current'),
            mentionEvidence(change, '增减 / change'),
          ],
          expected: pct(r.expect, p.scale),
          actual: p.raw,
        });
      }
      return out;
    },
  });
}

/** The last amount before `m` in the same section whose subject ends with `item` (a figure stated a sentence earlier). */
function previousMention(ctx: RuleContext, m: AmountMention, item: string): AmountMention | undefined {
  if (item.length < 2) return undefined;
  const list = ctx.narrative.amounts;
  const i = list.indexOf(m);
  for (let j = i - 1; j >= 0; j--) {
    const x = list[j];
    if (!x || x.sentence.section !== m.sentence.section) break;
    if (x.subject.endsWith(item) && !isChange(x)) return x;
  }
  return undefined;
}

/** 大于/小于/等于/持平 against the budget and actual in the same sentence. */
const compareRule = rule({
  id: 'NARR-COMPARE',
  family: 'narrative',
  severity: 'error',
  title: { zh: '“决算数大于/小于/等于预算数”与数字一致', en: 'Greater/less/equal wording matches the figures' },
  basis: '方向词与数字一致（OBL-TREND-*；domain §4.14）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '决算数大于预算数', '决算数小于预算数') }],
  check: (ctx) => {
    indexMentions(ctx);
    const out: Draft[] = [];
    for (const s of ctx.narrative.sentences) {
      const w =
        /决算数?(大于|小于|等于|与(?:年初)?预算数?(?:基本)?持平|(?:基本)?持平)(?:(?:年初)?预算数?)?/.exec(s.text) ??
        /(大于|小于|等于)(年初)?预算/.exec(s.text);
      if (!w) continue;
      let ms = (sentenceMentions.get(s) ?? []).filter(
        (x): x is AmountMention => x.kind === 'amount' && x.at < (w.index ?? 0),
      );
      if (!ms.some(isBudget)) {
        // the figures may be in the sentence before ("年初预算为…，支出决算为…。决算数小于预算数…")
        // nearest earlier sentence of the same section (up to three back) stating a budget
        const i = ctx.narrative.sentences.indexOf(s);
        for (let k = 1; k <= 3; k++) {
          const prev = ctx.narrative.sentences[i - k];
          if (!prev || prev.section !== s.section) break;
          const found = (sentenceMentions.get(prev) ?? []).filter((x): x is AmountMention => x.kind === 'amount');
          if (found.some(isBudget)) {
            ms = found;
            break;
          }
        }
      }
      const budget = [...ms].reverse().find(isBudget);
      const actual = [...ms].reverse().find((x) => !isBudget(x) && !isChange(x));
      if (!budget || !actual) continue;
      const word = w[1] ?? '';
      const real = actual.fen > budget.fen ? '大于' : actual.fen < budget.fen ? '小于' : '等于';
      // "基本持平": within 1% of the budget
      const nearlyFlat = /基本持平/.test(s.text) && abs(actual.fen - budget.fen) * 100n <= abs(budget.fen);
      const flat = word.includes('持平') || word === '等于';
      const ok = flat ? real === '等于' || nearlyFlat : word === real;
      if (ok) continue;
      out.push({
        message: `“${w[0]}”与数字不符：决算 ${actual.raw}，预算 ${budget.raw}（应为“${real}”）`,
        messageEn: `"${w[0]}" contradicts actual ${actual.raw} vs budget ${budget.raw} (should be ${real})`,
        evidence: [
          sentenceEvidence(s, w[0], '方向词 / wording'),
          mentionEvidence(budget, '预算 / budget'),
          mentionEvidence(actual, '决算 / actual'),
        ],
        expected: real,
        actual: word,
      });
    }
    return out;
  },
});

/** The same item stated twice in one section with different figures. */
const repeatRule = rule({
  id: 'NARR-REPEAT',
  family: 'narrative',
  severity: 'error',
  title: { zh: '同一事项在同一部分两次表述数字不同', en: 'The same figure stated twice differently' },
  basis: '同一指标重复披露应一致（OBL-NARRATIVE-INDICATOR-REPEAT；domain §4.19）',
  needsNarrative: true,
  fixtures: [
    {
      fire: (d) => replaceText(d, '公用经费28.00万元。', '公用经费28.00万元。其中：公用经费27.00万元。'),
    },
  ],
  check: (ctx) => {
    const out: Draft[] = [];
    const seen = new Map<string, AmountMention>();
    for (const m of ctx.narrative.amounts) {
      if (!scopeOf(m.sentence.section)) continue;
      const subj = m.subject.replace(/^(其中|包括|主要是|为|共|合计)/, '').replace(/^[（(]?\d+[)）.．、]?/, '');
      if (subj.length < 4 || /预算|减少|增加|节约|增长|下降|比|年度|每年|累计|超过|约|以上|提供/.test(subj)) continue;
      const key = `${m.sentence.section.path}¦${subj}¦${m.unit}`;
      const prev = seen.get(key);
      if (!prev) {
        seen.set(key, m);
        continue;
      }
      if (prev.fen === m.fen || sameDecimalsDiffer(prev, m)) continue;
      out.push({
        message: `“${subj}”在同一部分先写 ${prev.raw}，后写 ${m.raw}`,
        messageEn: `"${subj}" is stated as ${prev.raw} and then ${m.raw} in the same section`,
        evidence: [mentionEvidence(prev, '第一次 / first'), mentionEvidence(m, '第二次 / second')],
        expected: prev.raw,
        actual: m.raw,
      });
    }
    return out;
  },
});

/** "531万元" then "531.00万元": not a contradiction. */
function sameDecimalsDiffer(a: AmountMention, b: AmountMention): boolean {
  const d = Math.min(a.decimals, b.decimals);
  const scale = a.unit === '万元' ? 6 : a.unit === '元' ? 2 : 10;
  return formatScaled(a.fen, scale, d) === formatScaled(b.fen, scale, d);
}

/** 三公 narrative: budget and actual of each item = 公开07表. */
const THREE_PUBLIC_KEYS: [RegExp, string][] = [
  [/公务用车购置及运行(维护)?费?/g, 'vehicle'],
  [/公务用车购置(?!及)(支出|费)?/g, 'vehicle.purchase'],
  [/公务用车运行(维护)?(支出|费)?/g, 'vehicle.operation'],
  [/公务接待/g, 'reception'],
  [/因公出国/g, 'abroad'],
  [/[“"]?三公[”"]?经费/g, 'total'],
];

/** The 三公 item named last before offset `at`, with its position. */
function threePublicItemAt(text: string, at: number): { key: string; i: number } | undefined {
  let best: { i: number; key: string } | undefined;
  for (const [re, key] of THREE_PUBLIC_KEYS) {
    for (const m of text.slice(0, at).matchAll(re)) {
      const i = m.index ?? 0;
      if (!best || i > best.i || (i === best.i && key.length > best.key.length)) best = { i, key };
    }
  }
  return best;
}

function threePublicItem(s: Sentence, at: number, paragraphText: string, offset: number): string | undefined {
  const text = paragraphText.slice(0, offset + at);
  let best: { i: number; key: string } | undefined;
  for (const [re, key] of THREE_PUBLIC_KEYS) {
    for (const m of text.matchAll(re)) {
      const i = m.index ?? 0;
      if (!best || i > best.i || (i === best.i && key.length > best.key.length)) best = { i, key };
    }
  }
  void s;
  return best?.key;
}

const threePublicRule = rule({
  id: 'NARR-3PUBLIC',
  family: 'narrative',
  severity: 'error',
  title: {
    zh: '“三公”经费说明的预算数、支出数与公开07表一致',
    en: '三公 narrative budget and actual figures equal Table 7',
  },
  basis: '“三公”经费说明与表一致（OBL-TXT-T7；domain §1.4, §4.13）',
  needs: ['three_public'],
  needsNarrative: true,
  fixtures: [
    { fire: (d) => replaceText(d, '公务接待费预算4.00万元，支出3.00万元', '公务接待费预算4.00万元，支出3.50万元') },
  ],
  check: (ctx) => {
    const t = ctx.table('three_public');
    const row = t?.rows[0];
    if (!t || !row) return { skip: '公开07表无数据行 / no data row' };
    const out: Draft[] = [];
    const secs = ctx.narrative.sections.filter((s) => scopeOf(s) === 'threePublic');
    for (const sec of secs) {
      const sents = ctx.narrative.sentencesIn([sec]);
      // paragraph-level text to find the item named before each figure
      let para = '';
      let lastSrc: unknown;
      for (const s of sents) {
        if (s.heading || s.src !== lastSrc) para = '';
        lastSrc = s.src;
        const offset = para.length;
        para += s.text;
        for (const m of ctx.narrative.inSentence(s)) {
          if (m.kind !== 'amount') continue;
          if (isChange(m)) continue;
          const item = threePublicItem(s, m.at, para, offset);
          if (!item) continue;
          const budget = isBudget(m);
          const col = `${budget ? 'budget' : 'actual'}.${item}`;
          const printed = row.cells[col];
          if (printed?.kind !== 'amount' && printed?.kind !== 'blank' && printed?.kind !== 'dash') continue;
          ctx.narrative.markChecked(m);
          // a blank or dash cell prints no amount: only a zero agrees with it
          const cell = printed.kind === 'amount' ? printed : { fen: 0n, text: '（空白）' };
          if (printed.kind !== 'amount' && m.fen === 0n) continue;
          if (sameAtPrintedPrecision(m, cell.fen) || (m.unit === '元' && m.fen === 0n && cell.fen === 0n)) continue;
          out.push({
            message: `“三公”经费说明“${m.subject}${m.raw}”与公开07表${budget ? '预算数' : '决算数'}（${cell.text} 万元）不一致`,
            messageEn: `三公 narrative "${m.subject}${m.raw}" differs from Table 7 ${col} (${cell.text})`,
            evidence: [mentionEvidence(m, '说明 / narrative'), cellEvidence(t, row, col, '表 / table')],
            expected: `${cell.text} ${t.unit}`,
            actual: m.raw,
            difference: fmt(m.fen - cell.fen, t.unit),
          });
        }
      }
    }
    return out;
  },
});

const runningCostRule = rule({
  id: 'NARR-RUNNING-COST',
  family: 'narrative',
  severity: 'error',
  title: {
    zh: '机关运行经费与公开06表公用经费一致',
    en: 'Running costs (机关运行经费) agree with Table 6 public expense',
  },
  basis:
    '2019 口径：机关运行经费 = 基本支出中公用经费之和（=）；上海 2024 口径：日常公用经费（≤）（GBC R009；domain §1.4, §4.16）',
  needs: ['general_budget_basic'],
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '机关运行经费支出28.00万元', '机关运行经费支出38.00万元') }],
  check: (ctx) => {
    const t6 = ctx.table('general_budget_basic');
    const pub = rowByKey(t6, 'total.public');
    const cell = pub?.cells[t6?.columns[0]?.id ?? 'amount'];
    if (!t6 || !pub || cell?.kind !== 'amount') return { skip: '公开06表无公用经费合计 / no public-expense total' };
    const equal = ctx.template.id !== 'shanghai-2024';
    const out: Draft[] = [];
    for (const m of ctx.narrative.amounts) {
      if (!/机关运行经费(支出|决算数?)?(为|共计|合计)?$/.test(m.subject)) continue;
      ctx.narrative.markChecked(m);
      const unitSlip = m.unit !== t6.unit && Number(m.number.replace(/,/g, '')) === Number(cell.text.replace(/,/g, ''));
      const ok = !unitSlip && (equal ? sameAtPrintedPrecision(m, cell.fen) : m.fen <= cell.fen);
      if (ok) continue;
      out.push({
        message: `机关运行经费 ${m.raw} ${equal ? '不等于' : '大于'}公开06表公用经费合计 ${cell.text} 万元`,
        messageEn: `Running costs ${m.raw} ${equal ? 'differ from' : 'exceed'} Table 6 public-expense total ${cell.text}`,
        evidence: [
          mentionEvidence(m, '说明 / narrative'),
          cellEvidence(t6, pub, t6.columns[0]?.id ?? 'amount', '表 / table'),
        ],
        expected: `${equal ? '' : '≤ '}${cell.text} ${t6.unit}`,
        actual: m.raw,
        difference: fmt(m.fen - cell.fen, t6.unit),
      });
    }
    return out;
  },
});

const procurementRule = rule({
  id: 'NARR-PROCUREMENT',
  family: 'narrative',
  severity: 'error',
  title: {
    zh: '政府采购：总额 = 货物 + 工程 + 服务；中小企业 ≤ 总额；小微 ≤ 中小',
    en: 'Procurement: total = goods + works + services; SME ≤ total; micro ≤ SME',
  },
  basis: '政府采购情况说明（GBC B-012；domain §4.17）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '政府采购服务支出5.00万元', '政府采购服务支出6.00万元') }],
  check: (ctx) => {
    const out: Draft[] = [];
    for (const sec of ctx.narrative.sectionsMatching('政府采购')) {
      const ms = ctx.narrative.amounts.filter((m) => m.sentence.section === sec);
      const find = (re: RegExp) => ms.find((m) => re.test(m.subject));
      const total = find(/(政府采购(支出|合同)?(总额|金额)|采购支出总额|政府采购支出)(（[^）]*）)?为?$/);
      const goods = find(/货物(采购)?(支出|金额|合同金额)?$/);
      const works = find(/工程(采购)?(支出|金额|合同金额)?$/);
      const services = find(/服务(采购)?(支出|金额|合同金额)?$/);
      const sme = find(/中小企业(合同金额)?$/);
      const micro = find(/小微企业(合同金额)?$/);
      if (total && goods && works && services) {
        ctx.narrative.markChecked(total, goods, works, services);
        const s = goods.fen + works.fen + services.fen;
        const outcome = total.unit === '万元' ? tie(s, total.fen, '万元', 3) : s === total.fen ? 'ok' : 'error';
        if (outcome !== 'ok')
          out.push(
            tieDraft(
              outcome,
              '万元',
              s,
              total.fen,
              `政府采购总额 ${total.raw} ≠ 货物 ${goods.raw} + 工程 ${works.raw} + 服务 ${services.raw}`,
              `Procurement total ${total.raw} ≠ goods + works + services (${fmt(s, '万元')})`,
              [total, goods, works, services].map((m) => mentionEvidence(m)),
            ),
          );
      }
      if (total && sme) ctx.narrative.markChecked(total, sme);
      if (sme && micro) ctx.narrative.markChecked(sme, micro);
      if (total && sme && sme.fen > total.fen)
        out.push({
          message: `授予中小企业合同金额 ${sme.raw} 大于政府采购总额 ${total.raw}`,
          messageEn: `SME awards ${sme.raw} exceed the procurement total ${total.raw}`,
          evidence: [mentionEvidence(sme), mentionEvidence(total)],
          expected: `≤ ${total.raw}`,
          actual: sme.raw,
        });
      if (sme && micro && micro.fen > sme.fen)
        out.push({
          message: `授予小微企业合同金额 ${micro.raw} 大于中小企业合同金额 ${sme.raw}`,
          messageEn: `Micro-enterprise awards ${micro.raw} exceed SME awards ${sme.raw}`,
          evidence: [mentionEvidence(micro), mentionEvidence(sme)],
          expected: `≤ ${sme.raw}`,
          actual: micro.raw,
        });
    }
    return out;
  },
});

const assetsRule = rule({
  id: 'NARR-ASSETS',
  family: 'narrative',
  severity: 'error',
  title: { zh: '国有资产：车辆总数 = 各类车辆之和', en: 'Assets: vehicles total = sum by type' },
  basis: '国有资产占用情况说明（domain §1.4）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '执法执勤用车0辆', '执法执勤用车1辆') }],
  check: (ctx) => {
    const out: Draft[] = [];
    for (const s of ctx.narrative.sentences) {
      const m = /共有(?:车辆|公务用车)(\d+)辆[，,]其中[：:]?(.*)/.exec(s.text);
      if (!m) continue;
      const total = Number(m[1]);
      const parts = [...((m[2] ?? '').split(/[；;。]/)[0] ?? '').matchAll(/(\d+)辆/g)].map((x) => Number(x[1]));
      const sum = parts.reduce((a, b) => a + b, 0);
      if (parts.length === 0 || sum === total) continue;
      out.push({
        message: `车辆总数 ${total} 辆 ≠ 各类车辆之和 ${sum} 辆`,
        messageEn: `Vehicles total ${total} ≠ sum by type ${sum}`,
        evidence: [sentenceEvidence(s, `${total}辆`)],
        expected: `${sum}辆`,
        actual: `${total}辆`,
      });
    }
    return out;
  },
});

const assetThresholdRule = rule({
  id: 'NARR-ASSET-THRESHOLD',
  family: 'narrative',
  severity: 'error',
  title: { zh: '国有资产说明的设备单价口径与模板一致', en: 'Asset thresholds are the template’s (50/100 万元)' },
  basis: '2019：单价50万元以上通用设备、单价100万元以上专用设备；上海 2024：单价100万元（含）以上设备（domain §1.4）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '单价50万元以上通用设备', '单价30万元以上通用设备') }],
  check: (ctx) => {
    const out: Draft[] = [];
    for (const s of ctx.narrative.sentences) {
      for (const m of s.text.matchAll(/单价(\d+)(万元|元)(?:（含）)?以上(通用|专用)?设备/g)) {
        const at = (m.index ?? 0) + 2;
        ctx.narrative.markChecked(ctx.narrative.inSentence(s).find((x) => x.at === at));
        const want = m[3] === '通用' ? 50 : 100;
        if (Number(m[1]) === want && m[2] === '万元') continue;
        out.push({
          message: `“${m[0]}”口径应为单价${want}万元以上`,
          messageEn: `"${m[0]}": the threshold is ${want} 万元`,
          evidence: [sentenceEvidence(s, m[0])],
          expected: `${want}万元`,
          actual: `${m[1]}${m[2]}`,
        });
      }
    }
    return out;
  },
});

const CHAIN_RE = /([^\s，。；：、（）()]+?)（类）([^\s，。；：、（）()]+?)（款）([^\s，。；：、（）()]+?)（项）/g;

interface ItemRef {
  sentence: Sentence;
  text: string;
  names: [string, string, string];
  rows: (Row | undefined)[];
}

const squashName = (s: string) => s.replace(/\s+/g, '');

/** "X（类）Y（款）Z（项）" chains in the narrative, resolved against 公开05表 rows (by name or catalogue name). */
function itemChains(ctx: RuleContext): ItemRef[] {
  return ctx.memo('itemChains', () => computeItemChains(ctx));
}

function computeItemChains(ctx: RuleContext): ItemRef[] {
  const t5 = ctx.table('general_budget_expense');
  if (!t5) return [];
  const named = (code: string | undefined, name: string) => {
    if (!code) return false;
    const r = t5.rows.find((x) => x.code === code);
    return (r !== undefined && squashName(r.label) === name) || functionalNames(code).includes(name);
  };
  const out: ItemRef[] = [];
  for (const s of ctx.narrative.sentences) {
    for (const m of s.text.matchAll(CHAIN_RE)) {
      const names = [m[1] ?? '', m[2] ?? '', m[3] ?? ''].map((x) => x.replace(/^\d+[、.．]/, '')) as [
        string,
        string,
        string,
      ];
      const cls = t5.rows.find((r) => r.code?.length === 3 && named(r.code, names[0]));
      const sec = t5.rows.find(
        (r) => r.code?.length === 5 && r.code.startsWith(cls?.code ?? '-') && named(r.code, names[1]),
      );
      const item = t5.rows.find(
        (r) => r.code?.length === 7 && r.code.startsWith(sec?.code ?? '-') && named(r.code, names[2]),
      );
      out.push({ sentence: s, text: m[0], names, rows: [cls, sec, item] });
    }
  }
  return out;
}

const itemChainRule = rule({
  id: 'NARR-ITEM-CHAIN',
  family: 'form',
  severity: 'warning',
  title: { zh: '说明中的“类/款/项”名称与公开05表科目一致', en: 'Narrative 类/款/项 names match Table 5' },
  basis: '§五逐项说明须用表中科目名称（GBC V33-227；domain §4.14）',
  needs: ['general_budget_expense'],
  needsNarrative: true,
  fixtures: [
    {
      fire: (d) =>
        replaceText(
          d,
          '1.一般公共服务支出150.00万元，其中：',
          '1.一般公共服务支出（类）商务事务（款）行政运行（项）150.00万元，其中：',
        ),
    },
  ],
  check: (ctx) =>
    itemChains(ctx)
      .filter((c) => c.rows.some((r) => !r))
      .map((c) => {
        const level = c.rows.findIndex((r) => !r);
        return {
          message: `“${c.text}”中的${['类', '款', '项'][level]}级科目“${c.names[level]}”在公开05表中找不到（或不在上级科目之下）`,
          messageEn: `"${c.text}": ${['class', 'section', 'item'][level]} "${c.names[level]}" is not in Table 5 under its parent`,
          evidence: [sentenceEvidence(c.sentence, c.text)],
          actual: c.names[level] ?? '',
        };
      }),
});

const itemAmountRule = rule({
  id: 'NARR-ITEM-AMOUNT',
  family: 'narrative',
  severity: 'error',
  title: { zh: '项级科目说明的支出决算数与公开05表一致', en: 'Item-level narrative actuals equal Table 5' },
  basis: '§五(三)逐项说明“支出决算为…”（SH24T；domain §1.4, §4.14）',
  needs: ['general_budget_expense'],
  needsNarrative: true,
  fixtures: [
    {
      sample: '2024',
      fire: (d) =>
        replaceText(
          d,
          '3.住房保障支出10.00万元，其中：住房公积金10.00万元。',
          '3.住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为10.00万元，支出决算为12.00万元。',
        ),
    },
  ],
  check: (ctx) => {
    const t5 = ctx.table('general_budget_expense');
    if (!t5) return [];
    const chains = itemChains(ctx);
    const out: Draft[] = [];
    let current: ItemRef | undefined;
    for (const s of ctx.narrative.sentences) {
      const here = chains.filter((c) => c.sentence === s).at(-1);
      if (here) current = here;
      else if (current && current.sentence.section !== s.section) current = undefined;
      const item = current?.rows[2];
      if (!current || !item) continue;
      for (const m of ctx.narrative.inSentence(s)) {
        if (m.kind !== 'amount' || !/(支出决算|决算数)为?$/.test(m.subject)) continue;
        const c = item.cells.total;
        if (c?.kind !== 'amount') continue;
        ctx.narrative.markChecked(m);
        if (sameAtPrintedPrecision(m, c.fen)) continue;
        out.push({
          message: `“${current.names[2]}（项）”支出决算 ${m.raw} 与公开05表 ${item.code}（${c.text} 万元）不一致`,
          messageEn: `Item ${item.code} actual ${m.raw} differs from Table 5 (${c.text})`,
          evidence: [mentionEvidence(m, '说明 / narrative'), cellEvidence(t5, item, 'total', '表 / table')],
          expected: `${c.text} ${t5.unit}`,
          actual: m.raw,
          difference: fmt(m.fen - c.fen, t5.unit),
        });
      }
    }
    return out;
  },
});

const itemBudgetSumRule = rule({
  id: 'NARR-ITEM-BUDGET-SUM',
  family: 'narrative',
  severity: 'error',
  title: {
    zh: '各项级科目年初预算之和 = 一般公共预算财政拨款支出年初预算',
    en: 'Item budgets add up to the general-budget budget',
  },
  basis: '§五(三)总体年初预算与逐项年初预算一致（SH24T；domain §1.4）',
  needs: ['general_budget_expense'],
  needsNarrative: true,
  fixtures: [
    {
      sample: '2024',
      fire: (d) =>
        replaceText(
          d,
          '3.住房保障支出10.00万元，其中：住房公积金10.00万元。',
          '一般公共预算财政拨款支出年初预算为200.00万元，支出决算为180.00万元。1.一般公共服务支出（类）商贸事务（款）行政运行（项）。年初预算为90.00万元，支出决算为100.00万元。2.一般公共服务支出（类）商贸事务（款）其他商贸事务支出（项）。年初预算为60.00万元，支出决算为50.00万元。3.社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）。年初预算为20.00万元，支出决算为20.00万元。4.住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为10.00万元，支出决算为10.00万元。',
        ),
    },
  ],
  check: (ctx) => {
    const t5 = ctx.table('general_budget_expense');
    if (!t5) return [];
    indexMentions(ctx);
    const chains = itemChains(ctx);
    const perItem = new Map<string, AmountMention>();
    let overall: AmountMention | undefined;
    let current: ItemRef | undefined;
    for (const s of ctx.narrative.sentences) {
      if (scopeOf(s.section) !== 'general') {
        current = undefined;
        continue;
      }
      const here = chains.filter((c) => c.sentence === s).at(-1);
      if (here) current = here;
      for (const m of ctx.narrative.inSentence(s)) {
        if (m.kind !== 'amount' || !isBudget(m)) continue;
        const code = current?.rows[2]?.code;
        if (code && !perItem.has(code)) perItem.set(code, m);
        else if (!current && !overall && /一般公共预算财政拨款支出/.test(m.subject)) overall = m;
      }
    }
    const items = t5.rows.filter(
      (r) => r.code?.length === 7 && r.cells.total?.kind === 'amount' && r.cells.total.fen !== 0n,
    );
    if (!overall || perItem.size < 2 || !items.every((r) => perItem.has(r.code ?? ''))) return [];
    const list = [...perItem.values()];
    ctx.narrative.markChecked(overall, ...list);
    const sum = list.reduce((a, m) => a + m.fen, 0n);
    const outcome = tie(sum, overall.fen, '万元', list.length);
    if (outcome === 'ok') return [];
    return [
      tieDraft(
        outcome,
        '万元',
        sum,
        overall.fen,
        `一般公共预算财政拨款支出年初预算 ${overall.raw} ≠ 各项级科目年初预算之和 ${fmt(sum, '万元')}`,
        `General-budget budget ${overall.raw} ≠ sum of item budgets ${fmt(sum, '万元')}`,
        [mentionEvidence(overall, '总额 / total'), ...list.map((m) => mentionEvidence(m, '项级 / item'))],
      ),
    ];
  },
});

const basicItemsRule = rule({
  id: 'NARR-BASIC-ITEMS',
  family: 'narrative',
  severity: 'warning',
  title: {
    zh: '人员经费/公用经费“主要包括”所列科目在公开06表有数且属该类',
    en: 'Items listed under personnel/public expense have amounts in Table 6 and belong there',
  },
  basis: '基本支出说明列举的经济分类款级科目应与公开06表一致（SH24T §六；domain §1.4）',
  needs: ['general_budget_basic'],
  needsNarrative: true,
  fixtures: [
    {
      fire: (d) => replaceText(d, '公用经费28.00万元。', '公用经费28.00万元，主要包括：办公费、办公设备购置。'),
    },
  ],
  check: (ctx) => {
    const t6 = ctx.table('general_budget_basic');
    if (!t6) return [];
    const col = t6.columns[0]?.id ?? 'amount';
    const out: Draft[] = [];
    for (const s of ctx.narrative.sentences) {
      if (scopeOf(s.section) !== 'basic') continue;
      for (const m of s.text.matchAll(/(人员经费|日常公用经费|公用经费)[^。；]*?(?:主要)?包括[：:]?([^。；]+)/g)) {
        const group = m[1] === '人员经费' ? '人员经费' : '公用经费';
        const names = (m[2] ?? '')
          .split(/[、，,]|及|和/)
          .map((x) => squash(x).replace(/(等支出|等)$/, ''))
          .filter(Boolean);
        for (const name of names) {
          const row = t6.rows.find((r) => r.code?.length === 5 && squash(r.label) === name);
          if (!row) continue;
          const c = row.cells[col];
          const entry = economicEntry(row.code ?? '');
          const empty = !c || c.kind === 'blank' || c.kind === 'dash' || (c.kind === 'amount' && c.fen === 0n);
          const wrongGroup = entry !== undefined && entry.group !== group;
          if (!empty && !wrongGroup) continue;
          out.push({
            message: empty
              ? `${group}“主要包括”列出“${name}”，但公开06表 ${row.code} ${name} 无支出`
              : `“${name}”（${row.code}）属${entry?.group}，却列在${group}之下`,
            messageEn: empty
              ? `"${name}" is listed under ${group} but Table 6 ${row.code} has no amount`
              : `"${name}" (${row.code}) belongs to ${entry?.group}, listed under ${group}`,
            evidence: [sentenceEvidence(s, name, '说明 / narrative'), cellEvidence(t6, row, col, '表 / table')],
            expected: empty ? '有数的科目 / an item with an amount' : (entry?.group ?? ''),
            actual: name,
          });
        }
      }
    }
    return out;
  },
});

const perfCountsRule = rule({
  id: 'NARR-PERF-COUNTS',
  family: 'performance',
  severity: 'error',
  title: {
    zh: '绩效自评项目数 = 各评级项目数之和；平均得分与评级相符',
    en: 'Self-evaluated projects = sum by grade; the average fits the grades',
  },
  basis: '预算绩效管理情况：自评项目数、平均得分、优/良/合格/不合格项目数（SH24T §十；domain §1.4, §3.1）',
  needsNarrative: true,
  fixtures: [
    {
      fire: (d) =>
        replaceText(
          d,
          '对1个项目开展绩效自评。',
          '绩效自评的项目3个，平均得分88.75分（其中，绩效评级为“优”的项目1个；绩效评级为“良”的项目1个）。',
        ),
    },
  ],
  check: (ctx) => {
    const out: Draft[] = [];
    for (const fs of ctx.narrative.sectionsMatching('绩效')) {
      for (const p of fs.section.paragraphs) {
        const text = squash(p.text);
        const total = /自评的?(?:\d{4}年度)?项目(\d+)个/.exec(text);
        const grades = [...text.matchAll(/(?:评级|等级)为?[“"](优秀?|良好?|合格|不合格|中|差)[”"]的项目(\d+)个/g)];
        if (!total || grades.length === 0) continue;
        const n = Number(total[1]);
        const sum = grades.reduce((a, g) => a + Number(g[2]), 0);
        const e: Evidence = { section: fs.path, quote: text.length > 200 ? `${text.slice(0, 200)}…` : text };
        if (p.src?.page) e.page = p.src.page;
        if (sum !== n)
          out.push({
            message: `绩效自评项目 ${n} 个，各评级项目数之和为 ${sum} 个`,
            messageEn: `${n} self-evaluated projects, but the grades add up to ${sum}`,
            evidence: [e],
            expected: `${n}`,
            actual: `${sum}`,
          });
        const avg = /平均得分(\d+(?:\.\d+)?)分/.exec(text);
        if (avg && sum === n && n > 0) {
          // the average lies between the lowest and highest band present
          const bands = grades.filter((g) => Number(g[2]) > 0).map((g) => gradeFloor(g[1] ?? ''));
          const score = Number(avg[1]);
          const lo = Math.min(...bands.map((b) => b[0]));
          const hi = Math.max(...bands.map((b) => b[1]));
          if (score < lo || score > hi)
            out.push({
              message: `平均得分 ${avg[1]} 分与各项目评级（${grades.map((g) => `${g[1]}${g[2]}个`).join('、')}）不相符`,
              messageEn: `Average score ${avg[1]} does not fit the grades`,
              evidence: [e],
              expected: `${lo}–${hi}`,
              actual: avg[1] ?? '',
            });
        }
      }
    }
    return out;
  },
});

/** Score range of a grade band (10号; Shanghai uses 合格/不合格 for 中/差). */
function gradeFloor(g: string): [number, number] {
  if (g.startsWith('优')) return [90, 100];
  if (g.startsWith('良')) return [80, 90];
  if (g === '合格' || g === '中') return [60, 80];
  return [0, 60];
}

export const NARRATIVE_RULES: Rule[] = [
  perfCountsRule,
  basicItemsRule,
  itemBudgetSumRule,
  itemChainRule,
  itemAmountRule,
  assetThresholdRule,
  bindingRule('NARR-AMOUNT'),
  bindingRule('NARR-UNIT'),
  rateRule,
  zeroBudgetRule,
  rateWordingRule,
  diffRule,
  shareRule,
  growthRule('NARR-GROWTH'),
  growthRule('NARR-ZERO-BASE'),
  compareRule,
  repeatRule,
  threePublicRule,
  runningCostRule,
  procurementRule,
  assetsRule,
];

export type { Disclosure };

void bump;
