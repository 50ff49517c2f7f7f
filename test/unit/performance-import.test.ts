import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { splitLines, type TextLine } from '../../src/import/text/lines.ts';
import { findPerformanceAnnexStart, parsePerformanceAnnexes } from '../../src/import/text/performance.ts';
import type { Indicator } from '../../src/model/disclosure.ts';
import { InputError } from '../../src/model/errors.ts';

function lines(text: string): TextLine[] {
  return splitLines(text).lines;
}

/** A small made-up annex: the score sheet between a header and a 总计 row, with optional conclusions. */
function annex(sheet: string, conclusions = ''): string {
  return [
    '附件2-1',
    '项目概况',
    '项目名称 测试项目',
    '自评价评分表',
    '一级指标',
    '二级指标',
    '三级指标 权重 目标值 业绩值 评分结果 评分标准 数据来源及支持材料',
    sheet,
    '评价等级 优秀',
    '综合结论',
    conclusions,
  ].join('\n');
}

function row(i: Indicator | undefined) {
  return [i?.level1, i?.level2, i?.name, i?.weight?.text, i?.target, i?.actual, i?.score?.text];
}

describe('performance annexes: score sheet', () => {
  it('reads one-line names, a row on one line and headings by structure', () => {
    const [ev] = parsePerformanceAnnexes(
      lines(
        annex(
          [
            '产出目标 60.00',
            '数量 30.00',
            '培训人数',
            '30.00 ≥100人 120人 30.00',
            '业绩值≥100人得满分。',
            '培训签到表',
            '质量 30.00',
            '合格率 30.00 ≥95% 90% 28.42',
            '按业绩值/目标值*权重得分。',
            '检查记录',
            '效果目标 40.00',
            '满意度 40.00',
            '服务对象满意度',
            '40.00 ≥90% 95% 40.00',
            '业绩值≥90%得满分。',
            '问卷',
            '信息共享 0.00',
            '总计 100.00 98.42',
          ].join('\n'),
        ),
      ),
      'made-up.txt',
    );
    assert.ok(ev);
    assert.deepEqual(ev.indicators.map(row), [
      ['产出目标', '数量', '培训人数', '30.00', '≥100人', '120人', '30.00'],
      ['产出目标', '质量', '合格率', '30.00', '≥95%', '90%', '28.42'],
      ['效果目标', '满意度', '服务对象满意度', '40.00', '≥90%', '95%', '40.00'],
    ]);
    assert.deepEqual(
      ev.groups?.map((g) => [g.level, g.name, g.weight?.text]),
      [
        [1, '产出目标', '60.00'],
        [2, '数量', '30.00'],
        [2, '质量', '30.00'],
        [1, '效果目标', '40.00'],
        [2, '满意度', '40.00'],
        [2, '信息共享', '0.00'],
      ],
    );
    assert.deepEqual(
      ev.indicators.map((i) => [i.standard, i.dataSource]),
      [
        ['业绩值≥100人得满分。', '培训签到表'],
        ['按业绩值/目标值*权重得分。', '检查记录'],
        ['业绩值≥90%得满分。', '问卷'],
      ],
    );
    assert.deepEqual([ev.totalWeight?.text, ev.totalScore?.text, ev.grade], ['100.00', '98.42', '优秀']);
    assert.deepEqual(ev.indicators[1]?.score, { text: '28.42', value: 2842n, scale: 2 });
  });

  it('joins a target and an actual wrapped over lines ("8041万" "元" "8041万" "元")', () => {
    const [ev] = parsePerformanceAnnexes(
      lines(
        annex(
          [
            '投入和管理目标 2.27',
            '成本 2.27',
            '项目预算',
            '金额',
            '2.27',
            '8041万',
            '元',
            '7900万',
            '元',
            '2.23',
            '业绩值为8041万元得满分。',
            '决算报表',
            '总计 2.27 2.23',
          ].join('\n'),
        ),
      ),
      'made-up.txt',
    );
    assert.deepEqual(row(ev?.indicators[0]), [
      '投入和管理目标',
      '成本',
      '项目预算金额',
      '2.27',
      '8041万元',
      '7900万元',
      '2.23',
    ]);
  });

  it('a weight with one decimal keeps its scale: "2.3" → 23 × 10^-1', () => {
    const [ev] = parsePerformanceAnnexes(
      lines(
        annex(
          [
            '产出目标 2.30',
            '质量 2.30',
            '项目质量可控性',
            '2.30 可控 可控 2.3',
            '业绩值为可控得满分。',
            '总计 2.30 2.3',
          ].join('\n'),
        ),
      ),
      'made-up.txt',
    );
    assert.deepEqual(ev?.indicators[0]?.score, { text: '2.3', value: 23n, scale: 1 });
    assert.deepEqual(ev?.indicators[0]?.weight, { text: '2.30', value: 230n, scale: 2 });
  });

  it('a missing score is unread, not zero', () => {
    const [ev] = parsePerformanceAnnexes(
      lines(
        annex(
          [
            '投入和管理目标 4.54',
            '投入管理 4.54',
            '预算编制合理性',
            '2.27 合理 合理',
            '业绩值为合理得满分。',
            '三定方案',
            '预算执行率',
            '2.27 100% 90.00% 2.04',
            '业绩值为100%得满分。',
            '决算报表',
            '总计 4.54',
          ].join('\n'),
        ),
      ),
      'made-up.txt',
    );
    assert.ok(ev);
    const [first, second] = ev.indicators;
    assert.deepEqual(row(first), ['投入和管理目标', '投入管理', '预算编制合理性', '2.27', '合理', '合理', undefined]);
    assert.equal(first?.score, undefined);
    assert.equal(first?.standard, '业绩值为合理得满分。');
    assert.deepEqual(row(second), ['投入和管理目标', '投入管理', '预算执行率', '2.27', '100%', '90.00%', '2.04']);
    assert.ok(ev.unread?.some((u) => u.what === '指标“预算编制合理性”的评分结果' && u.src?.line === 10));
    // 总计 with only one figure: not guessed.
    assert.equal(ev.totalScore, undefined);
    assert.ok(ev.unread?.some((u) => u.what === '评分表总计'));
  });

  it('reads unlike qualitative values when a scoring standard follows the score', () => {
    const sheet = [
      '产出目标 2.00',
      '时效 2.00',
      '验收时间',
      '2.00',
      '年底前完成',
      '已完成',
      '2.00',
      '达标得满分。',
      '总计 2.00 2.00',
    ];
    const [ev] = parsePerformanceAnnexes(lines(annex(sheet.join('\n'))), 'made-up.txt');
    assert.deepEqual(row(ev?.indicators[0]), ['产出目标', '时效', '验收时间', '2.00', '年底前完成', '已完成', '2.00']);
  });

  it('values whose boundary between target and actual is ambiguous are unread', () => {
    const sheet = [
      '产出目标 2.00',
      '时效 2.00',
      '验收时间',
      '2.00 按时完',
      '成',
      '已完成',
      '2.00',
      '达标得满分。',
      '总计 2.00 2.00',
    ];
    const [ev] = parsePerformanceAnnexes(lines(annex(sheet.join('\n'))), 'made-up.txt');
    const i = ev?.indicators[0];
    assert.deepEqual([i?.name, i?.target, i?.actual, i?.score?.text], ['验收时间', undefined, undefined, '2.00']);
    assert.ok(ev?.unread?.some((u) => u.what === '指标“验收时间”的目标值、业绩值' && /ambiguous/.test(u.reason)));
  });

  it('uses the indicator names listed in the 综合结论 to cut a name from a short last source line', () => {
    const sheet = [
      '产出目标 5.46',
      '质量 5.46',
      '汕尾超亿元项目动工数量',
      '2.73 20 21 2.73',
      '业绩值≥20个得满分。',
      '2019年亿元以',
      '上入库项目建设进展',
      '月报表',
      '在百',
      '色、河',
      '池推出',
      '2.73 ≥11个 5个 1.24',
      '业绩值≥11个得满分。',
      '项目清单',
      '总计 5.46 3.97',
    ].join('\n');
    const text = annex(
      sheet,
      '绩效目标完成的指标 汕尾超亿元项目动工数量；\n没有完成绩效目标的指标及偏差程度 在百色、河池推出；',
    );
    const [ev] = parsePerformanceAnnexes(lines(text.replace('三级指标 权重', '三级指\n标\n权重')), 'made-up.txt');
    assert.deepEqual(
      ev?.indicators.map((i) => [i.name, i.dataSource]),
      [
        ['汕尾超亿元项目动工数量', '2019年亿元以上入库项目建设进展月报表'],
        ['在百色、河池推出', '项目清单'],
      ],
    );
  });
});

