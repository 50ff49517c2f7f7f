// The rule catalogue: every rule, grouped by family, in a stable order.
import { ARITHMETIC_RULES } from './rules/arithmetic.ts';
import { COMPLETENESS_RULES } from './rules/completeness.ts';
import { CROSS_RULES } from './rules/cross.ts';
import { FORM_RULES } from './rules/form.ts';
import { NARRATIVE_RULES } from './rules/narrative.ts';
import { PERFORMANCE_RULES } from './rules/performance.ts';
import { PROCUREMENT_RULES } from './rules/procurement.ts';
import type { Rule } from './types.ts';

export const CATALOGUE: readonly Rule[] = [
  ...COMPLETENESS_RULES,
  ...ARITHMETIC_RULES,
  ...CROSS_RULES,
  ...NARRATIVE_RULES,
  ...PROCUREMENT_RULES,
  ...PERFORMANCE_RULES,
  ...FORM_RULES,
];

export function ruleById(id: string): Rule | undefined {
  return CATALOGUE.find((r) => r.id === id);
}
