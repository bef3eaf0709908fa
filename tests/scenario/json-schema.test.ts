import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

type Json = Record<string, unknown>;

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as Json;

  it('is draft-07 with a title, and plain JSON', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['title']).toBe('article10 scenario');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('requires the core fields in a root file and only extends in a file that extends', () => {
    expect(schema['if']).toEqual({ required: ['extends'] });
    expect((schema['else'] as Json)['required']).toEqual(['id', 'title', 'decisionPoint', 'candidate', 'preconditions']);
    expect((schema['then'] as Json)['required']).toEqual(['extends']);
    const allies = ((schema['then'] as Json)['properties'] as Json)['allies'] as Json;
    expect((allies['items'] as Json)['required']).toEqual(['code']);
  });

  it('is strict and names the shared parts once', () => {
    expect((schema['else'] as Json)['additionalProperties']).toBe(false);
    expect(Object.keys(schema['definitions'] as Json).sort()).toEqual(['Condition', 'Delta', 'Effect', 'NonNegative', 'Number', 'Probability']);
    const candidate = ((schema['else'] as Json)['properties'] as Json)['candidate'] as Json;
    expect((candidate['properties'] as Json)['interest']).toEqual({ allOf: [{ $ref: '#/definitions/Probability' }] });
  });

  it('is the same every time', () => {
    expect(JSON.stringify(scenarioJsonSchema())).toBe(JSON.stringify(schema));
  });
});

describe('scenarios/schema.json', () => {
  it('is the schema the loader uses (regenerate with npm run schema)', async () => {
    const { readFileSync } = await import('node:fs');
    const committed = JSON.parse(readFileSync(new URL('../../scenarios/schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
