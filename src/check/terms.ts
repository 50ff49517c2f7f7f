// Fixed term lists from the templates.

/** 上海 2024 模板第四部分名词解释的 11 个固定术语（domain §1.4）. */
export const GLOSSARY_2024_FIXED = [
  '财政拨款收入',
  '事业收入',
  '经营收入',
  '其他收入',
  '年初结转和结余',
  '年末结转和结余',
  '基本支出',
  '项目支出',
  '经营支出',
  '“三公”经费',
  '机关运行经费',
];
