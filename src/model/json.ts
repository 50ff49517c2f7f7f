// Reading and writing the Disclosure JSON form, validated on read.
import { z } from 'zod';
import { type Disclosure, DisclosureSchema, MODEL_VERSION } from './disclosure.ts';

export class DisclosureFormatError extends Error {}

export function toJson(d: Disclosure): string {
  return `${JSON.stringify(z.encode(DisclosureSchema, d), null, 2)}\n`;
}

export function fromJson(text: string, name = 'input'): Disclosure {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DisclosureFormatError(`${name}: 不是有效的 JSON / not valid JSON: ${(e as Error).message}`);
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (version !== MODEL_VERSION) {
    throw new DisclosureFormatError(
      `${name}: 模型版本不受支持 / unsupported model version ${JSON.stringify(version)} (expected ${MODEL_VERSION})`,
    );
  }
  const r = DisclosureSchema.safeDecode(raw as z.input<typeof DisclosureSchema>);
  if (!r.success) {
    const first = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new DisclosureFormatError(`${name}: 不符合模型 / does not match the model:\n  ${first.join('\n  ')}`);
  }
  return r.data;
}

/** JSON Schema of the file format (amounts as strings). */
export function jsonSchema(): unknown {
  return z.toJSONSchema(DisclosureSchema, { io: 'input', unrepresentable: 'any' });
}
