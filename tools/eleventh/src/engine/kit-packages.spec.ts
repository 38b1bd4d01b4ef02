import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kitPackagesIdentity } from './kit-packages';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function write(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
}

/** A source root with a local kit depending on `a` (which depends on `c`) and peer `b`, at the given versions. */
function root(versions: { a: string; c: string; nestedC?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-kit-packages-'));
  made.push(dir);
  write(join(dir, 'platform/src/index.ts'), 'export {};\n');
  write(join(dir, 'platform/package.json'), { name: '@eleventh/platform', dependencies: { 'eleventh-spec-a': '*' }, peerDependencies: { 'eleventh-spec-b': '*' } });
  write(join(dir, 'node_modules/eleventh-spec-a/package.json'), { name: 'eleventh-spec-a', version: versions.a, dependencies: { 'eleventh-spec-c': '*' } });
  write(join(dir, 'node_modules/eleventh-spec-b/package.json'), { name: 'eleventh-spec-b', version: '1.0.0' });
  write(join(dir, 'node_modules/eleventh-spec-c/package.json'), { name: 'eleventh-spec-c', version: versions.c });
  if (versions.nestedC) write(join(dir, 'node_modules/eleventh-spec-a/node_modules/eleventh-spec-c/package.json'), { name: 'eleventh-spec-c', version: versions.nestedC });
  return dir;
}

describe('kitPackagesIdentity: the packages the kit runs with', () => {
  it('is the same for the same packages in another folder', () => {
    expect(kitPackagesIdentity(root({ a: '1.0.0', c: '2.0.0' }))).toBe(kitPackagesIdentity(root({ a: '1.0.0', c: '2.0.0' })));
  });

  it('moves with a direct dependency and with a dependency of a dependency', () => {
    const base = kitPackagesIdentity(root({ a: '1.0.0', c: '2.0.0' }));
    expect(kitPackagesIdentity(root({ a: '1.0.1', c: '2.0.0' }))).not.toBe(base);
    expect(kitPackagesIdentity(root({ a: '1.0.0', c: '2.1.0' }))).not.toBe(base);
  });

  it('finds a nested copy first, as Node does', () => {
    const base = kitPackagesIdentity(root({ a: '1.0.0', c: '2.0.0' }));
    expect(kitPackagesIdentity(root({ a: '1.0.0', c: '2.0.0', nestedC: '3.0.0' }))).not.toBe(base);
  });

  it('is a sha256 in hex, and a kit without packages still has one', () => {
    const bare = mkdtempSync(join(tmpdir(), 'eleventh-kit-packages-'));
    made.push(bare);
    write(join(bare, 'platform/src/index.ts'), 'export {};\n');
    write(join(bare, 'platform/package.json'), { name: '@eleventh/platform' });
    expect(kitPackagesIdentity(bare)).toMatch(/^[0-9a-f]{64}$/);
    expect(kitPackagesIdentity(bare)).not.toBe(kitPackagesIdentity(root({ a: '1.0.0', c: '2.0.0' })));
  });
});
