// Recognition shared by the text and PDF importers: titles, header lines, columns, cells, rows, narrative, facts.
export * from './cells.ts';
export * from './codes.ts';
export * from './columns.ts';
export * from './facts.ts';
export * from './glossary.ts';
export * from './header.ts';
export * from './meta.ts';
export * from './performance.ts';
export * from './printed.ts';
export * from './rows.ts';
export * from './sections.ts';
export * from './titles.ts';
