// Fixed term lists from the templates.
import { SHANGHAI_2024 } from '../model/templates.ts';

/** 上海 2024 模板第四部分名词解释的 11 个固定术语（domain §1.4）. */
export const GLOSSARY_2024_FIXED: readonly string[] = (SHANGHAI_2024.fixedGlossary ?? []).map(([term]) => term);
