import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GENERATED_HEADER } from '../model';
import { emitYaml } from '../yaml/emit';
import { readOwnYaml } from './own-yaml';

const H = GENERATED_HEADER;
const emitted = (v: unknown) => emitYaml(v, { header: H });

const VALUES: Array<[string, unknown]> = [
  ['a flat map', { apiVersion: 'v1', kind: 'ConfigMap', replicas: 3, ratio: 0.25, big: 1e21, on: true, off: false, none: null }],
  ['strings that look like other things', { a: '1', b: 'true', c: 'null', d: '2026-01-01', e: '0x1f', f: 'yes', g: '', h: ' lead', i: 'a: b', j: '- x', k: '#c', l: '-', m: '1e3' }],
  ['nested maps and lists', { spec: { template: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }], args: ['x', 'y'] }] } } } }],
  ['lists of lists and empties', { a: [[1, 2], [], [[3]]], b: {}, c: [], d: [{}], e: [{ x: {} }] }],
  ['literal blocks: kept, stripped and clipped newlines', { clip: 'line 1\nline 2\n', strip: 'a\nb', keep: 'a\n\n\n', blank: 'a\n\nb\n', item: ['x\ny\n', { k: 'p\nq' }] }],
  ['quoted keys and unicode', { 'a b': 1, 'key: colon': 2, 'ünï': 'çødé', 'x\ty': 'tab\there', '"q"': 'q' }],
  ['a list at the top', [1, 'two', { three: 3 }]],
  ['negative and zero numbers', { a: -1, b: 0, c: -2.5, d: 1.5e-7 }],
];

describe('readOwnYaml: the engine’s own YAML, read back and proven', () => {
  it.each(VALUES)('%s: gives the value the emitter was given', (_, value) => {
    const text = emitted(value);
    expect(readOwnYaml(text, H)).toEqual(value);
    expect(readOwnYaml(text, H)).toEqual(parse(text));
  });

  it.each([
    ['a hand-written file (no header)', 'a: 1\n'],
    ['a comment inside', `${H}\na: 1 # why\n`],
    ['flow style', `${H}\na: {b: 1}\n`],
    ['an extra blank line', `${H}\na: 1\n\nb: 2\n`],
    ['a single-quoted scalar', `${H}\na: 'x'\n`],
    ['indentation the emitter never writes', `${H}\na:\n    b: 1\n`],
    ['a document marker', `${H}\n---\na: 1\n`],
    ['no final newline', `${H}\na: 1`],
  ])('%s: undefined (the caller parses it as YAML)', (_, text) => {
    expect(readOwnYaml(text, H)).toBeUndefined();
  });

  it('reads every generated file of the example like the yaml package does', () => {
    const root = join(__dirname, '..', '..', '..', '..', 'environments');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.yaml')) files.push(join(dir, e.name));
      }
    };
    walk(root);
    let read = 0;
    let generated = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (!text.startsWith(`${H}\n`)) continue;
      generated++;
      const own = readOwnYaml(text, H);
      if (own === undefined) continue;
      read++;
      expect(own, file).toEqual(parse(text));
    }
    expect(generated).toBeGreaterThan(100);
    expect(read).toBe(generated);
  });
});
