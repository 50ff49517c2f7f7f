// Facts read from narrative sentences: 三公 counts, 机关运行经费, 政府采购, 国有资产 (keys: src/model/facts.ts).
import type { Fact } from '../../model/disclosure.ts';
import { FACTS } from '../../model/facts.ts';
import { normaliseFigure, parseScaled } from '../../model/money.ts';
import type { PrintedText } from './printed.ts';

const NUM = '(\\d[\\d,]*(?:\\.\\d+)?)';
const MONEY = `${NUM}\\s*(万元|元)`;

interface Pattern {
  key: string;
  re: RegExp;
  /** Unit when the pattern does not capture one. */
  unit?: string;
  /** The paragraph must also contain this (generic words like 服务 only count in a 政府采购 paragraph). */
  context?: RegExp;
}

const PROCUREMENT = /政府采购/;

// Each pattern captures the figure first and, unless `unit` is given, the unit word second.
const PATTERNS: Pattern[] = [
  { key: FACTS.vehiclesHeld.key, re: new RegExp(`公务用车保有量(?:为|共)?\\s*${NUM}\\s*(台|辆)`) },
  { key: FACTS.receptionBatches.key, re: new RegExp(`接待[^。；]*?(?:共|累计)?\\s*${NUM}\\s*(批次|批)`) },
  { key: FACTS.receptionPersons.key, re: new RegExp(`接待[^。；]*?批次?[、，,]?\\s*${NUM}\\s*(人次)`) },
  {
    key: FACTS.abroadGroups.key,
    re: new RegExp(`出国(?:（境）|\\(境\\))?团组(?:数)?(?:为|共)?\\s*${NUM}\\s*(个|组|批)`),
  },
  { key: FACTS.abroadPersons.key, re: new RegExp(`出国(?:（境）|\\(境\\))?人数(?:为|共)?\\s*${NUM}\\s*(人次|人)`) },
  { key: FACTS.operatingCost.key, re: new RegExp(`机关运行经费(?:支出)?(?:为|共计|合计)?\\s*${MONEY}`) },
  {
    key: FACTS.procurementTotal.key,
    re: new RegExp(`政府采购(?:支出)?(?:总额|金额)(?:（以合同签订为准）)?(?:为|共)?\\s*${MONEY}`),
  },
  {
    key: FACTS.procurementGoods.key,
    re: new RegExp(`(?:采购)?货物(?:采购)?(?:支出|类|金额)?(?:为)?\\s*${MONEY}`),
    context: PROCUREMENT,
  },
  {
    key: FACTS.procurementWorks.key,
    re: new RegExp(`(?:采购)?工程(?:采购)?(?:支出|类|金额)?(?:为)?\\s*${MONEY}`),
    context: PROCUREMENT,
  },
  {
    key: FACTS.procurementServices.key,
    re: new RegExp(`(?:采购)?服务(?:采购)?(?:支出|类|金额)?(?:为)?\\s*${MONEY}`),
    context: PROCUREMENT,
  },
  { key: FACTS.procurementSme.key, re: new RegExp(`授予中小企业合同(?:金额|总额)(?:为|共)?\\s*${MONEY}`) },
  { key: FACTS.procurementSmeShare.key, re: new RegExp(`授予中小企业[^。；]*?占[^。；]*?${NUM}\\s*%`), unit: '%' },
  {
    key: FACTS.procurementSmeReserved.key,
    re: new RegExp(`面向中小企业预留(?:政府采购)?项目预算金额(?:为)?\\s*${MONEY}`),
  },
  {
    key: FACTS.procurementMicroReserved.key,
    re: new RegExp(`面向小微企业预留(?:政府采购)?项目预算金额(?:为)?\\s*${MONEY}`),
  },
  { key: FACTS.procurementMicro.key, re: new RegExp(`授予小微企业合同(?:金额|总额)(?:为|共)?\\s*${MONEY}`) },
  { key: FACTS.procurementMicroShare.key, re: new RegExp(`授予小微企业[^。；]*?占[^。；]*?${NUM}\\s*%`), unit: '%' },
  { key: FACTS.assetsVehicles.key, re: new RegExp(`共有(?:车辆|公务用车|各类车辆)\\s*${NUM}\\s*(辆|台)`) },
  {
    key: FACTS.assetsGeneralEquipment.key,
    re: new RegExp(`单价\\s*50\\s*万元(?:（含）)?以上(?:的)?通用设备\\s*${NUM}\\s*(台（套）|台\\(套\\)|台|套)`),
  },
  {
    key: FACTS.assetsSpecialEquipment.key,
    re: new RegExp(`单价\\s*100\\s*万元(?:（含）)?以上(?:的)?专用设备\\s*${NUM}\\s*(台（套）|台\\(套\\)|台|套)`),
  },
  {
    key: FACTS.assetsEquipment.key,
    re: new RegExp(
      `单价\\s*100\\s*万元(?:（含）)?以上(?:的)?设备(?:（不含车辆）)?\\s*${NUM}\\s*(台（套）|台\\(套\\)|台|套)`,
    ),
  },
];

/** The sentence around a match, for the fact's quote. */
function sentenceAt(text: string, index: number): string {
  const before = text.slice(0, index);
  const start = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；')) + 1;
  const rel = text.slice(index).search(/[。；]/);
  const end = rel < 0 ? text.length : index + rel + 1;
  return text.slice(start, end);
}

/** Reads every catalogued fact from paragraphs; the first disclosure of a key per paragraph is taken. */
export function readFacts(paragraphs: readonly PrintedText[]): Fact[] {
  const facts: Fact[] = [];
  for (const p of paragraphs) {
    const text = p.text.replace(/\s+/g, '');
    for (const pat of PATTERNS) {
      if (pat.context && !pat.context.test(text)) continue;
      const m = pat.re.exec(text);
      const figure = m?.[1];
      if (!m || figure === undefined) continue;
      const printed = normaliseFigure(figure).replace(/,/g, '');
      const scale = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
      const fact: Fact = {
        key: pat.key,
        value: { text: figure, value: parseScaled(printed, scale), scale },
        unit: pat.unit ?? m[2] ?? '',
        quote: sentenceAt(text, m.index),
      };
      if (p.src) fact.src = p.src;
      facts.push(fact);
    }
  }
  return facts;
}
