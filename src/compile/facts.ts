// Disclosed figures outside the tables (三公 counts, 机关运行经费, 政府采购, 国有资产) as model facts.

import type { DepartmentData } from '../import/workbook/schema.ts';
import type { Fact } from '../model/disclosure.ts';
import { rounded, wanText } from './cells.ts';
import type { Figures } from './tables.ts';

function money(key: string, exact: bigint): Fact {
  const r = rounded(exact) / 10000n;
  return { key, value: { text: wanText(exact), value: r, scale: 2 }, unit: '万元' };
}

function count(key: string, n: number, unit: string): Fact {
  return { key, value: { text: String(n), value: BigInt(n), scale: 0 }, unit };
}

export function buildFacts(d: DepartmentData, f: Figures): Fact[] {
  const tp = d.threePublic;
  const pc = d.procurement;
  const facts: Fact[] = [
    count('threePublic.abroadGroups', tp.abroadGroups, '个'),
    count('threePublic.abroadPeople', tp.abroadPeople, '人次'),
    count('threePublic.vehiclesPurchased', tp.vehiclesPurchased, '辆'),
    count('threePublic.vehiclesHeld', tp.vehiclesHeld, '辆'),
    count('threePublic.receptionBatches', tp.receptionBatches, '批次'),
    count('threePublic.receptionPeople', tp.receptionPeople, '人次'),
    money('operatingCost.actual', d.operatingCost.actual ?? f.publicExpense),
  ];
  if (d.operatingCost.budget !== undefined) facts.push(money('operatingCost.budget', d.operatingCost.budget));
  facts.push(
    money('procurement.total', rounded(pc.goods) + rounded(pc.works) + rounded(pc.services)),
    money('procurement.goods', pc.goods),
    money('procurement.works', pc.works),
    money('procurement.services', pc.services),
    money('procurement.sme', pc.sme),
  );
  if (pc.smallMicro !== undefined) facts.push(money('procurement.smallMicro', pc.smallMicro));
  const a = d.assets;
  facts.push(
    count(
      'assets.vehicles',
      a.vehicles.reduce((t, v) => t + v.count, 0),
      '辆',
    ),
  );
  for (const v of a.vehicles) facts.push(count(`assets.vehicles.${v.type}`, v.count, '辆'));
  facts.push(count('assets.generalEquipment', a.generalEquipment, '台（套）'));
  facts.push(count('assets.specialEquipment', a.specialEquipment, '台（套）'));
  return facts;
}
