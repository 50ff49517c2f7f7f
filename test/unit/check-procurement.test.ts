// 政府采购 rules on the Shanghai 2024 wording: SME awards ≤ total (rounding-aware), reserved budgets, one unit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../src/check/engine.ts';
import { sample } from '../../src/check/fixtures/sample.ts';
import { flattenSections } from '../../src/check/narrative/view.ts';
import type { Disclosure } from '../../src/model/disclosure.ts';

const RULES = ['NARR-PROCUREMENT', 'NARR-PROC-SME', 'NARR-PROC-RESERVED', 'NARR-PROC-UNIT', 'NARR-SHARE'];

/** The 2024 sample with its procurement paragraph replaced. */
function withProcurement(text: string): Disclosure {
  const d = sample('2024');
  const sec = flattenSections(d.narrative).find((s) => s.section.heading.includes('政府采购'));
  assert.ok(sec, 'sample has a procurement section');
  const p = sec.section.paragraphs[0];
  assert.ok(p);
  p.text = text;
  return d;
}

/** Putuo 2024 wording with figures to vary. */
const putuo = (
  o: Partial<
    Record<'total' | 'goods' | 'works' | 'services' | 'smeRes' | 'microRes' | 'smeIn' | 'microIn' | 'other', string>
  > = {},
) => {
  const v = {
    total: '251.25万元',
    goods: '4.79万元',
    works: '0万元',
    services: '246.47万元',
    smeRes: '246.47万元',
    microRes: '0万元',
    smeIn: '246.47万元',
    microIn: '0万元',
    other: '4.79万元',
    ...o,
  };
  return (
    `本部门2024年度政府采购金额（以合同签订为准）为${v.total}，其中：货物采购金额${v.goods}、工程采购金额${v.works}、服务采购金额${v.services}。` +
    `2024年度本部门面向中小企业预留政府采购项目预算金额${v.smeRes}，面向小微企业预留政府采购项目预算金额${v.microRes}。` +
    `在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额${v.smeIn}；` +
    `在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额${v.microIn}；` +
    `在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额${v.other}。`
  );
};

const fired = (d: Disclosure) =>
  check(d, { only: RULES })
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => f.rule)
    .sort();

describe('政府采购 (Shanghai 2024 wording)', () => {
  it('the Putuo statement as printed: no error or warning (246.47 + 4.79 = 251.26 is within rounding of 251.25)', () => {
    assert.deepEqual(fired(withProcurement(putuo())), []);
  });

  it('SME awards in reserved + other projects beyond the total by more than rounding: error', () => {
    assert.deepEqual(fired(withProcurement(putuo({ other: '4.82万元' }))), ['NARR-PROC-SME']);
    // 0.02 over with two rounded addends: still rounding
    assert.deepEqual(fired(withProcurement(putuo({ other: '4.80万元' }))), []);
  });

  it('micro reserved budget above the SME reserved budget: warning', () => {
    const d = withProcurement(putuo({ microRes: '300.00万元' }));
    assert.deepEqual(fired(d), ['NARR-PROC-RESERVED']);
    assert.equal(check(d, { only: ['NARR-PROC-RESERVED'] }).findings[0]?.severity, 'warning');
  });

  it('awards in reserved projects above the reserved budget (SME and micro): warning each', () => {
    assert.deepEqual(fired(withProcurement(putuo({ smeRes: '240.00万元' }))), ['NARR-PROC-RESERVED']);
    assert.deepEqual(fired(withProcurement(putuo({ microIn: '1.00万元' }))), ['NARR-PROC-RESERVED']);
  });

  it('a figure in 元 among 万元: warning on that figure only', () => {
    const r = check(withProcurement(putuo({ other: '4.79元' })), { only: ['NARR-PROC-UNIT'] });
    assert.deepEqual(
      r.findings.map((f) => f.actual),
      ['元'],
    );
    assert.match(r.findings[0]?.evidence[0]?.value ?? '', /4\.79元/);
  });

  it('total = goods + works + services still checked in this wording', () => {
    assert.deepEqual(fired(withProcurement(putuo({ services: '249.47万元' }))), ['NARR-PROCUREMENT']);
  });

  it('2019 wording: SME share of the total recomputed, SME ≤ total', () => {
    const base =
      '政府采购支出总额20.00万元，其中：政府采购货物支出15.00万元、政府采购工程支出0万元、政府采购服务支出5.00万元。授予中小企业合同金额16.00万元，占政府采购支出总额的80.00%，其中：授予小微企业合同金额8.00万元，占政府采购支出总额的40.00%。';
    assert.deepEqual(fired(withProcurement(base)), []);
    assert.deepEqual(fired(withProcurement(base.replace('80.00%', '85.00%'))), ['NARR-SHARE']);
    assert.deepEqual(
      fired(
        withProcurement(
          base.replace(
            '合同金额16.00万元，占政府采购支出总额的80.00%',
            '合同金额21.00万元，占政府采购支出总额的105.00%',
          ),
        ),
      ),
      ['NARR-PROC-SME', 'NARR-PROCUREMENT'],
    );
  });
});
