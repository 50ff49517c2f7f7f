// 绩效自评 annex cells wrapped over two or three lines in tall rows (test/fixtures/pdf/centred.ts). Vertically
// centred, a wrapped cell's first line prints above the line of its single-line neighbours and of its own label:
// lines go to fields and rows by where the cell's block of lines is centred. Top-aligned, the same annex reads the same.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutOf } from '../../src/import/pdf/document.ts';
import { extractPdfText } from '../../src/import/pdf/extract.ts';
import { readPerformanceAnnexes, splitContact } from '../../src/import/pdf/performance.ts';
import {
  CENTRED_PROJECT,
  CENTRED_SHEET,
  CENTRED_SPENDING,
  centredAnnexPdf,
  ODD_PROJECT,
  oddFormPdf,
} from '../fixtures/pdf/centred.ts';

const squash = (s: string) => s.replace(/\s+/g, '');

for (const align of ['middle', 'top'] as const) {
  describe(`PDF 绩效自评 annex, cells wrapped in tall rows, aligned ${align}`, async () => {
    const { lines } = layoutOf(await extractPdfText('annex.pdf', new Uint8Array(await centredAnnexPdf(align))));
    const [ev, ...more] = readPerformanceAnnexes('annex.pdf', lines);
    // The last such line: the 项目概况 label comes after the part's heading of the same words.
    const lineOf = (text: string) => lines.findLast((l) => l.segments.some((s) => s.text.startsWith(text)));

    if (align === 'middle') {
      it('prints wrapped cells as LibreOffice does: first lines above the label, the row and the header band', () => {
        const label = lineOf('项目概况');
        const value = lineOf('该项目经费');
        assert.ok(label && value && value.y < label.y && label.segments.length === 1);
        const row = lineOf('项目预算金额');
        const standard = lineOf('业绩值为80万元');
        const header = lineOf('一级指标');
        assert.ok(row && standard && header && standard.y < row.y);
        assert.ok(standard.y - header.y < 2 * header.size, 'the first standard line is close under the header');
        // Every 三级 name on its row's line: only the wrapped cells around it tell the rows are centred.
        for (const [name, w] of CENTRED_SHEET)
          assert.ok(
            lineOf(name)?.segments.some((x) => x.text === w),
            name,
          );
        const name = lineOf('城区道路日常养');
        const figures = lineOf('800,000.00');
        assert.ok(name && figures && name.y < figures.y && name.segments.length === 1);
      });
    }

    it('reads every project field whole, the wrapped values joined in order', () => {
      assert.equal(more.length, 0);
      assert.ok(ev);
      const p = Object.fromEntries(CENTRED_PROJECT);
      assert.deepEqual(
        [ev.project.name, ev.project.manager, ev.project.start, ev.project.end],
        [p.项目名称, p.项目负责人, p.起始日期, p.结束日期],
      );
      assert.equal(ev.project.overview, p.项目概况);
      assert.equal(ev.project.annualGoal, p.年度绩效目标);
    });

    it('splits 联系人/电话 printed in one cell into contact and phone', () => {
      assert.equal(ev?.project.contact, '李四');
      assert.equal(ev?.project.phone, '010-12345678');
    });

    it('reads 项目支出内容: a name over two lines with its figures (元, in 分), then 合计', () => {
      assert.ok(ev);
      assert.deepEqual(
        ev.spending.map((r) => [r.key, r.label]),
        CENTRED_SPENDING.map(([name], i) => [name === '合计' ? 'total' : `item${i + 1}`, name]),
      );
      const fen = (text: string) => (text ? BigInt(text.replace(/[,.]/g, '')) : 'blank');
      assert.deepEqual(
        ev.spending.map((r) =>
          ['actual.total', 'actual.fiscal', 'actual.other', 'earmarked'].map((id) => {
            const c = r.cells[id];
            return c?.kind === 'amount' ? c.fen : c?.kind;
          }),
        ),
        CENTRED_SPENDING.map(([, ...fig]) => fig.map(fen)),
      );
    });

    it('reads each indicator row whole: wrapped 评分标准 / 业绩值 lines to their rows, the first under the header not header', () => {
      assert.ok(ev);
      assert.deepEqual(
        ev.indicators.map((i) => [
          i.level1,
          i.level2,
          squash(i.name),
          i.weight?.text,
          i.target,
          i.actual,
          i.score?.text,
          i.standard,
        ]),
        CENTRED_SHEET.map(([name, w, target, actual, score, standard]) => [
          '产出目标',
          '数量',
          name,
          w,
          target,
          actual,
          score,
          standard,
        ]),
      );
      assert.equal(ev.totalScore?.text, '15.00');
      assert.equal(ev.grade, '优秀');
      assert.deepEqual(
        (ev.unread ?? []).filter((u) => u.what !== '资金安排和使用情况表'),
        [],
      );
    });
  });
}

for (const align of ['middle', 'top'] as const) {
  describe(`PDF 项目概况, every wrapped value over three lines, aligned ${align}`, async () => {
    const { lines } = layoutOf(await extractPdfText('annex.pdf', new Uint8Array(await oddFormPdf(align))));
    const [ev] = readPerformanceAnnexes('annex.pdf', lines);

    it('reads each value whole: a line above a label goes to it when centred, to the label above when not', () => {
      if (align === 'middle') {
        // Centred, each label's line holds its value's middle line: only the line spacing tells the cells apart.
        const label = lines.findLast((l) => l.segments[0]?.text === '项目概况');
        assert.equal(label?.segments.length, 2);
      }
      const p = Object.fromEntries(ODD_PROJECT);
      assert.deepEqual(
        [ev?.project.name, ev?.project.overview, ev?.project.annualGoal, ev?.project.manager],
        [p.项目名称, p.项目概况, p.年度绩效目标, p.项目负责人],
      );
    });
  });
}

describe('联系人/电话 printed in one cell', () => {
  it('takes the run of digits at the end or the start as the phone, the rest as the contact', () => {
    assert.deepEqual(splitContact('林嘉钿0755-88120316'), { contact: '林嘉钿', phone: '0755-88120316' });
    assert.deepEqual(splitContact('王五 (010)12345678'), { contact: '王五', phone: '(010)12345678' });
    assert.deepEqual(splitContact('010-12345678 王五'), { contact: '王五', phone: '010-12345678' });
    assert.deepEqual(splitContact('010-12345678'), { contact: '', phone: '010-12345678' });
    assert.deepEqual(splitContact('王五'), { contact: '王五', phone: '' });
  });
});