describe('performance annexes: layout variants', () => {
  it('skips the column header repeated at the top of a continuation page', () => {
    const sheet = [
      '产出目标 4.00',
      '数量 4.00',
      '培训人数',
      '2.00 ≥100人 120人 2.00',
      '业绩值≥100人得满分。',
      '签到表',
      // new page (a page-start line begins with a space in the extracted text)
      ' 一级指标',
      '二级指标',
      '三级指标 权重 目标值 业绩值 评分结果 评分标准 数据来源及支持材料',
      '培训场次',
      '2.00 ≥ 4次 5次 2.00',
      '业绩值≥4次得满分。',
      '通知',
      '总计 4.00 4.00',
    ].join('\n');
    const [ev] = parsePerformanceAnnexes(lines(annex(sheet)), 'made-up.txt');
    assert.deepEqual(
      ev?.indicators.map((i) => [i.name, i.target, i.actual, i.dataSource, i.src?.page]),
      [
        ['培训人数', '≥100人', '120人', '签到表', 1],
        ['培训场次', '≥4次', '5次', '通知', 2],
      ],
    );
  });

  it('learns a name column wider than its one-line header label from the names themselves', () => {
    const sheet = [
      '产出目标 4.00',
      '数量 4.00',
      '服务对象满意度',
      '2.00 ≥90% 95% 2.00',
      '业绩值≥90%得满分。',
      '问卷调查汇总表（2019年）',
      '培训覆盖人数统',
      '计',
      '2.00 ≥100人 120人 2.00',
      '业绩值≥100人得满分。',
      '签到表',
      '总计 4.00 4.00',
    ].join('\n');
    const [ev] = parsePerformanceAnnexes(lines(annex(sheet)), 'made-up.txt');
    assert.deepEqual(
      ev?.indicators.map((i) => [i.name, i.dataSource]),
      [
        ['服务对象满意度', '问卷调查汇总表（2019年）'],
        ['培训覆盖人数统计', '签到表'],
      ],
    );
  });

  it('keeps a scoring standard of two sentences together', () => {
    const sheet = [
      '效果目标 2.00',
      '满意度 2.00',
      '服务对象满意度',
      '2.00 ≥90% 95% 2.00',
      '业绩值≥90%得满分。',
      '低于90%按比例得',
      '分。',
      '问卷调查汇总表（2019年）',
      '总计 2.00 2.00',
    ].join('\n');
    const [ev] = parsePerformanceAnnexes(lines(annex(sheet)), 'made-up.txt');
    assert.deepEqual(
      ev?.indicators.map((i) => [i.standard, i.dataSource]),
      [['业绩值≥90%得满分。低于90%按比例得分。', '问卷调查汇总表（2019年）']],
    );
  });

  it('matches listed names that carry a deviation note', () => {
    const sheet = [
      '投入和管理目标 2.27',
      '投入管理 2.27',
      '预算执行',
      '率',
      '2.27 100% 78.93% 1.79',
      '业绩值为100%得满分。',
      '决算报表；情况说',
      '明',
      '总计 2.27 1.79',
    ].join('\n');
    const text = annex(sheet, '没有完成绩效目标的指标及偏差程度 预算执行率（偏差21.07%）；');
    const [ev] = parsePerformanceAnnexes(lines(text), 'made-up.txt');
    assert.deepEqual(
      ev?.indicators.map((i) => [i.name, i.dataSource]),
      [['预算执行率', '决算报表；情况说明']],
    );
  });

  it('finds where the annexes start in a whole document', () => {
    const doc = lines('正文\n详见附件1-1、1-2。\n附件1-1\n项目概况\n项目名称 某项目');
    assert.equal(findPerformanceAnnexStart(doc), 2);
    assert.equal(findPerformanceAnnexStart(lines('正文\n附件1\n其他材料')), -1);
  });
});

