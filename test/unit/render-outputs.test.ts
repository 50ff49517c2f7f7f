// Every output format of the seed example: figures read back from DOCX, XLSX, PDF text, FDP; escaping; same bytes twice.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { compile } from '../../src/compile/index.ts';
import { parseDepartmentJson } from '../../src/import/workbook/json.ts';
import { fromJson } from '../../src/model/json.ts';
import { renderDocx } from '../../src/render/docx.ts';
import { renderFdp } from '../../src/render/fdp.ts';
import { renderHtml } from '../../src/render/html.ts';
import { render } from '../../src/render/index.ts';
import { outline } from '../../src/render/outline.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { renderXlsx } from '../../src/render/xlsx.ts';

const FILE = 'examples/shenzhen-fupin-2019/data.json';
const d = compile(parseDepartmentJson(fs.readFileSync(FILE, 'utf8'), FILE), { file: 'data.json' });

/** The text of a zip's entries by name ('' when missing). */
function entries(zip: Uint8Array): (name: string) => string {
  const files = unzipSync(zip);
  return (name) => {
    const f = files[name];
    return f ? strFromU8(f) : '';
  };
}

/** Figures every format must carry (万元 as printed, with separators where the format prints them). */
const FIGURES = [
  '87,628.45',
  '87,628.42',
  '2,697.07',
  '84,635.47',
  '608.92',
  '551.06',
  '57.86',
  '9.81',
  '9.79',
  '3.22',
];

function plain(xml: string): string {
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('DOCX', () => {
  it('has every table title and figure in word/document.xml, and the scores', async () => {
    const zip = entries(await renderDocx(d));
    const text = plain(zip('word/document.xml'));
    for (const t of d.tables) assert.ok(text.includes(t.title), t.title);
    for (const f of FIGURES) assert.ok(text.includes(f), f);
    assert.ok(text.includes('94.52') && text.includes('94.58'));
    assert.match(text, /一般公共服务支出（类）商贸事务（款）行政运行（项）/);
    const core = zip('docProps/core.xml');
    assert.match(core, /2000-01-01T00:00:00Z/);
    const fonts = zip('word/styles.xml');
    assert.match(fonts, /w:eastAsia="仿宋_GB2312"/);
    // Table cells name a style (font 宋体, size, alignment) instead of carrying the properties one by one.
    assert.match(fonts, /<w:style w:type="paragraph" w:styleId="Cell17Right"><w:name w:val="表格金额 8.5磅"\/>/);
    assert.match(text, /87,628\.45/);
    assert.match(
      zip('word/document.xml'),
      /<w:pStyle w:val="Cell1[57]Right"\/><\/w:pPr><w:r><w:t xml:space="preserve">87,628\.45<\/w:t>/,
    );
  });

  it('every page has the footer "— page / pages —" as Word fields', async () => {
    const zip = entries(await renderDocx(d));
    const doc = zip('word/document.xml');
    const sections = (doc.match(/<w:sectPr/g) ?? []).length;
    assert.ok(sections > 1);
    assert.equal((doc.match(/<w:footerReference w:type="default"/g) ?? []).length, sections);
    const footer = zip('word/footer1.xml');
    assert.match(
      footer,
      /<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE[\s\S]*NUMPAGES[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/,
    );
  });

  it('same bytes twice', async () => {
    assert.ok((await renderDocx(d)).equals(await renderDocx(d)));
  });

  it('every table row covers its grid: column spans, and cells spanning rows continued below', async () => {
    const zip = entries(await renderDocx(d));
    const xml = zip('word/document.xml');
    const tables = xml.split('<w:tbl>').slice(1);
    assert.ok(tables.length > d.tables.length);
    let continued = 0;
    for (const t of tables) {
      const cols = (t.match(/<w:gridCol /g) ?? []).length;
      for (const row of t.split('<w:tr>').slice(1)) {
        // A cell without <w:gridSpan> covers one column.
        const spans = row
          .split('<w:tc>')
          .slice(1)
          .map((c) => Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c)?.[1] ?? 1));
        assert.equal(
          spans.reduce((a, b) => a + b, 0),
          cols,
        );
      }
      continued += (t.match(/<w:vMerge w:val="continue"\/>/g) ?? []).length;
      if (t.includes('<w:vMerge w:val="restart"/>')) assert.ok(t.includes('<w:vMerge w:val="continue"/>'));
    }
    assert.ok(continued > 0);
  });
});

