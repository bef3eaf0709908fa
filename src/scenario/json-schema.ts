import * as z from 'zod';
import { conditionSchema, effectSchema, extendingScenarioSchema, paramSchemas, scenarioSchema } from './schema.js';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (draft-07, what YAML editors read) of scenario files, from the same zod schema
 * the loader validates with. A file with `extends` is checked against the all-optional variant.
 */
export function scenarioJsonSchema(): JsonSchema {
  // Shared parts become named definitions instead of hundreds of inlined copies. A private
  // registry keeps these names out of zod's global one.
  const metadata = z.registry<{ id?: string }>();
  metadata.add(conditionSchema, { id: 'Condition' });
  metadata.add(effectSchema, { id: 'Effect' });
  metadata.add(paramSchemas.probability, { id: 'Probability' });
  metadata.add(paramSchemas.delta, { id: 'Delta' });
  metadata.add(paramSchemas.nonNegative, { id: 'NonNegative' });
  metadata.add(paramSchemas.real, { id: 'Number' });
  const convert = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { target: 'draft-07', io: 'input', metadata }) as JsonSchema;
  const { $schema: _root, definitions: rootDefinitions, ...complete } = convert(scenarioSchema);
  const { $schema: _extending, definitions: extendingDefinitions, ...extending } = convert(extendingScenarioSchema);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'article10 scenario',
    description: 'A decision point for the NATO Article 10 accession simulator. See scenarios/FORMAT.md.',
    type: 'object',
    if: { required: ['extends'] },
    then: extending,
    else: complete,
    definitions: { ...(rootDefinitions as JsonSchema | undefined), ...(extendingDefinitions as JsonSchema | undefined) },
  };
}
