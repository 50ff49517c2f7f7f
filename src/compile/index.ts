// Department data → a complete Disclosure: tables with roll-ups, narrative, performance scores, glossary, facts.

import type { DepartmentData } from '../import/workbook/schema.ts';
import { type Disclosure, MODEL_VERSION } from '../model/disclosure.ts';
import { InputError } from '../model/errors.ts';
import { templateById } from '../model/templates.ts';
import { buildFacts } from './facts.ts';
import { buildGlossary } from './glossary.ts';
import { CodeNames } from './names.ts';
import { buildNarrative } from './narrative.ts';
import { buildEvaluation } from './performance.ts';
import { scoreProject } from './scoring.ts';
import { buildTables, ROUNDING_NOTE } from './tables.ts';

export interface CompileOptions {
  /** Name of the input, for messages and meta.source. */
  file?: string;
}

export function compile(d: DepartmentData, opts: CompileOptions = {}): Disclosure {
  const file = opts.file ?? 'department data';
  const tpl = templateById(d.template);
  if (!tpl) throw new InputError(file, `未知模板 / unknown template: ${d.template}`);
  const names = new CodeNames(file, d.fiscalYear, d.names);
  const { tables, ledger, figures } = buildTables(d, tpl, names, file);
  const scores = d.performance.map((p, i) => {
    const s = scoreProject(p.indicators, tpl.id);
    if (s.totalWeight !== 10000n) {
      throw new InputError(
        file,
        `绩效项目 ${i + 1}“${p.name}”的三级指标权重合计为 ${Number(s.totalWeight) / 100}，应为 100 / indicator weights of project ${i + 1} sum to ${Number(s.totalWeight) / 100}, not 100`,
      );
    }
    return s;
  });
  const roundingNote = tables.some((t) => t.notes.some((n) => n.text === ROUNDING_NOTE));
  const narrative = buildNarrative({ d, tpl, names, ledger, f: figures, scores, roundingNote });
  const performance = d.performance.map((p, i) => {
    const s = scores[i];
    if (!s) throw new Error('missing score');
    const e = buildEvaluation(p, s, d.department.name);
    if (!e.annex) e.annex = `附件${i + 1}`;
    return e;
  });
  const contents = [
    ...narrative.map((s) => ({ text: `${s.numbering}${s.heading}` })),
    ...tables.map((t) => ({ text: t.title })),
  ];
  const meta: Disclosure['meta'] = {
    department: d.department.name,
    fiscalYear: d.fiscalYear,
    unit: '万元',
    scope: d.scope,
    template: tpl.id,
    source: { file, format: 'workbook', pages: 0 },
  };
  if (d.department.region) meta.region = d.department.region;
  return {
    version: MODEL_VERSION,
    meta,
    tables,
    narrative,
    glossary: buildGlossary(tpl, ledger, names),
    performance,
    facts: buildFacts(d, figures),
    contents,
    unread: [],
  };
}
