// Multi-level table headers in the shared layout (and so in HTML, PDF, DOCX, XLSX), the 2019 and 2024 三公 layouts,
// and the PDF drawn in a worker thread giving the same bytes as on the main thread.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { compile } from '../../src/compile/index.ts';
import { parseDepartmentJson } from '../../src/import/workbook/json.ts';
import type { Disclosure, TableKind } from '../../src/model/disclosure.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { renderHtml } from '../../src/render/html.ts';
import { FORMATS, renderAll } from '../../src/render/index.ts';
import { type Grid, type GridRow, tableGrid } from '../../src/render/layout.ts';
import { outline } from '../../src/render/outline.ts';
import { pdfDocument, renderPdf } from '../../src/render/pdf.ts';
import { PdfThread } from '../../src/render/pdf-thread.ts';
import { renderXlsx } from '../../src/render/xlsx.ts';

function example(name: string): Disclosure {
  const file = `examples/${name}/data.json`;
  return compile(parseDepartmentJson(fs.readFileSync(file, 'utf8'), file), { file: 'data.json' });
}
const seed = example('shenzhen-fupin-2019');
const putuo = example('shanghai-putuo-2024');

function grid(d: Disclosure, kind: TableKind): Grid {
  const t = d.tables.find((x) => x.kind === kind);
  assert.ok(t, kind);
  return tableGrid(t, d.meta.template);
}

/** Printed header texts of one row with their column spans, covered positions left out. */
function spans(row: GridRow | undefined): string[] {
  return (row ?? []).flatMap((c) => (c ? [`${c.text}${(c.colSpan ?? 1) > 1 ? `×${c.colSpan}` : ''}`] : []));
}

/** Leaf header of each grid column: the lowest cell that starts at or covers it. */
function leaves(g: Grid): string[] {
  return g.widths.map((_, col) => {
    for (let r = g.header.length - 1; r >= 0; r--) {
      const row = g.header[r] ?? [];
      for (let c = col; c >= 0; c--) {
        const cell = row[c];
        if (cell === null || cell === undefined) continue;
        if (c + (cell.colSpan ?? 1) > col) return cell.text;
        break;
      }
    }
    return '';
  });
}

/** DOCX body text with each table cell closed by "|". */
async function docxCells(d: Disclosure): Promise<string> {
  const xml = strFromU8(unzipSync(await renderDocx(d))['word/document.xml'] ?? new Uint8Array());
  return xml.replace(/<\/w:tc>/g, '|').replace(/<[^>]+>/g, '');
}

/** Values of the first `n` columns of each row of the XLSX sheet whose name starts with `prefix`. */
async function sheetRows(d: Disclosure, prefix: string, n: number): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(d)) as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.name.startsWith(prefix));
  assert.ok(ws, prefix);
  const rows: unknown[][] = [];
  ws.eachRow((r) => {
    rows.push(Array.from({ length: n }, (_, c) => r.getCell(c + 1).value));
  });
  return rows;
}

