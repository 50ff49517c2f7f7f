// Golden: the published 2024 disclosure of 上海市普陀区财政局 (ONLYOFFICE PDF, 25 pages). Every cell of the nine tables
// must equal the printed figure (test/golden/putuo.tables.json, checked by hand against the rendered pages), and
// the narrative keeps its figures in their sentences.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { importPdf } from '../../src/import/pdf/index.ts';
import type { Disclosure, Section } from '../../src/model/disclosure.ts';
import { CSV_HEADER, toCsv } from '../../src/render/csv.ts';
import { type TableView, tablesView } from './putuo-view.ts';

const FILE = 'test/fixtures/samples/shanghai-putuo-caizhengju-2024.pdf';
const golden = JSON.parse(readFileSync('test/golden/putuo.tables.json', 'utf8')) as TableView[];

function paragraphs(sections: readonly Section[]): { text: string; page?: number | undefined; heading: string }[] {
  const out: { text: string; page?: number | undefined; heading: string }[] = [];
  const walk = (s: Section) => {
    const heading = `${s.numbering}${s.heading}`;
    if (heading) out.push({ text: heading, page: s.src?.page, heading });
    for (const p of s.paragraphs) out.push({ text: p.text, page: p.src?.page, heading: `${s.numbering}${s.heading}` });
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  return out;
}

describe('golden: shanghai-putuo-caizhengju-2024.pdf', () => {
  let d: Disclosure;
  before(async () => {
    d = await importPdf(FILE);
  });

  it('reads the meta data', () => {
    assert.equal(d.meta.department, '上海市普陀区财政局');
    assert.equal(d.meta.fiscalYear, 2024);
    assert.equal(d.meta.template, 'shanghai-2024');
    assert.equal(d.meta.source.format, 'pdf');
    assert.equal(d.meta.source.pages, 25);
    assert.deepEqual(d.unread, []);
  });

  it('reads all nine tables, each cell as printed', () => {
    const view = tablesView(d);
    assert.deepEqual(
      view.map((t) => t.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    for (const t of golden) assert.deepEqual(view[t.number - 1], t, `table ${t.number} ${t.title}`);
    for (const t of d.tables) assert.deepEqual(t.unread, [], `table ${t.number} has unread parts`);
  });

  it('keeps what is printed, including the document’s own inconsistencies', () => {
    // 收入支出决算总表 prints 326.71 for 社会保障和就业支出, 收入决算表 prints 326.72: a finding for the checker.
    const t1 = d.tables.find((t) => t.number === 1);
    const t2 = d.tables.find((t) => t.number === 2);
    const c1 = t1?.rows.find((r) => r.key === 'expense.208')?.cells.amount;
    const c2 = t2?.rows.find((r) => r.key === '208')?.cells.total;
    assert.equal(c1?.kind === 'amount' && c1.fen, 326_710_000n);
    assert.equal(c2?.kind === 'amount' && c2.fen, 326_720_000n);
    // Putuo prints blank for zero: blank, not 0.00.
    assert.equal(t1?.rows.find((r) => r.key === 'income.fund')?.cells.amount?.kind, 'blank');
  });

  it('keeps wrapped names with their row (amount on the first line, name on the lines around it)', () => {
    const t2 = d.tables.find((t) => t.number === 2);
    const row = t2?.rows.find((r) => r.code === '2080505');
    assert.equal(row?.label, '机关事业单位基本养老保险缴费支出');
    const cell = row?.cells.total;
    assert.equal(cell?.kind === 'amount' && cell.text, '160.75');
  });

  it('keeps the figures inside their sentences, in reading order, with pages', () => {
    const ps = paragraphs(d.narrative);
    const find = (needle: string) => ps.find((p) => p.text.includes(needle));
    const expects: [string, number][] = [
      ['上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。', 21],
      ['本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%；', 21],
      ['本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；', 21],
      ['一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。', 21],
      ['机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。', 24],
      ['货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。', 24],
    ];
    for (const [sentence, page] of expects) {
      const p = find(sentence);
      assert.ok(p, `sentence not found: ${sentence}`);
      assert.equal(p.page, page, sentence);
    }
    const four = find('委托中介机构开展各类审计及绩效评价工作');
    assert.ok(four?.text.includes('年初预算为450.52万元，支出决算为449.52万元'));
  });

  it('splits the narrative by its numbering and reads the glossary and contents', () => {
    const part3 = d.narrative.find((s) => s.numbering === '第三部分');
    assert.ok(part3);
    assert.deepEqual(
      part3.children.map((s) => s.numbering),
      ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、', '十一、'],
    );
    assert.equal(d.glossary.length, 11);
    assert.equal(d.glossary[0]?.term, '财政拨款收入');
    assert.equal(d.contents[0]?.text, '第一部分上海市普陀区财政局概况');
    assert.equal(d.contents.at(-1)?.text, '第四部分名词解释');
  });

  it('gives a complete CSV view: one line per cell, every figure in it', () => {
    const csv = toCsv(d).trimEnd().split('\r\n');
    assert.equal(csv[0], CSV_HEADER.join(','));
    const cells = d.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + Object.keys(r.cells).length, 0), 0);
    assert.equal(csv.length - 1, cells);
    const amounts = d.tables.flatMap((t) =>
      t.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c.kind === 'amount' ? [c.text] : []))),
    );
    assert.equal(amounts.length, csv.slice(1).filter((l) => /,\d[\d.]*,\d*,amount$/.test(l)).length);
  });
});
