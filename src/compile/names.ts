// Names of classification codes for the compiled tables: the department's own names first, then the catalogue.
import { EXTRA_CLASSES, economicEntry, FUNCTIONAL_CLASSES, functionalNames } from '../model/classification.ts';
import { InputError } from '../model/errors.ts';

export class CodeNames {
  constructor(
    private readonly file: string,
    private readonly year: number,
    private readonly given: Record<string, string>,
  ) {}

  functional(code: string): string {
    const own = this.given[code];
    if (own) return own;
    if (code.length === 3) {
      const c = [...FUNCTIONAL_CLASSES, ...EXTRA_CLASSES].find((x) => x.code === code);
      if (c) return this.year >= 2020 ? c.name2024 : c.name2019;
    }
    const known = functionalNames(code);
    const name = this.year >= 2020 ? known[known.length - 1] : known[0];
    if (name) return name;
    throw new InputError(
      this.file,
      `科目编码 ${code} 没有名称，请在工作表“科目名称”中补充 / no name for code ${code}: add it to the 科目名称 sheet (names)`,
    );
  }

  economic(code: string, fallback?: string): string {
    const own = this.given[code] ?? fallback;
    if (own) return own;
    const e = economicEntry(code);
    if (e) return e.name;
    throw new InputError(this.file, `经济分类科目编码 ${code} 没有名称 / no name for economic code ${code}`);
  }
}