describe('multi-level headers', () => {
  it('T4: 合计 / 一般公共预算财政拨款 / 政府性基金预算财政拨款 under 支出', () => {
    const g = grid(seed, 'fiscal_summary');
    assert.deepEqual(spans(g.header[0]), ['收入×2', '支出×4']);
    assert.deepEqual(spans(g.header[1]), [
      '项目',
      '金额',
      '项目',
      '合计',
      '一般公共预算财政拨款',
      '政府性基金预算财政拨款',
    ]);
    const g24 = grid(putuo, 'fiscal_summary');
    assert.deepEqual(spans(g24.header[0]), ['收入×2', '支出×5']);
    // The 2024 template prints 决算数 over the income figures, as its table 1 does.
    assert.deepEqual(spans(g24.header[1]).slice(0, 3), ['项目', '决算数', '项目']);
    assert.equal(spans(g24.header[1]).at(-1), '国有资本经营预算财政拨款');
  });

  it('T4 closing lines: 2024 leaves the expense side empty beside the income fund lines, 总计 faces 总计', () => {
    const text = (g: Grid, col: number) => g.body.map((r) => r[col]?.text ?? '');
    const g24 = grid(putuo, 'fiscal_summary');
    assert.deepEqual(text(g24, 0).slice(-6), [
      '本年收入合计',
      '年初财政拨款结转和结余',
      '一、一般公共预算财政拨款',
      '二、政府性基金预算财政拨款',
      '三、国有资本经营预算财政拨款',
      '总计',
    ]);
    assert.deepEqual(text(g24, 2).slice(-6), ['本年支出合计', '年末财政拨款结转和结余', '', '', '', '总计']);
    // No figure beside the income fund lines: the carry-out by fund is in the columns of the 年末 line.
    assert.ok(g24.body.slice(-4, -1).every((r) => r.slice(2).every((c) => c?.text === '')));
    assert.equal(g24.body.at(-5)?.[4]?.text, '21.63');
    const g19 = grid(seed, 'fiscal_summary');
    assert.deepEqual(text(g19, 2).slice(-5), [
      '本年支出合计',
      '年末财政拨款结转和结余',
      '一、一般公共预算财政拨款',
      '二、政府性基金预算财政拨款',
      '总计',
    ]);
  });

  it('T8 and T9 without any 科目: the 2024 template prints eight empty lines above 合计, 2019 none', () => {
    for (const kind of ['gov_fund', 'state_capital'] as const) {
      const g = grid(putuo, kind);
      assert.equal(g.body.length, 9, kind);
      assert.ok(g.body.slice(0, 8).every((r) => r.length === 10 && r.every((c) => c?.text === '')));
      assert.equal(g.body[8]?.[0]?.text, '合计');
    }
    const t8 = seed.tables.find((x) => x.kind === 'gov_fund');
    assert.ok(t8);
    const empty = { ...t8, rows: t8.rows.filter((r) => r.key === 'total') };
    assert.equal(tableGrid(empty, seed.meta.template).body.length, 1);
  });

  it('T5 and T8: 本年支出 over 小计 / 基本支出 / 项目支出; code and name under 项目', () => {
    const t5 = grid(seed, 'general_budget_expense');
    assert.deepEqual(spans(t5.header[0]), ['项目×2', '本年支出×3']);
    assert.deepEqual(spans(t5.header[1]), ['支出功能分类科目编码', '科目名称', '小计', '基本支出', '项目支出']);
    const t8 = grid(seed, 'gov_fund');
    assert.deepEqual(spans(t8.header[0]), ['项目×2', '年初结转和结余', '本年收入', '本年支出×3', '年末结转和结余']);
    assert.equal(t8.header[0]?.[2]?.rowSpan, 2);
    const t2 = grid(seed, 'income');
    assert.deepEqual(leaves(t2).slice(0, 3), ['支出功能分类科目编码', '科目名称', '本年收入合计']);
  });

  it('T7 2019: 预算数 block then 决算数 block, 公务用车购置及运行费 over 小计 / 购置费 / 运行费', () => {
    const g = grid(seed, 'three_public');
    assert.deepEqual(spans(g.header[0]), ['预算数×6', '决算数×6']);
    assert.deepEqual(spans(g.header[1]).slice(0, 4), [
      '合计',
      '因公出国（境）费',
      '公务用车购置及运行费×3',
      '公务接待费',
    ]);
    assert.deepEqual(leaves(g).slice(0, 6), [
      '合计',
      '因公出国（境）费',
      '小计',
      '公务用车购置费',
      '公务用车运行费',
      '公务接待费',
    ]);
    const t = seed.tables.find((x) => x.kind === 'three_public');
    const row = t?.rows[0];
    assert.ok(row);
    // Body in template column order: budget total first, actual reception last.
    assert.equal(g.body[0]?.[0]?.text, '9.00');
    assert.equal(g.body[0]?.[11]?.text, row.cells['actual.reception']?.kind === 'amount' ? '2.22' : '');
  });

  it('T7 2024: 财政拨款“三公”经费 over all items, each item over its own 预算数 / 决算数 pair, full width', () => {
    const g = grid(putuo, 'three_public');
    assert.equal(g.header.length, 4);
    assert.deepEqual(spans(g.header[0]), ['财政拨款“三公”经费×12']);
    assert.deepEqual(spans(g.header[1]), ['合计×2', '因公出国（境）费×2', '公务用车购置及运行费×6', '公务接待费×2']);
    assert.deepEqual(spans(g.header[2]), ['小计×2', '公务用车购置费×2', '公务用车运行费×2']);
    assert.equal(g.header[1]?.[0]?.rowSpan, 2);
    assert.deepEqual(spans(g.header[3]), Array.from({ length: 6 }, () => ['预算数', '决算数']).flat());
    // Twelve equal columns across the whole width, as the template prints them.
    assert.deepEqual(new Set(g.widths), new Set([1]));
    const t = putuo.tables.find((x) => x.kind === 'three_public');
    const row = t?.rows[0];
    assert.ok(t && row);
    const printed = (id: string) => {
      const c = row.cells[id];
      return c?.kind === 'amount' ? c.text.replace(/,/g, '') : undefined;
    };
    const order = ['total', 'abroad', 'vehicle', 'vehicle.purchase', 'vehicle.operation', 'reception'].flatMap((i) => [
      `budget.${i}`,
      `actual.${i}`,
    ]);
    // Column ids stay the template's; only the printed order is paired.
    assert.deepEqual(new Set(t.columns.map((c) => c.id)), new Set(order));
    assert.deepEqual(
      g.body[0]?.map((c) => c?.text.replace(/,/g, '')),
      order.map((id) => printed(id) ?? ''),
    );
    assert.notDeepEqual(
      order.slice(0, 2),
      t.columns.slice(0, 2).map((c) => c.id),
    );
  });

  it('HTML and XLSX carry the spans', async () => {
    const html = renderHtml(putuo);
    assert.match(html, /<th colspan="6"[^>]*>公务用车购置及运行费<\/th>/);
    assert.match(html, /<th colspan="2" rowspan="2"[^>]*>合计<\/th>/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(seed)) as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((w) => w.name.includes('财政拨款收入支出决算总表'));
    assert.ok(ws);
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => texts.push(String(c.value ?? ''))));
    for (const h of ['支出', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款']) assert.ok(texts.includes(h), h);
  });
});

