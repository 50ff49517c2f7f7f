// The output formats, in a module of their own so that the CLI can read its options before loading any renderer.
export const FORMATS = ['html', 'pdf', 'docx', 'xlsx', 'json', 'csv', 'fdp'] as const;
export type Format = (typeof FORMATS)[number];
