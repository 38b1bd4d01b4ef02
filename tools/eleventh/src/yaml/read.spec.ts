import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { parseYaml, readYamlFile } from './read';

const root = mkdtempSync(join(tmpdir(), 'eleventh-yaml-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readYamlFile', () => {
  it('parses a file and knows the line of every key and list item', () => {
    writeFileSync(join(root, 'a.yaml'), '# comment\nservice:\n  replicas: 2\n  hosts:\n    - a\n    - b\n');
    const doc = readYamlFile(root, 'a.yaml');
    expect(doc.file).toBe('a.yaml');
    expect(doc.value).toEqual({ service: { replicas: 2, hosts: ['a', 'b'] } });
    expect(doc.lineOf(['service'])).toBe(2);
    expect(doc.lineOf(['service', 'replicas'])).toBe(3);
    expect(doc.lineOf(['service', 'hosts', 1])).toBe(6);
    expect(doc.lineOf(['service', 'nope'])).toBeUndefined();
  });

  it('malformed YAML is a ConfigError with file and line', () => {
    expect(() => parseYaml('a: 1\nb: [1,\nc: 2\n', 'x/bad.yaml')).toThrow(
      'x/bad.yaml:3: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(() => parseYaml('a: 1\n---\nb: 2\n', 'multi.yaml')).toThrow(ConfigError);
  });

  it('a missing file is a ConfigError naming it', () => {
    expect(() => readYamlFile(root, 'missing.yaml')).toThrow('missing.yaml: cannot read file (ENOENT) (expected a readable YAML file)');
  });

  it('an empty file is null', () => {
    expect(parseYaml('', 'e.yaml').value).toBeNull();
    expect(parseYaml('# only a comment\n', 'e.yaml').value).toBeNull();
  });
});