const FUNCTIONAL: TableKind[] = ['income', 'expense', 'general_budget_expense', 'gov_fund', 'state_capital'];

describe('支出功能分类科目编码: 2024 in three columns 类 / 款 / 项, 2019 in one', () => {
  it('2024: 项目 over the code parts and 科目名称, 类 / 款 / 项 on the last header line', () => {
    for (const kind of FUNCTIONAL) {
      const g = grid(putuo, kind);
      assert.equal(g.header.length, 3, kind);
      assert.deepEqual(spans(g.header[0]).slice(0, 1), ['项目×4'], kind);
      assert.deepEqual(spans(g.header[1]).slice(0, 2), ['支出功能分类科目编码×3', '科目名称'], kind);
      assert.equal(g.header[1]?.[3]?.rowSpan, 2, kind);
      assert.deepEqual(spans(g.header[2]).slice(0, 3), ['类', '款', '项'], kind);
      assert.deepEqual(leaves(g).slice(0, 4), ['类', '款', '项', '科目名称'], kind);
      // The amount columns keep their headers, spanning down to the 类 / 款 / 项 line.
      const t = putuo.tables.find((x) => x.kind === kind);
      assert.equal(g.widths.length, 4 + (t?.columns.length ?? 0), kind);
    }
  });

  it('2024: each code row prints its 类, 款 and 项 in their own cells; 合计 spans the four', () => {
    const g = grid(putuo, 'general_budget_expense');
    const t = putuo.tables.find((x) => x.kind === 'general_budget_expense');
    assert.ok(t);
    const lead = (code: string) => {
      const i = t.rows.findIndex((r) => r.code === code);
      assert.ok(i >= 0, code);
      return g.body[i]?.slice(0, 4).map((c) => c?.text);
    };
    assert.deepEqual(lead('201'), ['201', '', '', '一般公共服务支出']);
    assert.deepEqual(lead('20106'), ['201', '06', '', '财政事务']);
    assert.deepEqual(lead('2010601'), ['201', '06', '01', '行政运行']);
    for (const [i, r] of t.rows.entries()) {
      const cells = g.body[i] ?? [];
      if (r.key === 'total') {
        assert.equal(cells[0]?.colSpan, 4);
        assert.deepEqual(cells.slice(1, 4), [null, null, null]);
      } else
        assert.equal(
          cells
            .slice(0, 3)
            .map((c) => c?.text)
            .join(''),
          r.code,
        );
    }
  });

  it('2019: one code column with the whole code', () => {
    for (const kind of ['income', 'expense', 'general_budget_expense', 'gov_fund'] as const) {
      const g = grid(seed, kind);
      assert.equal(g.header.length, 2, kind);
      assert.deepEqual(leaves(g).slice(0, 2), ['支出功能分类科目编码', '科目名称'], kind);
      const t = seed.tables.find((x) => x.kind === kind);
      t?.rows.forEach((r, i) => {
        if (r.code) assert.equal(g.body[i]?.[0]?.text, r.code, kind);
      });
    }
    assert.ok(grid(seed, 'expense').body.some((r) => r[0]?.text.length === 7));
  });

  it('DOCX prints the code parts in their own cells', async () => {
    const cells = await docxCells(putuo);
    assert.ok(cells.includes('|类|款|项|'));
    assert.ok(cells.includes('|201|06|01|行政运行|'));
    assert.ok(cells.includes('|201|||一般公共服务支出|'));
  });

  it('XLSX keeps the code parts as text ("06", not 6)', async () => {
    const rows = await sheetRows(putuo, '5 ', 4);
    assert.ok(rows.some((r) => r[0] === '类' && r[1] === '款' && r[2] === '项'));
    assert.ok(rows.some((r) => r[0] === '201' && r[1] === '06' && r[2] === '01' && r[3] === '行政运行'));
  });
});