describe('performance annexes: tables and fields', () => {
  const text = [
    '附件1-1',
    '项目概况',
    '申报单位名',
    '称（盖章）',
    '某某局',
    '项目名称 某项目',
    '项目负责人 张三 联系人 李四 电话 0755-1234',
    '起始日期 2019-01-01 结束日期 2019-12-31',
    '资金安排和使用情况表',
    '金额单位 元',
    '项目 行次 合计',
    '财政资金 其他资金',
    '小计 中央级 省级 市级 区县转移 小计 单位自有 银行贷款等 社会资本',
    '预算安排 (1)',
    '1000.0',
    '0',
    '1000.00 0.00',
    '实际支出 (4)',
    '800.00 800.00 0.00 0.00 800.00 0.00 0.00 0.00 0.00 0.00',
    '项目支出内容',
    '综合结论',
    '项目名称 某项目',
    '评分结果 90.00 评价结论 优秀',
  ].join('\n');

  it('reads project fields wrapped over lines and several on one line', () => {
    const [ev] = parsePerformanceAnnexes(lines(text), 'made-up.txt');
    assert.deepEqual(ev?.project, {
      name: '某项目',
      department: '某某局',
      manager: '张三',
      contact: '李四',
      phone: '0755-1234',
      start: '2019-01-01',
      end: '2019-12-31',
    });
    assert.deepEqual(
      ev?.conclusions.map((c) => [c.label, c.text]),
      [
        ['项目名称', '某项目'],
        ['评分结果', '90.00'],
        ['评价结论', '优秀'],
      ],
    );
  });

  it('joins an amount wrapped over lines and leaves unplaceable figures unread, not zero', () => {
    const [ev] = parsePerformanceAnnexes(lines(text), 'made-up.txt');
    const rows = ev?.funds?.rows ?? [];
    assert.deepEqual(
      rows.map((r) => [r.key, r.lineNo]),
      [
        ['budget', '(1)'],
        ['spent', '(4)'],
      ],
    );
    const budget = rows[0]?.cells;
    assert.deepEqual(budget?.total, {
      kind: 'amount',
      fen: 100000n,
      text: '1000.00',
      src: { file: 'made-up.txt', page: 1, line: 15 },
    });
    const subtotal = budget?.['fiscal.subtotal'];
    assert.equal(subtotal?.kind, 'unread');
    assert.match(subtotal.reason, /3 figures for 10 columns.*1000\.00 1000\.00 0\.00/);
    const spent = rows[1]?.cells;
    assert.deepEqual(
      Object.values(spent ?? {}).map((c) => (c.kind === 'amount' ? c.fen : c.kind)),
      [80000n, 80000n, 0n, 0n, 80000n, 0n, 0n, 0n, 0n, 0n],
    );
    // Missing rows and sections are reported, not invented.
    assert.ok(ev?.funds?.unread.some((u) => u.reason.includes('资金到位')));
    assert.ok(ev?.unread?.some((u) => u.what === '自评价评分表'));
    assert.deepEqual(ev?.indicators, []);
  });

  it('splits several annexes and names the file when the input does not start with an annex label', () => {
    const two = parsePerformanceAnnexes(lines(`${text}\n附件1-2\n项目概况\n项目名称 另一项目`), 'made-up.txt');
    assert.deepEqual(
      two.map((e) => [e.annex, e.project.name]),
      [
        ['附件1-1', '某项目'],
        ['附件1-2', '另一项目'],
      ],
    );
    // A lone "附件7" inside the annex (e.g. in a data source) is content, not a new annex.
    const inner = parsePerformanceAnnexes(lines(`${text}\n附件7\n汕尾市危房改造情况`), 'made-up.txt');
    assert.equal(inner.length, 1);
    assert.throws(
      () => parsePerformanceAnnexes(lines('项目概况\n项目名称 某项目'), 'bad.txt'),
      (e: unknown) => e instanceof InputError && e.file === 'bad.txt' && /附件1-1/.test(e.message),
    );
    assert.throws(() => parsePerformanceAnnexes([], 'empty.txt'), InputError);
  });
});