describe('XLSX', () => {
  it('one landscape, fit-to-width sheet per table with the same figures as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(d)) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    for (const t of d.tables) assert.ok(names.includes(`${t.number} ${t.title}`.slice(0, 31)), t.title);
    assert.ok(names.some((n) => n.startsWith('附件1-1')));
    const numbers = (sheet: string) => {
      const ws = wb.getWorksheet(sheet);
      assert.ok(ws, sheet);
      assert.equal(ws.pageSetup.orientation, 'landscape');
      assert.equal(ws.pageSetup.fitToWidth, 1);
      assert.equal(ws.headerFooter.oddFooter, '&C— &P / &N —');
      const out: number[] = [];
      ws.eachRow((r) =>
        r.eachCell((c) => {
          if (typeof c.value === 'number') out.push(c.value);
        }),
      );
      return out;
    };
    const t1 = numbers('1 收入支出决算总表');
    for (const v of [87628.45, 87628.42, 0.03, 2697.07, 84635.47, 87618.63, 9.81]) assert.ok(t1.includes(v), String(v));
    const t6 = numbers('6 一般公共预算财政拨款基本支出决算表');
    for (const v of [531, 57.56, 20.06, 0.3, 551.06, 57.86]) assert.ok(t6.includes(v), String(v));
    const t7 = numbers('7 一般公共预算财政拨款“三公”经费支出决算表');
    assert.deepEqual(t7, [9, 0, 1, 0, 1, 8, 3.22, 0, 1, 0, 1, 2.22]);
  });

  it('same bytes twice', async () => {
    assert.ok((await renderXlsx(d)).equals(await renderXlsx(d)));
  });

  it('a row is as tall as its wrapped text (a header over a narrow column: 2024 table 4), a one-line row is not', async () => {
    const file = 'examples/shanghai-putuo-2024/data.json';
    const putuo = compile(parseDepartmentJson(fs.readFileSync(file, 'utf8'), file), { file: 'data.json' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(putuo)) as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((w) => w.name.startsWith('4 '));
    assert.ok(ws);
    const rowOf = (text: string) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((r) =>
        r.eachCell((c) => {
          if (c.value === text) found = r;
        }),
      );
      assert.ok(found, text);
      return found;
    };
    // 政府性基金预算财政拨款 (11 characters) does not fit its column on one line: two lines of 10 pt.
    assert.ok((rowOf('政府性基金预算财政拨款').height ?? 0) >= 2 * 13.5, 'two lines');
    assert.equal(rowOf('一、一般公共服务支出').height, undefined, 'one line: the default height');
  });
});

