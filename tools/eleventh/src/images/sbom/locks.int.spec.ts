import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles } from '../../testing/fixture-git';
import { withGitCalls } from '../../testing/git-calls';
import { git } from '../../git/run';
import { lockEntriesAt } from './input';
import { LocksAtPins } from './locks';

const lock = (version: string): string => `${JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, 'node_modules/zod': { version, integrity: `sha512-${version}`, resolved: `https://registry.npmjs.org/zod/-/zod-${version}.tgz` } } }, null, 2)}\n`;

let root: string;
const pins: Record<string, string> = {};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-locks-'));
  git(['init', '--quiet', '-b', 'main'], { cwd: root });
  git(['config', 'user.email', 'test@example.com'], { cwd: root });
  git(['config', 'user.name', 'Test'], { cwd: root });
  pins.none = commitFiles(root, { 'README.md': 'no lockfile yet\n' }, 'no lockfile');
  pins.v1 = commitFiles(root, { 'package-lock.json': lock('3.22.0') }, 'lock v1');
  pins.v1again = commitFiles(root, { 'src/a.ts': 'export {};\n' }, 'same lockfile');
  pins.v2 = commitFiles(root, { 'package-lock.json': lock('3.23.1') }, 'lock v2');
  pins.broken = commitFiles(root, { 'package-lock.json': '{ not json' }, 'broken lockfile');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('LocksAtPins', () => {
  it('gives each pin what `git show <pin>:package-lock.json` gives, missing, unreadable and unknown pins included', () => {
    const locks = new LocksAtPins(root);
    locks.prefetch(Object.values(pins));
    for (const pin of [...Object.values(pins), 'e'.repeat(40)]) expect(locks.at(pin)).toEqual(lockEntriesAt(root, pin));
    expect(locks.at(pins.v2).get('node_modules/zod')?.version).toBe('3.23.1');
    expect(locks.at(pins.none).size).toBe(0);
  });

  it('asks git once for every pin and reads each distinct lockfile once (not a git show per pin)', () => {
    const many = [...Array(30).keys()].map((i) => (i % 2 === 0 ? pins.v1 : pins.v1again)).concat(pins.v2, pins.none);
    const { result, calls } = withGitCalls(() => {
      const locks = new LocksAtPins(root);
      locks.prefetch(many);
      return many.map((p) => locks.at(p).get('node_modules/zod')?.version);
    });
    expect(result.slice(0, 30).every((v) => v === '3.22.0')).toBe(true);
    expect(result.slice(30)).toEqual(['3.23.1', undefined]);
    // One batch lookup; then one read per distinct lockfile (v1 and v1again share a blob).
    expect(calls).toEqual(['cat-file', 'cat-file', 'cat-file']);
  });

  it('the same parsed entries serve every pin with that lockfile', () => {
    const locks = new LocksAtPins(root);
    expect(locks.at(pins.v1)).toBe(locks.at(pins.v1again));
  });
});
