// The department data workbook: JSON ↔ XLSX round trip, deterministic bytes, messages naming sheet, row and column.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { departmentToJson, parseDepartmentJson } from '../../src/import/workbook/json.ts';
import { LIST_SHEETS } from '../../src/import/workbook/sheets.ts';
import { readWorkbook, writeWorkbook } from '../../src/import/workbook/xlsx.ts';
import { InputError } from '../../src/model/errors.ts';

const FILE = 'examples/shenzhen-fupin-2019/data.json';
const data = parseDepartmentJson(fs.readFileSync(FILE, 'utf8'), FILE);

async function edit(buf: Buffer, sheet: string, cell: string, value: ExcelJS.CellValue): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  assert.ok(ws, sheet);
  ws.getCell(cell).value = value;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('department data workbook', () => {
  it('JSON → XLSX → JSON gives the same data, exactly (amounts to the 分)', async () => {
    const back = await readWorkbook(await writeWorkbook(data), 'data.xlsx');
    assert.equal(departmentToJson(back), departmentToJson(data));
  });

  it('the committed example workbooks hold the same data as their JSON', async () => {
    for (const dir of ['examples/shenzhen-fupin-2019', 'examples/shanghai-putuo-2024']) {
      const json = parseDepartmentJson(fs.readFileSync(`${dir}/data.json`, 'utf8'), dir);
      const xlsx = await readWorkbook(fs.readFileSync(`${dir}/data.xlsx`), dir);
      assert.equal(departmentToJson(xlsx), departmentToJson(json), dir);
    }
  });

  it('writes the same bytes twice', async () => {
    const a = await writeWorkbook(data);
    const b = await writeWorkbook(data);
    assert.ok(a.equals(b));
  });

  it('an empty workbook has the instructions and every sheet with its header row', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook()) as unknown as ArrayBuffer);
    assert.match(String(wb.getWorksheet('说明')?.getCell('A1').value), /填写说明/);
    for (const spec of LIST_SHEETS) {
      const ws = wb.getWorksheet(spec.name);
      assert.ok(ws, spec.name);
      assert.equal(ws.getRow(2).getCell(1).value, spec.columns[0]?.header);
      assert.equal(ws.rowCount, 2, `${spec.name} has no data rows`);
    }
  });

  it('reports a bad amount with sheet, row and column', async () => {
    const buf = await edit(await writeWorkbook(data), '收入明细', 'C5', '12.345');
    await assert.rejects(readWorkbook(buf, 'x.xlsx'), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.match(e.message, /工作表“收入明细” 第 5 行 C 列/);
      assert.match(e.message, /两位小数/);
      return true;
    });
  });

  it('reports a bad 功能分类 code with sheet, row and column', async () => {
    const buf = await edit(await writeWorkbook(data), '支出明细', 'A3', '20113');
    await assert.rejects(readWorkbook(buf, 'x.xlsx'), /工作表“支出明细” 第 3 行 A 列：须为 7 位功能分类项级科目编码/);
  });

  it('reports an unknown scoring rule and a non-integer count', async () => {
    const rule = await edit(await writeWorkbook(data), '绩效指标', 'H3', '随便');
    await assert.rejects(readWorkbook(rule, 'x.xlsx'), /工作表“绩效指标” 第 3 行 H 列：未知评分规则“随便”/);
    const count = await edit(await writeWorkbook(data), '三公经费', 'B17', '1.5');
    await assert.rejects(readWorkbook(count, 'x.xlsx'), /工作表“三公经费” 第 17 行 B 列：应为非负整数/);
  });

  it('an empty workbook: each missing value located and named in Chinese, then English', async () => {
    await assert.rejects(readWorkbook(await writeWorkbook(), 'empty.xlsx'), (e: unknown) => {
      assert.ok(e instanceof InputError);
      const lines = e.message.split('\n').slice(1);
      assert.ok(lines.length >= 5, e.message);
      // 部门名称 and 模板 are single cells; 三公经费 is a group, located at its first cell.
      assert.match(e.message, /工作表“基本情况” 第 2 行 B 列：必填，未填写 \/ required, empty/);
      assert.match(e.message, /工作表“基本情况” 第 6 行 B 列：必填，未填写/);
      assert.match(e.message, /工作表“三公经费” 第 2 行 B 列起：整组未填写 \/ nothing filled in/);
      for (const l of lines)
        if (!/另有/.test(l)) assert.match(l, /工作表“[^”]+” 第 \d+ 行 [A-Z]+ 列起?：\p{Script=Han}.* \/ [A-Za-z]/u, l);
      return true;
    });
  });

  it('a value of the wrong kind: the validator message in Chinese and in English', async () => {
    const buf = await edit(await writeWorkbook(data), '基本情况', 'B6', 'beijing-2030');
    await assert.rejects(
      readWorkbook(buf, 'x.xlsx'),
      /工作表“基本情况” 第 6 行 B 列：无效选项：期望以下之一 "national-2019"\|"shanghai-2024" \/ Invalid option/,
    );
  });

  it('reports a missing sheet and a file that is not a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('别的');
    await assert.rejects(
      readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'y.xlsx'),
      /y\.xlsx: 缺少工作表“基本情况”/,
    );
    await assert.rejects(readWorkbook(Buffer.from('not a zip'), 'z.xlsx'), /z\.xlsx: 不是有效的 XLSX 工作簿/);
  });
});
