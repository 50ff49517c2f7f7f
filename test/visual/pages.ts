// Renders each example's PDF to page PNGs with pdftoppm, for the visual comparison and for updating references.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile } from '../../src/compile/index.ts';
import { parseDepartmentJson } from '../../src/import/workbook/json.ts';
import { renderPdf } from '../../src/render/pdf.ts';

export const REFERENCE_DIR = 'test/visual/reference';
/** Low resolution keeps the references small; layout changes still show. */
export const DPI = 30;

/** The examples with reviewed reference pages: `<prefix>-NN.png`. */
export const EXAMPLES = [
  { prefix: 'seed', dir: 'examples/shenzhen-fupin-2019' },
  { prefix: 'putuo', dir: 'examples/shanghai-putuo-2024' },
] as const;

export type Example = (typeof EXAMPLES)[number];

/** The reference PNG names of one example, sorted. */
export function referenceNames(x: Example): string[] {
  return fs
    .readdirSync(REFERENCE_DIR)
    .filter((f) => f.startsWith(`${x.prefix}-`) && f.endsWith('.png'))
    .sort();
}

export async function examplePages(x: Example): Promise<{ name: string; png: Buffer }[]> {
  const file = `${x.dir}/data.json`;
  const d = compile(parseDepartmentJson(fs.readFileSync(file, 'utf8'), file), { file: 'data.json' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-visual-'));
  try {
    const pdf = path.join(dir, `${x.prefix}.pdf`);
    fs.writeFileSync(pdf, await renderPdf(d));
    execFileSync('pdftoppm', ['-r', String(DPI), '-png', pdf, path.join(dir, 'page')]);
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => ({
        name: `${x.prefix}-${String(Number(f.replace(/\D/g, ''))).padStart(2, '0')}.png`,
        png: fs.readFileSync(path.join(dir, f)),
      }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
