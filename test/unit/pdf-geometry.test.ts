// Geometry on small made-up fragments: radicals, lines from positioned items, pdfjs-joined cells, header leaves.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutOf } from '../../src/import/pdf/document.ts';
import { normaliseRadicals, splitAtSpaces, type TextItem } from '../../src/import/pdf/extract.ts';
import { buildLeafColumns, type HeaderSeg } from '../../src/import/pdf/header.ts';
import { buildLines, joinSpacedLetters, type Segment } from '../../src/import/pdf/lines.ts';
import { tidyText } from '../../src/import/pdf/paragraphs.ts';
import { THREE_PUBLIC_HEADERS } from '../fixtures/pdf/layouts.ts';

const item = (str: string, x: number, y: number, size = 12, width = str.length * size): TextItem => ({
  str,
  x,
  y,
  width,
  height: size,
  size,
  font: 'f',
});

/** Column paths of the 2024 三公 table: each item (under its parent where it has one) by 预算数 / 决算数. */
const THREE_PUBLIC_PATHS = [
  '合计',
  '因公出国（境）费',
  '公务用车购置及运行费/小计',
  '公务用车购置及运行费/公务用车购置费',
  '公务用车购置及运行费/公务用车运行费',
  '公务接待费',
].flatMap((i) => [`财政拨款“三公”经费/${i}/预算数`, `财政拨款“三公”经费/${i}/决算数`]);

/** Header segments of one font size on page 1. */
const headerAt =
  (size: number) =>
  (text: string, x0: number, x1: number, y: number): HeaderSeg => ({ text, x0, x1, y, size, page: 1 });