describe('经济分类科目编码 of table 6: 2024 in two columns 类 / 款, 2019 in one', () => {
  /** The model's coded rows of table 6: [code, name], sorted. */
  const coded = (d: Disclosure) =>
    (d.tables.find((x) => x.kind === 'general_budget_basic')?.rows ?? [])
      .filter((r) => r.code)
      .map((r) => [r.code, r.label])
      .sort();
  /** Coded rows as printed, group by group: code cells joined, and the name. */
  const printed = (g: Grid, per: number) =>
    g.body.slice(0, -1).flatMap((r) =>
      Array.from({ length: g.widths.length / per }, (_, k) => r.slice(k * per, (k + 1) * per)).flatMap((cells) => {
        const code = cells
          .slice(0, per - 2)
          .map((c) => c?.text)
          .join('');
        return code ? [[code, cells[per - 2]?.text]] : [];
      }),
    );

  it('2024: 经济分类 over 科目编码 over 类 / 款 in each group; 科目名称 and 决算数 span the three header lines', () => {
    const g = grid(putuo, 'general_budget_basic');
    assert.equal(g.header.length, 3);
    assert.deepEqual(spans(g.header[0]), ['经济分类×2', '科目名称', '决算数', '经济分类×2', '科目名称', '决算数']);
    assert.deepEqual(spans(g.header[1]), ['科目编码×2', '科目编码×2']);
    assert.deepEqual(spans(g.header[2]), ['类', '款', '类', '款']);
    for (const i of [2, 3, 6, 7]) assert.equal(g.header[0]?.[i]?.rowSpan, 3, String(i));
    assert.deepEqual(leaves(g), ['类', '款', '科目名称', '决算数', '类', '款', '科目名称', '决算数']);
  });

  it('2024: a 类 line prints 301 and a blank 款, a 款 line 301 | 01, names plain; footers span 类 to 科目名称', () => {
    const g = grid(putuo, 'general_budget_basic');
    const row = (code: string) => {
      for (const r of g.body)
        for (const k of [0, 4])
          if (r[k]?.text === code.slice(0, 3) && r[k + 1]?.text === code.slice(3)) return r.slice(k, k + 4);
      assert.fail(code);
    };
    assert.deepEqual(
      row('301').map((c) => c?.text),
      ['301', '', '工资福利支出', '2,082.85'],
    );
    assert.deepEqual(
      row('30101').map((c) => c?.text),
      ['301', '01', '基本工资', '262.33'],
    );
    assert.deepEqual(
      row('30201').map((c) => c?.text),
      ['302', '01', '办公费', '21.21'],
    );
    for (const c of [...row('301'), ...row('30101')].slice(0, 3)) assert.ok(!c?.bold && !c?.indent, c?.text);
    // Every coded row of the model, printed once with its whole code split over the two cells.
    assert.deepEqual(printed(g, 4).sort(), coded(putuo));
    const foot = g.body.at(-1) ?? [];
    assert.deepEqual(
      foot.map((c) => (c ? `${c.text}${(c.colSpan ?? 1) > 1 ? `×${c.colSpan}` : ''}` : null)),
      ['人员经费合计×3', null, null, '2,152.26', '公用经费合计×3', null, null, '184.65'],
    );
  });

  it('2019: one code column with the whole code, 类 lines bold', () => {
    const g = grid(seed, 'general_budget_basic');
    assert.equal(g.header.length, 1);
    assert.deepEqual(
      spans(g.header[0]),
      Array.from({ length: 3 }, () => ['经济分类科目编码', '科目名称', '决算数']).flat(),
    );
    assert.deepEqual(printed(g, 3).sort(), coded(seed));
    assert.ok(g.body.some((r) => r[0]?.text.length === 5));
    for (const r of g.body.slice(0, -1)) if (r[0]?.text.length === 3) assert.equal(r[0]?.bold, true, r[0]?.text);
  });

  it('DOCX and XLSX print the 类 and 款 cells, the 款 as text ("01", not 1)', async () => {
    const cells = await docxCells(putuo);
    // Header lines: 科目名称 and 决算数 merged down (empty continuation cells).
    assert.ok(
      cells.includes('经济分类|科目名称|决算数|经济分类|科目名称|决算数|科目编码|||科目编码|||类|款|||类|款|||'),
    );
    assert.ok(cells.includes('|301||工资福利支出|2,082.85|302||商品和服务支出|171.07|'));
    assert.ok(cells.includes('|301|01|基本工资|262.33|302|01|办公费|21.21|'));
    const rows = await sheetRows(putuo, '6 ', 7);
    assert.ok(rows.some((r) => r[0] === '类' && r[1] === '款' && r[4] === '类' && r[5] === '款'));
    assert.ok(
      rows.some((r) => r[0] === '301' && r[1] === '01' && r[2] === '基本工资' && r[4] === '302' && r[5] === '01'),
    );
  });
});