describe('performance annexes: robustness', () => {
  it('a score followed on its line by the scoring standard', () => {
    const sheet = [
      '产出目标 2.27',
      '质量 2.27',
      '合格率',
      '2.27 合理 合理 2.27 业绩值为合理得满分。',
      '检查记录',
      '总计 2.27 2.27',
    ];
    const [ev] = parsePerformanceAnnexes(lines(annex(sheet.join('\n'))), 'made-up.txt');
    const i = ev?.indicators[0];
    assert.deepEqual(
      [i?.name, i?.target, i?.actual, i?.score?.text, i?.standard, i?.dataSource],
      ['合格率', '合理', '合理', '2.27', '业绩值为合理得满分。', '检查记录'],
    );
  });

  it('never throws on a truncated seed annex, and never invents a score', () => {
    const all = splitLines(readFileSync('test/fixtures/seed/shenzhen-fupin-2019.txt', 'utf8')).lines;
    const start = all.findIndex((l) => l.text.trim() === '附件1-1');
    const annexLines = all.slice(start);
    for (let end = 1; end <= annexLines.length; end += 37) {
      const evs = parsePerformanceAnnexes(annexLines.slice(0, end), 'seed.txt');
      for (const ev of evs) {
        for (const i of ev.indicators) {
          if (i.score) assert.match(i.score.text, /^\d+\.\d+$/);
          if (!i.score) assert.ok(ev.unread?.some((u) => u.what === `指标“${i.name}”的评分结果`));
        }
      }
    }
  });
});