describe('HTML', () => {
  it('is self-contained, in the official order, with tables, narrative, glossary and annexes', () => {
    const html = renderHtml(d);
    assert.doesNotMatch(html, /<(script|link|img)\b/i);
    assert.doesNotMatch(html, /\b(src|href)=/i);
    const order = [
      '部门职责',
      '收入支出决算总表',
      '政府性基金预算财政拨款收入支出决算表',
      '收入支出决算总体情况说明',
      '<h2>四、名词解释',
      '<h2>附件1-1',
    ];
    const body = html.slice(html.indexOf('</nav>'));
    const at = order.map((s) => body.indexOf(s));
    assert.ok(
      at.every((x, i) => x > 0 && (i === 0 || x > (at[i - 1] ?? 0))),
      at.join(','),
    );
    for (const f of FIGURES) assert.ok(html.includes(f), f);
  });

  it('escapes everything printed', () => {
    const evil = structuredClone(d);
    evil.meta.department = '<script>alert("x")</script>&';
    const row = evil.tables[1]?.rows[1];
    if (row) row.label = '<img src=x onerror=alert(1)>';
    const html = renderHtml(evil);
    assert.doesNotMatch(html, /<script>alert|<img src=x/);
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&amp;/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});

describe('JSON, CSV and Fiscal Data Package', () => {
  it('JSON reads back into the same model', async () => {
    const [json] = await render(d, 'json');
    assert.deepEqual(fromJson(String(json?.data), 'x.json'), d);
  });

  it('CSV carries every table cell', async () => {
    const [csv] = await render(d, 'csv');
    const text = String(csv?.data);
    assert.match(text, /^table,table_title,row_code,row_label,column,value,page,cell\r\n/);
    assert.match(text, /5,一般公共预算财政拨款支出决算表,201,一般公共服务支出,小计,2697\.07,/);
  });

  it('FDP: datapackage.json lists resources that exist, with a fiscal model; amounts agree with the tables', () => {
    const files = renderFdp(d);
    const pkg = JSON.parse(String(files.find((f) => f.path === 'datapackage.json')?.data));
    assert.equal(pkg.profile, 'fiscal-data-package');
    assert.deepEqual(pkg.fiscalPeriod, { start: '2019-01-01', end: '2019-12-31' });
    assert.equal(pkg.model.measures.amount.currency, 'CNY');
    for (const r of pkg.resources)
      assert.ok(
        files.some((f) => f.path === r.path),
        r.path,
      );
    const amounts = String(files.find((f) => f.path === 'data/amounts.csv')?.data)
      .trim()
      .split('\r\n');
    const cells = d.tables.reduce(
      (n, t) =>
        n +
        t.rows.reduce(
          (m, r) =>
            m +
            t.columns.filter(
              (c) =>
                (c.side === undefined || r.side === undefined || c.side === r.side) &&
                ['amount', 'blank'].includes(r.cells[c.id]?.kind ?? ''),
            ).length,
          0,
        ),
      0,
    );
    assert.equal(amounts.length - 1, cells);
    assert.ok(
      amounts.includes(
        '1,income_expense_summary,收入支出决算总表,income.total,income,,,本年收入合计,amount,决算数,87628.45',
      ),
    );
  });
});

describe('PDF', () => {
  it('text is selectable: pdftotext finds every table title and figure; same bytes twice', async () => {
    const a = await renderPdf(d);
    const b = await renderPdf(d);
    assert.ok(a.equals(b), 'deterministic');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pdf-'));
    const file = path.join(dir, 'seed.pdf');
    fs.writeFileSync(file, a);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    for (const t of d.tables) assert.ok(text.replace(/\s+/g, '').includes(t.title), t.title);
    for (const f of FIGURES) assert.ok(text.includes(f), f);
    assert.match(text, /94\.52/);
    assert.match(info, /CreationDate:\s+Sat Jan\s+1 00:00:00 2000/);
  });

  it('every table ends at the right margin, under the 单位：万元 line (seed: its last columns print figures)', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pdf-'));
    fs.writeFileSync(path.join(tmp, 'x.pdf'), await renderPdf(d));
    const xml = execFileSync('pdftotext', ['-bbox', path.join(tmp, 'x.pdf'), '-'], { encoding: 'utf8' });
    fs.rmSync(tmp, { recursive: true, force: true });
    let tables = 0;
    for (const page of xml.split('<page ').slice(1)) {
      const words = [...page.matchAll(/xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
        right: Number(m[1]),
        bottom: Number(m[2]),
        text: m[3] ?? '',
      }));
      const unit = words.find((w) => w.text.endsWith('单位：万元'));
      if (!unit) continue;
      tables++;
      const figures = words.filter((w) => w.bottom > unit.bottom && /^-?[\d,]+\.\d\d$/.test(w.text));
      const right = Math.max(...figures.map((w) => w.right));
      // A right-aligned figure sits one padding (2 pt) and one rule inside the table's edge.
      assert.ok(
        right > unit.right - 3 && right < unit.right,
        `figures end at ${right}, the unit line at ${unit.right}`,
      );
    }
    assert.ok(tables >= 8, `${tables} table pages`);
  });

  it('no page ends with a heading: a heading goes to the next page with the text after it (both examples)', async () => {
    for (const dir of ['examples/shenzhen-fupin-2019', 'examples/shanghai-putuo-2024']) {
      const file = `${dir}/data.json`;
      const x = compile(parseDepartmentJson(fs.readFileSync(file, 'utf8'), file), { file: 'data.json' });
      const squash = (t: string) => t.replace(/\s+/g, '');
      const headings = new Set(outline(x).flatMap((b) => (b.kind === 'heading' ? [squash(b.text)] : [])));
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pdf-'));
      fs.writeFileSync(path.join(tmp, 'x.pdf'), await renderPdf(x));
      const pages = execFileSync('pdftotext', [path.join(tmp, 'x.pdf'), '-'], { encoding: 'utf8' }).split('\f');
      fs.rmSync(tmp, { recursive: true, force: true });
      assert.ok(pages.length > 10);
      pages.forEach((page, i) => {
        const lines = page
          .split('\n')
          .map(squash)
          .filter((l) => l !== '' && !/^—\d+\/\d+—$/.test(l));
        const last = lines.at(-1);
        // The contents page lists the headings.
        if (last && !lines.includes('目录'))
          assert.ok(!headings.has(last), `${dir}: page ${i + 1} ends with the heading ${last}`);
      });
    }
  });
});

