export * from './classification.ts';
export * from './disclosure.ts';
export * from './errors.ts';
export * from './json.ts';
export * from './money.ts';
export * from './performance.ts';
export * from './templates.ts';
