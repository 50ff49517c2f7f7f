// The fact catalogue: figures disclosed in the narrative outside the tables, by stable key.
// Importers emit Facts with these keys; checks rely on them.

export interface FactDef {
  key: string;
  /** What the figure is, Chinese first. */
  title: string;
  /** Kind of value: money (万元/元), a count, or a percentage. */
  kind: 'money' | 'count' | 'percent';
}

export const FACTS = {
  vehiclesHeld: { key: 'three_public.vehicles.held', title: '公务用车保有量 / official vehicles held', kind: 'count' },
  receptionBatches: { key: 'three_public.reception.batches', title: '公务接待批次 / reception batches', kind: 'count' },
  receptionPersons: { key: 'three_public.reception.persons', title: '公务接待人次 / reception persons', kind: 'count' },
  abroadGroups: { key: 'three_public.abroad.groups', title: '因公出国（境）团组数 / groups abroad', kind: 'count' },
  abroadPersons: { key: 'three_public.abroad.persons', title: '因公出国（境）人数 / persons abroad', kind: 'count' },
  operatingCost: { key: 'operating_cost.amount', title: '机关运行经费 / administrative operating cost', kind: 'money' },
  procurementTotal: { key: 'procurement.total', title: '政府采购支出总额 / procurement total', kind: 'money' },
  procurementGoods: { key: 'procurement.goods', title: '政府采购货物支出 / goods', kind: 'money' },
  procurementWorks: { key: 'procurement.works', title: '政府采购工程支出 / works', kind: 'money' },
  procurementServices: { key: 'procurement.services', title: '政府采购服务支出 / services', kind: 'money' },
  procurementSme: { key: 'procurement.sme.amount', title: '授予中小企业合同金额 / awarded to SMEs', kind: 'money' },
  procurementSmeShare: { key: 'procurement.sme.share', title: '中小企业占比 / SME share', kind: 'percent' },
  procurementMicro: {
    key: 'procurement.micro.amount',
    title: '授予小微企业合同金额 / awarded to micro firms',
    kind: 'money',
  },
  procurementSmeReserved: {
    key: 'procurement.sme.reserved',
    title: '面向中小企业预留项目预算金额 / budget reserved for SMEs',
    kind: 'money',
  },
  procurementMicroReserved: {
    key: 'procurement.micro.reserved',
    title: '面向小微企业预留项目预算金额 / budget reserved for micro firms',
    kind: 'money',
  },
  procurementMicroShare: { key: 'procurement.micro.share', title: '小微企业占比 / micro share', kind: 'percent' },
  assetsVehicles: { key: 'assets.vehicles.total', title: '车辆总数 / vehicles owned', kind: 'count' },
  assetsGeneralEquipment: {
    key: 'assets.equipment.general',
    title: '单价50万元以上通用设备 / general equipment ≥ 500k',
    kind: 'count',
  },
  assetsSpecialEquipment: {
    key: 'assets.equipment.special',
    title: '单价100万元以上专用设备 / special equipment ≥ 1m',
    kind: 'count',
  },
  assetsEquipment: {
    key: 'assets.equipment.large',
    title: '单价100万元（含）以上设备 / equipment ≥ 1m',
    kind: 'count',
  },
} as const satisfies Record<string, FactDef>;

export type FactKey = (typeof FACTS)[keyof typeof FACTS]['key'];

export const FACT_DEFS: readonly FactDef[] = Object.values(FACTS);

export function factDef(key: string): FactDef | undefined {
  return FACT_DEFS.find((d) => d.key === key);
}
