// 名词解释: the template's own where it fixes one (Shanghai 2024); otherwise fixed terms plus every 类 and 项 the
// general-budget table uses.
import type { Template } from '../model/templates.ts';
import type { Ledger } from './ledger.ts';
import type { CodeNames } from './names.ts';

export interface GlossaryEntry {
  term: string;
  definition: string;
}

const FIXED: [string, string][] = [
  ['财政拨款收入', '指本级财政当年拨付的资金。'],
  ['事业收入', '指事业单位开展专业业务活动及辅助活动所取得的收入。'],
  ['经营收入', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。'],
  ['其他收入', '指除上述“财政拨款收入”“事业收入”“经营收入”等以外的收入，主要是存款利息收入等。'],
  ['年初结转和结余', '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。'],
  [
    '年末结转和结余',
    '指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。',
  ],
  [
    '基本支出',
    '指为保障机构正常运转、完成日常工作任务而发生的人员支出（包括基本工资、津贴补贴等）和公用支出（包括办公费、邮电费、差旅费及印刷费等）。',
  ],
  ['项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'],
  ['经营支出', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。'],
  [
    '“三公”经费',
    '反映财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费及培训费等支出；公务用车购置及运行费反映单位公务用车车辆购置支出（含车辆购置税）及租用费、燃料费、维修费、保险费、过路过桥费等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。',
  ],
];

const OPERATING_2019 = '反映行政单位（包括实行公务员管理的事业单位）一般公共预算财政拨款基本支出中公用经费之和。';

/** Definitions of common 类 and 项 (wording of the 政府收支分类科目). */
const CODE_TERMS: Record<string, string> = {
  '201': '反映政府提供一般公共服务的支出。',
  '204': '反映政府维护社会公共安全方面的支出。',
  '205': '反映政府教育事务支出。',
  '206': '反映用于科学技术方面的支出。',
  '207': '反映政府在文化、旅游、体育、传媒方面的支出。',
  '208': '反映政府在社会保障与就业方面的支出。',
  '210': '反映政府在卫生健康方面的支出。',
  '211': '反映政府节能环保支出。',
  '212': '反映政府城乡社区事务支出。',
  '213': '反映政府农林水事务支出。',
  '214': '反映交通运输和邮政业方面的支出。',
  '219': '反映援助方政府安排并管理的对其他地区各类援助、捐赠等资金支出。',
  '221': '集中反映政府用于住房方面的支出。',
  '224': '反映政府用于自然灾害防治、安全生产监管及应急管理等方面的支出。',
  '2080505': '反映机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。',
  '2080506': '反映机关事业单位实施养老保险制度由单位缴纳的职业年金支出。',
  '2101101': '反映财政部门安排的行政单位（包括实行公务员管理的事业单位）基本医疗保险缴费。',
  '2101102': '反映财政部门安排的事业单位基本医疗保险缴费。',
  '2101103': '反映财政部门安排的公务员医疗补助经费。',
  '2210201':
    '反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。',
  '2210202': '反映按房改政策规定的标准，行政事业单位向职工（含离退休人员）发放的租金补贴。',
  '2210203':
    '反映按房改政策规定，行政事业单位向符合条件的职工（含离退休人员）、军队（含武警）向转役复员离退休人员发放的用于购买住房的补贴。',
};

function codeDefinition(code: string, name: string): string {
  const known = CODE_TERMS[code];
  if (known) return known;
  const tail = code.slice(-2);
  if (code.length === 7 && tail === '01') return '反映行政单位（包括实行公务员管理的事业单位）的基本支出。';
  if (code.length === 7 && tail === '50')
    return '反映事业单位的基本支出，不包括行政单位（包括实行公务员管理的事业单位）后勤服务中心的医疗经费。';
  if (name.startsWith('其他'))
    return `反映除上述项目以外其他用于${name.replace(/^其他/, '').replace(/支出$/, '')}方面的支出。`;
  return `反映用于${name.replace(/支出$/, '')}方面的支出。`;
}

export function buildGlossary(tpl: Template, ledger: Ledger, names: CodeNames): GlossaryEntry[] {
  if (tpl.fixedGlossary) return tpl.fixedGlossary.map(([term, definition]) => ({ term, definition }));
  const out: GlossaryEntry[] = FIXED.map(([term, definition]) => ({ term, definition }));
  const seen = new Set(out.map((e) => e.term));
  for (const code of ledger.expense.codes.filter((c) => c.length !== 5)) {
    const name = code.length === 7 ? (ledger.itemNames.get(code) ?? names.functional(code)) : names.functional(code);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ term: name, definition: codeDefinition(code, name) });
  }
  out.push({ term: '机关运行经费', definition: OPERATING_2019 });
  return out;
}
