// 政府采购 statements in the Shanghai 2024 wording: SME awards split into reserved and other projects, budgets
// reserved for SMEs and micro firms, one unit throughout. (Total = goods + works + services: NARR-PROCUREMENT;
// shares: NARR-SHARE.)
import { centStep } from '../../model/money.ts';
import { replaceText } from '../fixtures/mutators.ts';
import type { AmountMention, Sentence } from '../narrative/view.ts';
import type { Draft, Evidence, Rule, RuleContext } from '../types.ts';
import { fmt } from '../view.ts';
import { rule } from './define.ts';

/** The amounts of a procurement statement, by role. */
export interface Procurement {
  all: AmountMention[];
  total?: AmountMention;
  /** 授予中小企业合同金额 (one figure). */
  sme?: AmountMention;
  /** 在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额. */
  smeInReserved?: AmountMention;
  /** 在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额. */
  smeInOther?: AmountMention;
  microInReserved?: AmountMention;
  smeReserved?: AmountMention;
  microReserved?: AmountMention;
}

const TOTAL = /(政府采购(支出|合同)?(总额|金额)|采购支出总额|政府采购支出)(（[^）]*）)?为?$/;

/** Text of the clause group before a mention: from the sentence start. */
const before = (m: AmountMention) => m.sentence.text.slice(0, m.at);

function classify(p: Procurement, m: AmountMention): void {
  const s = m.subject;
  const b = before(m);
  if (/面向中小企业预留(政府采购)?项目预算金额(为)?$/.test(s)) p.smeReserved ??= m;
  else if (/面向小微企业预留(政府采购)?项目预算金额(为)?$/.test(s)) p.microReserved ??= m;
  else if (/^(采购|合同)金额(为)?$/.test(s) || /中标或成交的?$/.test(s)) {
    const reservedSme = /面向中小企业预留/.test(b);
    const reservedMicro = /面向小微企业预留/.test(b);
    const other = /其他政府采购项目/.test(b);
    if (reservedMicro && /小微企业供应商/.test(b)) p.microInReserved ??= m;
    else if (reservedSme && /中小企业供应商/.test(b)) p.smeInReserved ??= m;
    else if (other && /中小企业供应商/.test(b)) p.smeInOther ??= m;
  } else if (/授予中小企业合同(金额|总额)(为|共)?$/.test(s)) p.sme ??= m;
  else if (TOTAL.test(s)) p.total ??= m;
}

/** One statement per 政府采购 section. */
export function procurements(ctx: RuleContext): Procurement[] {
  return ctx.memo('procurements', () =>
    ctx.narrative.sectionsMatching('政府采购').map((sec) => {
      const p: Procurement = { all: ctx.narrative.amounts.filter((m) => m.sentence.section === sec) };
      for (const m of p.all) classify(p, m);
      return p;
    }),
  );
}

function ev(m: AmountMention, role: string): Evidence {
  const s: Sentence = m.sentence;
  const e: Evidence = { role, section: s.section.path, quote: s.text, value: m.raw };
  if (s.src?.page !== undefined) e.page = s.src.page;
  if (s.src?.line !== undefined) e.line = s.src.line;
  return e;
}

/** part > whole beyond the rounding of `addends` figures printed in 万元 (0.01 each). */
function exceeds(part: bigint, whole: bigint, addends: number, unit: string): boolean {
  if (part <= whole) return false;
  return unit !== '万元' || part - whole > centStep('万元') * BigInt(addends);
}

const SHANGHAI_SENTENCES =
  '面向中小企业预留政府采购项目预算金额16.00万元，面向小微企业预留政府采购项目预算金额8.00万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额12.00万元；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额8.00万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额4.00万元。';

const smeRule = rule({
  id: 'NARR-PROC-SME',
  family: 'narrative',
  severity: 'error',
  title: {
    zh: '政府采购：授予中小企业的合同金额（预留项目 + 其他项目）≤ 采购总额',
    en: 'Procurement: amounts awarded to SMEs (reserved + other projects) ≤ the total',
  },
  basis: '中小企业合同金额是政府采购合同金额的一部分（财库〔2020〕46号；domain §4.17）',
  needsNarrative: true,
  fixtures: [
    { sample: '2024', fire: (d) => replaceText(d, '采购金额4.00万元', '采购金额9.00万元') },
    { sample: '2024', fire: (d) => replaceText(d, '采购金额12.00万元', '采购金额17.00万元') },
  ],
  check: (ctx) => {
    const out: Draft[] = [];
    for (const p of procurements(ctx)) {
      const { total } = p;
      if (!total) continue;
      const split = [p.smeInReserved, p.smeInOther].filter((m): m is AmountMention => m !== undefined);
      // the single figure and the split by project (reserved + other), each when printed
      const forms = [p.sme ? [p.sme] : [], split.length === 2 ? split : []].filter((f) => f.length > 0);
      for (const sme of forms) {
        ctx.narrative.markChecked(total, ...sme);
        const sum = sme.reduce((a, m) => a + m.fen, 0n);
        if (!exceeds(sum, total.fen, sme.length, total.unit)) continue;
        const raws = sme.map((m) => m.raw).join(' + ');
        out.push({
          message: `授予中小企业的合同金额 ${raws} 大于政府采购总额 ${total.raw}`,
          messageEn: `Awards to SMEs ${raws} exceed the procurement total ${total.raw}`,
          evidence: [...sme.map((m) => ev(m, '中小企业 / SMEs')), ev(total, '采购总额 / total')],
          expected: `≤ ${fmt(total.fen, '万元')}`,
          actual: fmt(sum, '万元'),
          difference: fmt(sum - total.fen, '万元'),
        });
      }
    }
    return out;
  },
});