describe('PDF geometry', () => {
  it('folds Kangxi and supplement radicals only; full-width punctuation stays', () => {
    assert.equal(normaliseRadicals('⼀般公共预算⼊（⽀出）：'), '一般公共预算入（支出）：');
    assert.equal(normaliseRadicals('⺟'), '母');
    assert.equal(normaliseRadicals('（１２）'), '（１２）');
  });

  it('keeps digits on a slightly lower baseline in their sentence', () => {
    const lines = buildLines(1, [
      item('本年收入合计', 96, 278.2),
      item('2946.25', 168, 279.6, 12, 39),
      item('万元，其中：', 207, 278.2),
      item('下一行', 72, 292.1),
    ]);
    assert.equal(lines.length, 2);
    assert.equal(lines[0]?.text, '本年收入合计2946.25万元，其中：');
    assert.equal(lines[0]?.segments.length, 1);
  });

  it('joins letters spread over a cell and figures whose glyphs came apart, nothing else', () => {
    // one letter per segment, 9 pt, `gap` points between
    const spaced = (text: string, x: number, gap: number, w = 9): Segment[] => {
      let at = x;
      return [...text].map((ch) => {
        const s = { text: ch, x0: at, x1: at + w, y: 100, size: 9 };
        at += w + gap;
        return s;
      });
    };
    const known = (t: string) => t === '合计' || t === '科目名称';
    const join = (segs: Segment[]) => joinSpacedLetters(segs, known).map((s) => s.text);
    assert.deepEqual(join(spaced('合计', 10, 40)), ['合计']);
    assert.deepEqual(join(spaced('科目名称', 10, 12)), ['科目名称']);
    assert.deepEqual(join(spaced('人员经费', 10, 12)), ['人员经费'], 'three letters or more, evenly spread');
    assert.deepEqual(join(spaced('类款项', 10, 12)), ['类', '款', '项'], 'column marks stay apart');
    assert.deepEqual(join(spaced('外交', 10, 40)), ['外', '交'], 'two unknown letters far apart stay apart');
    assert.deepEqual(join(spaced('1,234.56', 10, 1.5, 4.5)), ['1,234.56']);
    assert.deepEqual(join(spaced('2010101', 10, 1.5, 4.5)), ['2010101']);
    // two figures in neighbouring cells, as close as their own glyphs: no figure as a whole, left apart
    assert.deepEqual(join(spaced('12.3045.60', 10, 1.5, 4.5)).length, 10);
    // cells far apart stay apart
    assert.deepEqual(join([...spaced('1', 10, 0), ...spaced('2', 60, 0)]), ['1', '2']);
  });

  it('reads a line spread evenly over its width without spaces', () => {
    let x = 50;
    const items = [...'基本支出1,100.00万元。'].map((ch) => {
      const w = /[\d,.]/.test(ch) ? 6 : 12;
      const it = item(ch, x, 300, 12, w);
      x += w + 14;
      return it;
    });
    assert.equal(buildLines(1, items)[0]?.text, '基本支出1,100.00万元。');
    // a table row: gaps of different widths keep their spaces
    const [row] = buildLines(1, [
      item('行政运行', 50, 100),
      item('1.00', 200, 100, 12, 24),
      item('2.00', 260, 100, 12, 24),
    ]);
    assert.equal(row?.text, '行政运行 1.00 2.00');
  });

  it('keeps cells apart: a wide gap makes a new segment', () => {
    const [line] = buildLines(1, [item('行政运行', 195, 100), item('1,511.89', 360, 100, 12, 42)]);
    assert.deepEqual(
      line?.segments.map((s) => s.text),
      ['行政运行', '1,511.89'],
    );
  });

  it('splits an item pdfjs joined across two cells, keeping both outer edges', () => {
    const parts = splitAtSpaces(item('87,628.42 一、一般公共服务支出', 249, 206, 8.5, 128.2));
    assert.deepEqual(
      parts.map((p) => p.str),
      ['87,628.42', '一、一般公共服务支出'],
    );
    assert.equal(parts[0]?.x, 249);
    const last = parts[1] as TextItem;
    assert.ok(Math.abs(last.x + last.width - (249 + 128.2)) < 0.01);
    assert.equal(last.apart, true);
    const lines = buildLines(1, parts);
    assert.equal(lines[0]?.segments.length, 2);
  });

  it('drops the spaces of justified Chinese, keeps those next to Latin letters and digits', () => {
    assert.equal(tidyText('公 务 用 车 运 行 维 护 费'), '公务用车运行维护费');
    assert.equal(tidyText('PDF  file 报告 2024 年'), 'PDF file 报告 2024 年');
  });

  it('reads wrapped header cells and a spanning parent as column paths (header of a real 基金 table)', () => {
    const at = headerAt(12);
    const leaves = buildLeafColumns(
      [
        at('项目', 232.6, 256.6, 170.1),
        at('年初结转和', 349.6, 409.6, 188.2),
        at('结余', 367.6, 391.6, 203.7),
        at('本年收入', 420.4, 468.4, 195.9),
        at('本年支出', 526.0, 574.0, 170.1),
        at('年末结转和', 631.6, 691.6, 188.2),
        at('结余', 649.6, 673.6, 203.7),
        at('支出功能分类', 179.2, 251.2, 191.8),
        at('科目名称', 290.8, 338.8, 209.1),
        at('小计', 479.2, 503.2, 209.1),
        at('基本支出', 514.0, 562.0, 209.1),
        at('项目支出', 572.8, 620.8, 209.1),
        at('科目编码', 191.2, 239.2, 209.1),
        at('类', 150.4, 162.4, 226.3),
        at('款', 197.2, 209.2, 226.3),
        at('项', 244.0, 256.0, 226.3),
      ],
      140,
      780,
    );
    assert.deepEqual(
      leaves.map((l) => l.path.at(-1)),
      ['类', '款', '项', '科目名称', '年初结转和结余', '本年收入', '小计', '基本支出', '项目支出', '年末结转和结余'],
    );
    assert.deepEqual(
      leaves.slice(4).map((l) => l.path.join('/')),
      ['年初结转和结余', '本年收入', '本年支出/小计', '本年支出/基本支出', '本年支出/项目支出', '年末结转和结余'],
    );
    assert.ok(leaves.slice(1, 3).every((l) => l.path.includes('支出功能分类科目编码')));
  });

  it('reads a heading over the whole table and items centred over their wide 预算数 / 决算数 pairs (2024 三公)', () => {
    // As our 2024 layout prints it: twelve equal columns, every text centred in its cell, 6.5 pt.
    const at = headerAt(6.5);
    const pair = (x: number) => [at('预算数', x, x + 19.5, 141.4), at('决算数', x + 60.1, x + 79.6, 141.4)];
    const leaves = buildLeafColumns(
      [
        at('财政拨款“三公”经费', 370.6, 435.6, 102.9),
        at('公务用车购置及运行费', 430.8, 495.8, 115.7),
        at('合计', 95.9, 108.9, 120.5),
        at('因公出国（境）费', 196.7, 248.7, 120.5),
        at('公务接待费', 687.6, 720.1, 120.5),
        at('小计', 336.5, 349.5, 128.6),
        at('公务用车购置费', 440.6, 486.1, 128.6),
        at('公务用车运行费', 560.9, 606.4, 128.6),
        ...[62.6, 182.9, 303.2, 423.5, 543.8, 664.1].flatMap(pair),
      ],
      42,
      800,
    );
    assert.deepEqual(
      leaves.map((l) => l.path.join('/')),
      THREE_PUBLIC_PATHS,
    );
  });

  it('reads 公务用车购置及运行费 straight above 公务用车购置费 as its parent, not a wrapped line (2024 三公 by LibreOffice)', () => {
    // The seed's DOCX of the 2024 example printed by LibreOffice: tight rows, every header centred, so the parent of
    // 小计 | 购置费 | 运行费 sits one line above 公务用车购置费, centred on it.
    const at = headerAt(7.5);
    const pair = (x: number) => [at('预算数', x, x + 22.5, 143.3), at('决算数', x + 57.5, x + 80, 143.3)];
    const words = new Set(['预算数', '决算数', ...THREE_PUBLIC_HEADERS]);
    const leaves = buildLeafColumns(
      [
        at('财政拨款“三公”经费', 364.6, 439.6, 109.3),
        at('公务用车购置及运行费', 422, 497, 120.6),
        at('合计', 107.1, 122.1, 126.3),
        at('因公出国（境）费', 199.6, 259.6, 126.3),
        at('公务接待费', 670.8, 708.3, 126.3),
        at('小计', 337.1, 352.1, 132),
        at('公务用车购置费', 433.3, 485.8, 132),
        at('公务用车运行费', 548.3, 600.8, 132),
        ...[74.6, 189.6, 304.6, 419.6, 534.6, 649.6].flatMap(pair),
      ],
      56.8,
      784.8,
      words,
    );
    assert.deepEqual(
      leaves.map((l) => l.path.join('/')),
      THREE_PUBLIC_PATHS,
    );
  });

  it('reads 经济分类 over 科目编码 over 类 | 款 beside a wide 科目名称, in each of two groups (2024 table 6)', () => {
    // As our 2024 layout prints it: three header lines, 科目名称 and 决算数 centred over all three, 7 pt.
    const at = headerAt(7);
    const group = (dx: number) => [
      at('经济分类', 56.1 + dx, 84.1 + dx, 103.4),
      at('科目编码', 56.1 + dx, 84.1 + dx, 116.1),
      at('科目名称', 160.7 + dx, 188.7 + dx, 113.6),
      at('决算数', 264.1 + dx, 285.1 + dx, 113.6),
      at('类', 52.7 + dx, 59.7 + dx, 128.7),
      at('款', 80.6 + dx, 87.6 + dx, 128.7),
    ];
    const leaves = buildLeafColumns([...group(0), ...group(255.7)], 42, 553, new Set(['决算数']));
    const one = ['经济分类/科目编码/类', '经济分类/科目编码/款', '科目名称', '决算数'];
    assert.deepEqual(
      leaves.map((l) => l.path.join('/')),
      [...one, ...one],
    );
  });

  it('a leaf between two lower cells with a neighbour on its own line stays a leaf', () => {
    // 本年收入 (two rows high) is centred between 科目名称 and 小计 of the line below, with 年初结转和结余 beside it.
    const at = headerAt(8);
    const leaves = buildLeafColumns(
      [
        at('项目', 108, 124, 100),
        at('本年支出', 428, 460, 100),
        at('年初结转和结余', 190, 246, 112),
        at('本年收入', 256, 288, 112),
        at('年末结转和结余', 520, 576, 112),
        at('科目编码', 60, 92, 124),
        at('科目名称', 140, 172, 124),
        at('小计', 388, 404, 124),
        at('基本支出', 428, 460, 124),
        at('项目支出', 468, 500, 124),
      ],
      40,
      600,
    );
    assert.deepEqual(
      leaves.map((l) => l.path.join('/')),
      [
        '项目/科目编码',
        '项目/科目名称',
        '年初结转和结余',
        '本年收入',
        '本年支出/小计',
        '本年支出/基本支出',
        '本年支出/项目支出',
        '年末结转和结余',
      ],
    );
  });

  it('drops running headers, footers and page numbers, keeps the body', () => {
    const page = (n: number) => ({
      page: n,
      width: 595,
      height: 842,
      items: [
        item(`测试局2019年度部门决算 第 ${n} 页`, 200, 30, 9),
        item(`正文第${n}页`, 72, 400),
        item(`- ${n} -`, 290, 820, 9),
      ],
    });
    const layout = layoutOf({ file: 'x.pdf', pages: [1, 2, 3].map(page), pageMs: [], openMs: 0 });
    assert.deepEqual(
      layout.lines.map((l) => l.text),
      ['正文第1页', '正文第2页', '正文第3页'],
    );
  });
});
