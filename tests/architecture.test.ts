import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/**
 * The import rules of the layout, a pure core at the bottom:
 *
 *   cli -> tui -> analysis -> batch -> engine -> model
 *   web -'    |          |
 *             +----------+--> report (rendering primitives), scenario, io
 *
 * analysis holds one folder per feature (its types, maths, run and text); batch executes
 * branches (pool, workers, runners) and knows no feature; report only renders. web is the
 * browser's shell beside the terminal's: it reuses the TUI's editor state and React hooks (never
 * Ink), and nothing imports it.
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const sources = files(SRC).map((path) => ({ layer: relative(SRC, path).split('/')[0]!, file: relative(SRC, path), text: readFileSync(path, 'utf8') }));

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

/** The package a bare specifier names: 'seedrandom/lib/alea.js' → 'seedrandom', '@scope/pkg/x' → '@scope/pkg'. */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function layerOf(spec: string, file: string): string {
  if (!spec.startsWith('.')) return spec.startsWith('node:') ? 'node' : `package:${packageOf(spec)}`;
  const target = join(file, '..', spec);
  return target.split('/')[0]!;
}

/** The source layers each layer may import, besides itself (packages and Node are checked apart). */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  model: [],
  engine: ['model'],
  io: [],
  scenario: ['model', 'io'],
  report: ['model', 'scenario'],
  batch: ['engine', 'model', 'report'],
  analysis: ['batch', 'engine', 'model', 'report', 'scenario', 'io'],
  tui: ['analysis', 'batch', 'engine', 'model', 'report', 'scenario', 'io'],
  cli: ['tui', 'analysis', 'batch', 'engine', 'model', 'report', 'scenario', 'io'],
  web: ['tui', 'analysis', 'batch', 'engine', 'model', 'report', 'scenario', 'io'],
  bench: ['batch', 'engine', 'model', 'report', 'scenario', 'io'],
};

/** The feature folder of a file or import target under analysis/ ('compare' for analysis/compare/run.ts). */
function featureOf(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'analysis' ? parts[1] : undefined;
}

