import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  classCodeByName,
  codeInfo,
  economicEntry,
  functionalNames,
  isUnder,
  normaliseCode,
  stripNumbering,
} from '../../src/model/classification.ts';
import type { Disclosure } from '../../src/model/disclosure.ts';
import { DisclosureFormatError, fromJson, jsonSchema, toJson } from '../../src/model/json.ts';
import { allTitles, NATIONAL_2019, SHANGHAI_2024, tableByTitle, templateFor } from '../../src/model/templates.ts';

describe('classification codes', () => {
  it('derives level and parent from the digits', () => {
    assert.deepEqual(codeInfo('201'), { code: '201', level: '类', parent: undefined });
    assert.deepEqual(codeInfo('20113'), { code: '20113', level: '款', parent: '201' });
    assert.deepEqual(codeInfo('2011301'), { code: '2011301', level: '项', parent: '20113' });
    assert.deepEqual(codeInfo('208 05 05'), { code: '2080505', level: '项', parent: '20805' });
    assert.equal(codeInfo('30101', 'economic')?.level, '款');
    assert.equal(codeInfo('3010101', 'economic'), undefined);
    assert.equal(normaliseCode('2011'), undefined);
    assert.equal(normaliseCode('合计'), undefined);
    assert.ok(isUnder('2011301', '201'));
    assert.ok(!isUnder('201', '201'));
  });

  it('knows renamed codes by every name and class rows by printed label', () => {
    assert.deepEqual(functionalNames('20805'), ['行政事业单位离退休', '行政事业单位养老支出']);
    assert.equal(classCodeByName('十四、资源勘探信息等支出'), '215');
    assert.equal(classCodeByName('十四、资源勘探工业信息等支出'), '215');
    assert.equal(classCodeByName('二十四、债务还本支出'), '231');
    assert.equal(classCodeByName('本年支出合计'), undefined);
    assert.equal(stripNumbering('（十三）其他支出'), '其他支出');
    assert.equal(economicEntry('30217')?.group, '公用经费');
    assert.equal(economicEntry('30113')?.group, '人员经费');
  });
});

describe('templates', () => {
  it('has 8 tables in 2019 and 9 in Shanghai 2024, numbered in order', () => {
    assert.deepEqual(
      NATIONAL_2019.tables.map((t) => t.number),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    assert.deepEqual(
      SHANGHAI_2024.tables.map((t) => t.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.equal(templateFor(2019).id, 'national-2019');
    assert.equal(templateFor(2024, '上海市普陀区').id, 'shanghai-2024');
  });

  it('matches titles exactly: the fiscal summary is not the summary', () => {
    assert.equal(tableByTitle(NATIONAL_2019, '财政拨款收入支出决算总表')?.kind, 'fiscal_summary');
    assert.equal(tableByTitle(NATIONAL_2019, ' 收入支出决算总表 ')?.kind, 'income_expense_summary');
    assert.equal(tableByTitle(SHANGHAI_2024, '财政拨款“三公”经费支出决算表')?.kind, 'three_public');
    assert.equal(tableByTitle(NATIONAL_2019, '收入支出决算总表（续）'), undefined);
    const titles = allTitles().map((t) => t.title);
    assert.ok(titles.indexOf('财政拨款收入支出决算总表') < titles.indexOf('收入支出决算总表'));
  });

  it('lists 19 class rows in the 2019 summary table and 26 in 2024', () => {
    const classes = (rows: { code?: string }[] | undefined) => (rows ?? []).filter((r) => r.code).length;
    assert.equal(classes(NATIONAL_2019.tables[0]?.fixedRows), 19);
    assert.equal(classes(SHANGHAI_2024.tables[0]?.fixedRows), 26);
    const reserve = SHANGHAI_2024.tables[0]?.fixedRows?.find((r) => r.key === 'income.reserve');
    assert.ok(reserve?.labels.includes('使用非财政拨款结余'));
  });
});

const minimal = (): Disclosure => ({
  version: 1,
  meta: {
    department: '示例局',
    fiscalYear: 2019,
    unit: '万元',
    scope: '部门',
    template: 'national-2019',
    source: { file: 'x.txt', format: 'text', pages: 1 },
  },
  tables: [
    {
      kind: 'general_budget_expense',
      number: 5,
      title: '一般公共预算财政拨款支出决算表',
      unit: '万元',
      columns: [{ id: 'total', header: ['本年支出', '小计'] }],
      rows: [
        {
          key: '201',
          code: '201',
          label: '一般公共服务支出',
          cells: {
            total: { kind: 'amount', fen: 26_970_700_000n, text: '26970.7', src: { page: 3, line: 10 } },
            basic: { kind: 'blank' },
          },
        },
      ],
      notes: [],
      unread: [],
    },
  ],
  narrative: [],
  glossary: [],
  performance: [],
  facts: [],
  contents: [],
  unread: [],
});

describe('Disclosure JSON', () => {
  it('round-trips with amounts as strings in JSON and bigint in memory', () => {
    const d = minimal();
    const text = toJson(d);
    assert.match(text, /"fen": "26970700000"/);
    assert.deepEqual(fromJson(text), d);
  });

  it('rejects a wrong version, invalid JSON and a malformed amount with the file name', () => {
    assert.throws(
      () => fromJson('{', 'a.json'),
      (e: unknown) => e instanceof DisclosureFormatError && /a\.json/.test(e.message),
    );
    assert.throws(() => fromJson('{"version": 9}', 'b.json'), /版本|version/);
    const bad = JSON.parse(toJson(minimal()));
    bad.tables[0].rows[0].cells.total.fen = '12.5';
    assert.throws(() => fromJson(JSON.stringify(bad), 'c.json'), /c\.json/);
  });

  it('publishes a JSON Schema that is the one checked in under docs/', () => {
    const committed = JSON.parse(readFileSync('docs/disclosure.schema.json', 'utf8'));
    assert.deepEqual(committed, jsonSchema(), 'docs/disclosure.schema.json is out of date: run `npm run schema`');
  });
});
