import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import { emit } from '../output.js';
import type { SchemaFlags } from './schema.options.js';

/** `article10 schema`: the JSON Schema editors use to check scenario files. */
export async function schemaCommand(flags: SchemaFlags): Promise<void> {
  await emit(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n', flags.out);
}