describe('architecture', () => {
  test('every layer is known and imports only the layers below it: no upward import, no loop', () => {
    for (const s of sources) {
      expect(Object.keys(MAY_IMPORT), `${s.file}: a new top-level folder needs its place in MAY_IMPORT`).toContain(s.layer);
      for (const spec of importsOf(s.text).filter((x) => x.startsWith('.'))) {
        const target = layerOf(spec, s.file);
        if (target !== s.layer) expect(MAY_IMPORT[s.layer], `${s.file}: ${spec}`).toContain(target);
      }
    }
  });

  test('report only renders: it imports no analysis, no execution layer and no engine', () => {
    const report = sources.filter((x) => x.layer === 'report');
    expect(report.length).toBeGreaterThan(0);
    for (const s of report) {
      for (const spec of importsOf(s.text)) expect(['analysis', 'batch', 'engine'], `${s.file}: ${spec}`).not.toContain(layerOf(spec, s.file));
    }
  });

  test('each analysis lives in a folder of its own, and features import one another without a cycle', () => {
    const graph = new Map<string, Set<string>>();
    for (const s of sources.filter((x) => x.layer === 'analysis')) {
      const feature = featureOf(s.file);
      expect(s.file.split('/').length, `${s.file}: put it in a feature folder, analysis/<feature>/`).toBeGreaterThan(2);
      const uses = graph.get(feature!) ?? new Set<string>();
      graph.set(feature!, uses);
      for (const spec of importsOf(s.text).filter((x) => x.startsWith('.'))) {
        const target = featureOf(join(s.file, '..', spec));
        if (target !== undefined && target !== feature) uses.add(target);
      }
    }
    const done = new Set<string>();
    const visit = (feature: string, path: readonly string[]): void => {
      expect(path, `a cycle between analysis features: ${[...path, feature].join(' -> ')}`).not.toContain(feature);
      if (done.has(feature)) return;
      for (const next of graph.get(feature) ?? []) visit(next, [...path, feature]);
      done.add(feature);
    };
    for (const feature of graph.keys()) visit(feature, []);
  });

  test('the execution layer is shared: it names no analysis feature and no UI', () => {
    for (const s of sources.filter((x) => x.layer === 'batch')) {
      for (const spec of importsOf(s.text)) {
        expect(['analysis', 'tui', 'cli'], `${s.file}: ${spec}`).not.toContain(layerOf(spec, s.file));
        expect(spec, `${s.file}: ${spec}`).not.toMatch(/^(ink|react)(\/|$)/);
      }
    }
  });

  test('the model imports nothing but itself', () => {
    for (const s of sources.filter((x) => x.layer === 'model')) {
      for (const spec of importsOf(s.text)) expect(layerOf(spec, s.file), `${s.file}: ${spec}`).toBe('model');
    }
  });

  test('the engine imports only the model, itself and seedrandom: no Node, no UI, no files', () => {
    for (const s of sources.filter((x) => x.layer === 'engine')) {
      for (const spec of importsOf(s.text)) expect(['model', 'engine', 'package:seedrandom'], `${s.file}: ${spec}`).toContain(layerOf(spec, s.file));
    }
  });

  test('model and engine read no clock and no ambient randomness', () => {
    for (const s of sources.filter((x) => x.layer === 'model' || x.layer === 'engine')) {
      expect(s.text, s.file).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now|\bprocess\.(env|argv|hrtime)/);
    }
  });

  test('only the command line imports the UI, and nothing below the command line imports it', () => {
    for (const s of sources.filter((x) => x.layer !== 'cli' && x.layer !== 'tui' && x.layer !== 'web')) {
      for (const spec of importsOf(s.text)) {
        expect(layerOf(spec, s.file), `${s.file}: ${spec}`).not.toBe('tui');
        expect(layerOf(spec, s.file), `${s.file}: ${spec}`).not.toBe('cli');
        expect(spec, `${s.file}: ${spec}`).not.toMatch(/^(ink|react)$/);
      }
    }
  });

  test('the web page reuses only the parts of the TUI that import no Ink, and nothing imports the web page', () => {
    const tuiFiles = new Map(sources.filter((x) => x.layer === 'tui').map((s) => [s.file.replace(/\.tsx?$/, ''), s]));
    const web = sources.filter((x) => x.layer === 'web');
    expect(web.length).toBeGreaterThan(0);
    for (const s of web) {
      for (const spec of importsOf(s.text)) {
        expect(spec, `${s.file}: ${spec}`).not.toMatch(/^ink(\/|$)/);
        expect(layerOf(spec, s.file), `${s.file}: ${spec}`).not.toBe('cli');
        if (layerOf(spec, s.file) === 'tui') expect(tuiFiles.get(join(s.file, '..', spec).replace(/\.js$/, '')), `${s.file}: ${spec}`).toBeDefined();
      }
    }
    // Through every TUI file the page reaches, however deep: one that imports another that imports Ink counts.
    const reached = new Set<string>();
    const visit = (file: string, text: string, by: string): void => {
      for (const spec of importsOf(text)) {
        expect(spec, `${file} (reached from ${by})`).not.toMatch(/^ink(\/|$)/);
        if (!spec.startsWith('.')) continue;
        const key = join(file, '..', spec).replace(/\.js$/, '');
        const target = tuiFiles.get(key);
        if (target === undefined || reached.has(key)) continue;
        reached.add(key);
        visit(target.file, target.text, by);
      }
    };
    for (const s of web) visit(s.file, s.text, s.file);
    expect(reached.size).toBeGreaterThan(0);
    for (const s of sources.filter((x) => x.layer !== 'web')) {
      for (const spec of importsOf(s.text)) expect(layerOf(spec, s.file), `${s.file}: ${spec}`).not.toBe('web');
    }
  });

  test('no module of the engine imports itself through others, types included', () => {
    const engine = new Map(sources.filter((x) => x.layer === 'engine').map((s) => [s.file, s]));
    const edges = (file: string): string[] =>
      importsOf(engine.get(file)!.text)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => join(file, '..', spec).replace(/\.js$/, '.ts'))
        .filter((target) => engine.has(target));
    // Depth-first, with the path walked so far: an edge back into it is a cycle.
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (path.includes(file)) {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      if (done.has(file)) return;
      for (const next of edges(file)) visit(next, [...path, file]);
      done.add(file);
    };
    for (const file of engine.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  test('user files are data: no eval or Function constructor anywhere', () => {
    for (const s of sources) expect(s.text, s.file).not.toMatch(/\beval\(|new Function\(/);
  });
});