/** Body rows of each table of the pdfmake document by title, the parts of a table split for its notes joined. */
function pdfRows(d: Disclosure): Map<string, Record<string, unknown>[][]> {
  const out = new Map<string, Record<string, unknown>[][]>();
  let title = '';
  const walk = (n: unknown) => {
    if (typeof n !== 'object' || n === null) return;
    const node = n as Record<string, unknown>;
    if (node.style === 'tableTitle') title = String(node.text);
    const t = node.table as { body: Record<string, unknown>[][] } | undefined;
    if (t) out.set(title, [...(out.get(title) ?? []), ...t.body]);
    if (Array.isArray(node.stack)) node.stack.forEach(walk);
  };
  (pdfDocument(d).content as unknown[]).forEach(walk);
  return out;
}

describe('code cells: the split 类 / 款 / 项 aligned as Putuo 2024 prints them', () => {
  // Putuo 2024 (pdftotext -bbox against its ruling lines): in tables 2, 3 and 5 the 类 starts 6 pt from its cell's
  // left rule while the 款 and 项 sit in the middle of theirs; in table 6 the 类 and the 款 are both centred.
  const aligns = (g: Grid, from: number, n: number) =>
    g.body.filter((r) => /^\d{3}$/.test(r[from]?.text ?? '')).map((r) => r.slice(from, from + n).map((c) => c?.align));

  it('2024 tables 2, 3 and 5: 类 left, 款 and 项 centred, on every code line', () => {
    for (const kind of ['income', 'expense', 'general_budget_expense'] as const) {
      const rows = aligns(grid(putuo, kind), 0, 3);
      assert.ok(rows.length > 10, kind);
      for (const r of rows) assert.deepEqual(r, ['left', 'center', 'center'], kind);
    }
  });

  it('2024 table 6: 类 and 款 centred in both groups', () => {
    const g = grid(putuo, 'general_budget_basic');
    for (const from of [0, 4]) {
      const rows = aligns(g, from, 2);
      assert.ok(rows.length > 10, String(from));
      for (const r of rows) assert.deepEqual(r, ['center', 'center'], String(from));
    }
  });

  it('2019: the one code column stays left-aligned', () => {
    for (const kind of ['expense', 'general_budget_basic'] as const) {
      const g = grid(seed, kind);
      const coded = g.body.filter((r) => /^\d{3,7}$/.test(r[0]?.text ?? ''));
      assert.ok(coded.length > 5, kind);
      for (const r of coded) assert.equal(r[0]?.align, 'left', `${kind} ${r[0]?.text}`);
    }
  });

  it('PDF, HTML, DOCX and XLSX print the same alignment', async () => {
    const at = (rows: Record<string, unknown>[][] | undefined, lead: string[]) =>
      rows?.find((r) => lead.every((t, i) => r[i]?.text === t))?.map((c) => c.alignment);
    const pdf = pdfRows(putuo);
    assert.deepEqual(at(pdf.get('一般公共预算财政拨款支出决算表'), ['201', '06', '01'])?.slice(0, 4), [
      'left',
      'center',
      'center',
      'left',
    ]);
    assert.deepEqual(at(pdf.get('一般公共预算财政拨款基本支出决算表'), ['301', '01'])?.slice(0, 6), [
      'center',
      'center',
      'left',
      'right',
      'center',
      'center',
    ]);
    const html = renderHtml(putuo);
    assert.ok(html.includes('<tr><td>201</td><td class="c">06</td><td class="c">01</td><td>行政运行</td>'));
    assert.ok(html.includes('<tr><td class="c">301</td><td class="c">01</td><td>基本工资</td>'));
    // DOCX: each cell's paragraph style and text.
    const xml = strFromU8(unzipSync(await renderDocx(putuo))['word/document.xml'] ?? new Uint8Array());
    const styled = xml
      .split('</w:tc>')
      .map((tc) => `${/w:pStyle w:val="Cell\d+(\w+)"/.exec(tc)?.[1]}:${/<w:t(?: [^>]*)?>([^<]*)</.exec(tc)?.[1] ?? ''}`)
      .join('|');
    assert.ok(styled.includes('Left:201|Center:06|Center:01|Left:行政运行|'));
    assert.ok(styled.includes('Center:301|Center:01|Left:基本工资|'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(putuo)) as unknown as ArrayBuffer);
    const horizontal = (prefix: string, lead: string[], n: number) => {
      let found: unknown[] | undefined;
      wb.worksheets
        .find((w) => w.name.startsWith(prefix))
        ?.eachRow((r) => {
          if (lead.every((t, i) => r.getCell(i + 1).value === t))
            found = Array.from({ length: n }, (_, i) => r.getCell(i + 1).alignment?.horizontal);
        });
      return found;
    };
    assert.deepEqual(horizontal('5 ', ['201', '06', '01'], 4), ['left', 'center', 'center', 'left']);
    assert.deepEqual(horizontal('6 ', ['301', '01'], 3), ['center', 'center', 'left']);
  });
});

