// Writes docs/disclosure.schema.json from the model (run after changing src/model/disclosure.ts).
import { writeFileSync } from 'node:fs';
import { jsonSchema } from '../src/model/json.ts';

writeFileSync('docs/disclosure.schema.json', `${JSON.stringify(jsonSchema(), null, 2)}\n`);
