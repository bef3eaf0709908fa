import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/** The import rules of the layout: cli/tui -> batch/report -> engine -> model, a pure core. */
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

describe('architecture', () => {
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
    for (const s of sources.filter((x) => x.layer !== 'cli' && x.layer !== 'tui')) {
      for (const spec of importsOf(s.text)) {
        expect(layerOf(spec, s.file), `${s.file}: ${spec}`).not.toBe('tui');
        expect(layerOf(spec, s.file), `${s.file}: ${spec}`).not.toBe('cli');
        expect(spec, `${s.file}: ${spec}`).not.toMatch(/^(ink|react)$/);
      }
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