describe('page orientation', () => {
  /** Title → landscape for every table block (the annex tables have other titles). */
  const of = (d: Disclosure) =>
    new Map(outline(d).flatMap((b) => (b.kind === 'table' ? [[b.grid.title, b.landscape] as const] : [])));
  it('2024 table 4 on a landscape page, as the official; 2019 table 4 stays portrait', () => {
    assert.equal(of(putuo).get('财政拨款收入支出决算总表'), true);
    assert.equal(of(seed).get('财政拨款收入支出决算总表'), false);
    // The official Putuo pages: tables 2, 3, 4, 7, 8 and 9 landscape, 1, 5 and 6 portrait.
    assert.deepEqual(
      putuo.tables.map((t) => of(putuo).get(t.title)),
      [false, true, true, true, false, false, true, true, true],
    );
  });
});

describe('PDF in a worker thread', () => {
  const thread = new PdfThread();
  after(() => thread.close());

  it('same bytes as on the main thread; renderAll keeps the format order', async () => {
    const [here, there] = await Promise.all([renderPdf(putuo), thread.render(putuo)]);
    assert.ok(there.equals(here));
    const all = await renderAll(putuo, FORMATS, thread);
    assert.deepEqual(
      all.map((x) => x.format),
      [...FORMATS],
    );
    assert.ok(
      all
        .find((x) => x.format === 'pdf')
        ?.files[0]?.data.toString()
        .startsWith('%PDF'),
    );
  });
});