describe('cover title: the department on one line, “2019年度部门决算” on the next, in every format', () => {
  const NAME = '深圳市扶贫协作和合作交流办公室';
  const YEAR_LINE = '2019年度部门决算';

  it('PDF: the first two lines of page 1 (the whole title no longer wraps with one character left over)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-cover-'));
    const file = path.join(dir, 'x.pdf');
    fs.writeFileSync(file, await renderPdf(d));
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    const lines = page1.split('\n').filter((l) => l.trim() !== '');
    assert.deepEqual(lines.slice(0, 2), [NAME, YEAR_LINE]);
  });

  it('HTML: one heading with a line break; DOCX: one paragraph, the second run after a break', async () => {
    assert.ok(renderHtml(d).includes(`<h1 class="cover">${NAME}<br>${YEAR_LINE}</h1>`));
    const xml = entries(await renderDocx(d))('word/document.xml');
    const at = xml.indexOf(NAME);
    assert.ok(at > 0);
    const paragraph = xml.slice(at, xml.indexOf('</w:p>', at));
    assert.match(paragraph, new RegExp(`${NAME}</w:t></w:r><w:r>.*<w:br/><w:t[^>]*>${YEAR_LINE}</w:t>`));
  });
});

describe('blank cells (zeros of the Shanghai 2024 template) print empty in every format', () => {
  const file = 'examples/shanghai-putuo-2024/data.json';
  const p = compile(parseDepartmentJson(fs.readFileSync(file, 'utf8'), file), { file: 'data.json' });
  const cells = p.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells)));
  // 二、外交支出 of 收入支出决算总表 is zero for this department
  const t1 = p.tables.find((t) => t.kind === 'income_expense_summary');

  it('the model has blank cells and no zero amount', () => {
    assert.deepEqual(t1?.rows.find((r) => r.key === 'expense.202')?.cells.amount, { kind: 'blank' });
    assert.ok(cells.some((c) => c.kind === 'blank'));
    assert.ok(!cells.some((c) => c.kind === 'amount' && c.fen === 0n));
  });

  it('HTML and DOCX: an empty cell', async () => {
    assert.match(renderHtml(p), /<td>二、外交支出<\/td><td class="r"><\/td>/);
    assert.match(plain(entries(await renderDocx(p))('word/document.xml')), /二、外交支出\n\n三、/);
  });

  it('XLSX: a cell without value, and no zero in the nine table sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(p)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('1 收入支出决算总表');
    let next: unknown = 'not found';
    ws?.eachRow((r) =>
      r.eachCell((c) => {
        if (c.value === '二、外交支出') next = r.getCell(Number(c.col) + 1).value;
      }),
    );
    assert.equal(next, null);
    for (const t of p.tables) {
      const sheet = wb.getWorksheet(`${t.number} ${t.title}`.slice(0, 31));
      sheet?.eachRow((r) => r.eachCell((c) => assert.notEqual(c.value, 0, `${sheet.name} ${c.address}`)));
    }
  });

  it('CSV: an empty value; FDP: a line with an empty amount (a missing value), never 0.00', async () => {
    const [csv] = await render(p, 'csv');
    const text = String(csv?.data);
    assert.ok(text.includes('\r\n1,收入支出决算总表,202,外交支出,决算数,,,blank\r\n'));
    assert.doesNotMatch(text, /,0\.00,\d*,amount\r\n/);
    const files = renderFdp(p);
    const pkg = JSON.parse(String(files.find((f) => f.path === 'datapackage.json')?.data));
    assert.deepEqual(pkg.resources[0].schema.missingValues, ['']);
    const amounts = String(files.find((f) => f.path === 'data/amounts.csv')?.data);
    assert.ok(
      amounts.includes(
        '\r\n1,income_expense_summary,收入支出决算总表,expense.202,expense,202,functional,外交支出,amount,决算数,\r\n',
      ),
    );
    assert.doesNotMatch(amounts, /,0\.00\r\n/);
  });
});
