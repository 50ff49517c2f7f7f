// Heading numbers by template: national 2019 (一、 / （一） / 1.) and in four parts as the Shanghai 2024 template
// (第一部分 / 一、 / （一）), in the compiled narrative, the printed outline and the glossary.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../src/check/engine.ts';
import { compile } from '../../src/compile/index.ts';
import { importPdf } from '../../src/import/pdf/index.ts';
import { parseDepartmentJson } from '../../src/import/workbook/json.ts';
import { headingNumber } from '../../src/model/numerals.ts';
import { outline } from '../../src/render/outline.ts';
import { renderPdf } from '../../src/render/pdf.ts';

const build = (dir: string) => {
  const file = `examples/${dir}/data.json`;
  return compile(parseDepartmentJson(fs.readFileSync(file, 'utf8'), file), { file: 'data.json' });
};
const headings = (dir: string, level?: number) =>
  outline(build(dir)).flatMap((b) =>
    b.kind === 'heading' && (level === undefined || b.level === level) ? [b.text] : [],
  );

describe('heading numbers', () => {
  it('national: 一、 / （一） / 1.; parts: 第一部分 / 一、 / （一） / 1.', () => {
    assert.deepEqual(
      [1, 2, 3].map((l) => headingNumber('national', l, 11)),
      ['十一、', '（十一）', '11.'],
    );
    assert.deepEqual(
      [1, 2, 3, 4].map((l) => headingNumber('parts', l, 2)),
      ['第二部分 ', '二、', '（二）', '2.'],
    );
  });

  it('Shanghai 2024: four parts; 主要职能 and 部门决算单位构成; 情况说明 一、 to 十一、; glossary entries 一、', () => {
    const name = '上海市普陀区财政局';
    assert.deepEqual(headings('shanghai-putuo-2024', 1).slice(0, 4), [
      `第一部分 ${name}概况`,
      `第二部分 ${name}2024年度部门决算表`,
      `第三部分 ${name}2024年度部门决算情况说明`,
      '第四部分 名词解释',
    ]);
    const level2 = headings('shanghai-putuo-2024', 2);
    assert.deepEqual(level2.slice(0, 3), ['一、主要职能', '二、部门决算单位构成', '一、收入支出决算总体情况说明']);
    assert.equal(level2.at(-1), '十一、其他重要事项的情况说明');
    assert.ok(headings('shanghai-putuo-2024', 3).every((h) => /^（[一二三四五六七八九十]+）/.test(h)));
    const blocks = outline(build('shanghai-putuo-2024'));
    const glossary = blocks.slice(blocks.findIndex((b) => b.kind === 'heading' && b.text === '第四部分 名词解释') + 1);
    assert.match(glossary[0]?.kind === 'para' ? glossary[0].text : '', /^一、财政拨款收入：/);
    const contents = blocks.find((b) => b.kind === 'contents');
    assert.ok(contents?.kind === 'contents');
    // The contents as the published Putuo 2024 prints them: each part with its second-level headings, tables numbered.
    for (const e of [
      '    一、主要职能',
      '    二、部门决算单位构成',
      '    一、收入支出决算总表',
      '    十一、其他重要事项的情况说明',
    ])
      assert.ok(contents.entries.includes(e), e);
    // The cover alone on its page.
    assert.deepEqual(
      blocks.slice(0, 3).map((b) => b.kind),
      ['title', 'pageBreak', 'contents'],
    );
  });

  it('2019 national, as the seed prints it: 一、 to 四、, （一）部门职责 / （二）机构设置, 1. below, glossary （一）', () => {
    const name = '深圳市扶贫协作和合作交流办公室';
    assert.deepEqual(headings('shenzhen-fupin-2019', 1).slice(0, 4), [
      `一、${name}概况`,
      `二、${name}2019年度部门决算表`,
      `三、${name}2019年度部门决算情况说明`,
      '四、名词解释',
    ]);
    assert.deepEqual(headings('shenzhen-fupin-2019', 2).slice(0, 3), [
      '（一）部门职责',
      '（二）机构设置',
      '（一）收入支出决算总体情况说明',
    ]);
    assert.ok(headings('shenzhen-fupin-2019', 3).every((h) => /^\d+\./.test(h)));
    const blocks = outline(build('shenzhen-fupin-2019'));
    const contents = blocks.find((b) => b.kind === 'contents');
    assert.ok(contents?.kind === 'contents' && contents.entries.includes('    收入支出决算总表'));
    assert.ok(!contents.entries.includes('    （一）部门职责'), 'the seed lists the parts and tables only');
    assert.deepEqual(
      blocks.slice(0, 2).map((b) => b.kind),
      ['title', 'contents'],
    );
  });

  it('the built Shanghai 2024 PDF, imported and checked, has no numbering finding (its 职能 list （一）… sits under 一、)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-numbers-'));
    const file = path.join(dir, 'putuo.pdf');
    fs.writeFileSync(file, await renderPdf(build('shanghai-putuo-2024')));
    const findings = check(await importPdf(file)).findings;
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(
      findings.filter((f) => f.rule.startsWith('FORM-')).map((f) => `${f.rule}: ${f.message}`),
      [],
    );
  });
});
