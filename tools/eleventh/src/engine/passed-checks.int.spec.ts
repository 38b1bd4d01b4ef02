/**
 * Remembered checks (passed-checks.ts): a `render` after a run that checked the same bytes with the same checker
 * runs no check; anything that changes the bytes or the checker checks again, and `verify` always checks. Each
 * case runs the real CLI on a reciped copy of the example with the spec's own engine cache, and reads the counts
 * from the line ELEVENTH_TIMING prints.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';

let repo: ExampleRepo;
let cache: string;
const file = () => join(cache, 'passed-checks.txt');

beforeAll(() => {
  repo = createRecipedRepo('eleventh-passed-checks-');
  cache = mkdtempSync(join(tmpdir(), 'eleventh-passed-checks-cache-'));
}, 120_000);
afterAll(() => {
  repo?.cleanup();
  if (cache) rmSync(cache, { recursive: true, force: true });
});

function run(args: string[]): { status: number; stderr: string; remembered: number; passed: number } {
  const res = runEleventh(repo.root, args, { ELEVENTH_TIMING: '1', ELEVENTH_CACHE_DIR: cache });
  const m = /^eleventh: checks (\d+) remembered, (\d+) passed$/m.exec(res.stderr);
  if (!m) throw new Error(`no checks line in:\n${res.stderr}`);
  return { status: res.status, stderr: res.stderr, remembered: Number(m[1]), passed: Number(m[2]) };
}

describe('checks remembered by the bytes they passed', () => {
  let folders = 0;

  it('a first render checks every service and remembers each folder', () => {
    const out = run(['render']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.remembered).toBe(0);
    expect(out.passed).toBeGreaterThan(5);
    folders = out.passed;
    const lines = readFileSync(file(), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('eleventh passed-checks 1');
    expect(lines.slice(1)).toHaveLength(folders);
    expect(lines.slice(1).every((l) => /^[0-9a-f]{32}$/.test(l))).toBe(true);
  });

  it('render --check of the same tree checks nothing again, and leaves the file as it was', () => {
    const before = readFileSync(file(), 'utf8');
    const out = run(['render', '--check']);
    expect(out.status, out.stderr).toBe(0);
    expect([out.remembered, out.passed]).toEqual([folders, 0]);
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it('verify checks every service again, whatever the file holds', () => {
    const out = run(['verify']);
    expect(out.stderr).not.toMatch(/render\/fails/);
    expect(out.remembered).toBe(0);
    expect(out.passed).toBeGreaterThanOrEqual(folders);
  });

  it('a changed deploy.ts is checked again, and its finding is reported although the cache is warm', () => {
    const deploy = join(repo.root, 'services/risk-report/deploy.ts');
    const original = readFileSync(deploy, 'utf8');
    try {
      writeFileSync(deploy, original.replace("schedule: '0 6 * * *'", "schedule: '0 6 * * *', customize: (objects) => objects.map((o) => Object.assign(o, { spek: 1 }))"));
      const res = runEleventh(repo.root, ['render', '--check'], { ELEVENTH_CACHE_DIR: cache });
      expect(res.status, res.stderr).toBe(2);
      expect(res.stderr).toMatch(/services\/risk-report\/deploy\.ts: [\w-]+: .*unknown field 'spek'/);
    } finally {
      writeFileSync(deploy, original);
    }
  });

  it("a change to the kit checks again every service that renders with it (the checker is part of the key); promoted environments render with their release's kit", () => {
    const policy = join(repo.root, 'platform/src/policies/index.ts');
    const original = readFileSync(policy, 'utf8');
    try {
      appendFileSync(policy, '// a kit edit\n');
      const out = run(['render', '--check']);
      expect(out.stderr).not.toMatch(/unknown field/);
      // The environments that follow main render with the edited kit; the promoted ones with their release's.
      expect(out.passed).toBeGreaterThan(0);
      expect(out.remembered).toBeGreaterThan(0);
      expect(out.remembered + out.passed).toBe(folders);
    } finally {
      writeFileSync(policy, original);
    }
  });

  it('an unreadable file only costs the checks: it is read as empty and written anew', () => {
    writeFileSync(file(), 'not the format\nabc\n');
    const out = run(['render', '--check']);
    expect(out.status, out.stderr).toBe(0);
    expect([out.remembered, out.passed]).toEqual([0, folders]);
    expect(readFileSync(file(), 'utf8').split('\n')[0]).toBe('eleventh passed-checks 1');
  });
});