const reservedRule = rule({
  id: 'NARR-PROC-RESERVED',
  family: 'narrative',
  severity: 'warning',
  title: {
    zh: '预留份额：小微企业预留 ≤ 中小企业预留；预留项目成交金额 ≤ 预留预算',
    en: 'Reserved shares: micro reserved ≤ SME reserved; awards in reserved projects ≤ the reserved budget',
  },
  basis: '小微企业预留份额包含在中小企业预留份额之内，成交金额不超过采购预算（财库〔2020〕46号；政府采购法）',
  needsNarrative: true,
  fixtures: [
    { sample: '2024', fire: (d) => replaceText(d, '预算金额8.00万元', '预算金额18.00万元') },
    { sample: '2024', fire: (d) => replaceText(d, '采购金额12.00万元', '采购金额16.50万元') },
  ],
  check: (ctx) => {
    const out: Draft[] = [];
    const pairs: [AmountMention | undefined, AmountMention | undefined, string, string, string, string][] = [];
    for (const p of procurements(ctx)) {
      pairs.push(
        [
          p.microReserved,
          p.smeReserved,
          '面向小微企业预留预算',
          '面向中小企业预留预算',
          'micro reserved',
          'SME reserved',
        ],
        [
          p.smeInReserved,
          p.smeReserved,
          '中小企业预留项目成交金额',
          '面向中小企业预留预算',
          'SME awards in reserved projects',
          'SME reserved budget',
        ],
        [
          p.microInReserved,
          p.smeInReserved,
          '小微企业预留项目成交金额',
          '中小企业预留项目成交金额',
          'micro awards in reserved projects',
          'SME awards in reserved projects',
        ],
        [
          p.microInReserved,
          p.microReserved,
          '小微企业预留项目成交金额',
          '面向小微企业预留预算',
          'micro awards in reserved projects',
          'micro reserved budget',
        ],
      );
    }
    for (const [part, whole, zp, zw, ep, ew] of pairs) {
      if (!part || !whole) continue;
      ctx.narrative.markChecked(part, whole);
      if (!exceeds(part.fen, whole.fen, 1, whole.unit)) continue;
      out.push({
        message: `${zp} ${part.raw} 大于${zw} ${whole.raw}`,
        messageEn: `${ep} ${part.raw} exceed the ${ew} ${whole.raw}`,
        evidence: [ev(part, `${zp} / ${ep}`), ev(whole, `${zw} / ${ew}`)],
        expected: `≤ ${fmt(whole.fen, '万元')}`,
        actual: fmt(part.fen, '万元'),
        difference: fmt(part.fen - whole.fen, '万元'),
      });
    }
    return out;
  },
});

const unitRule = rule({
  id: 'NARR-PROC-UNIT',
  family: 'narrative',
  severity: 'warning',
  title: { zh: '政府采购说明的金额单位一致', en: 'One money unit throughout the procurement statement' },
  basis: '金额单位统一（R001；domain §4.20）',
  needsNarrative: true,
  fixtures: [{ fire: (d) => replaceText(d, '政府采购服务支出5.00万元', '政府采购服务支出5.00元') }],
  check: (ctx) => {
    const out: Draft[] = [];
    for (const p of procurements(ctx)) {
      const count = new Map<string, number>();
      for (const m of p.all) count.set(m.unit, (count.get(m.unit) ?? 0) + 1);
      if (count.size < 2) continue;
      const main = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '万元';
      for (const m of p.all) {
        if (m.unit === main) continue;
        out.push({
          message: `政府采购说明中“${m.subject}${m.raw}”的单位与其他金额（${main}）不同`,
          messageEn: `"${m.raw}" in the procurement statement is not in ${main} like the other amounts`,
          evidence: [ev(m, '金额 / amount')],
          expected: main,
          actual: m.unit,
        });
      }
    }
    return out;
  },
});

export const PROCUREMENT_RULES: Rule[] = [smeRule, reservedRule, unitRule];

export { SHANGHAI_SENTENCES as PROCUREMENT_2024_SAMPLE_TEXT };
