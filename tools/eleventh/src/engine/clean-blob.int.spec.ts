/**
 * A full render compares its files with the disk by blob id where the run's `git status` says a committed
 * file is unmodified (engine/apply.ts cleanBlobs). A generated file edited by hand — uncommitted, or
 * committed — must still be found and rendered back, and an untouched tree must stay untouched.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { createRecipedRepo, runEleventh } from '../testing/example-repo';

let repo: ReturnType<typeof createRecipedRepo>;
const FILE = 'environments/staging/payments/payments-api/deployment.yaml';
const abs = () => join(repo.root, FILE);
let rendered: string;

beforeAll(() => {
  repo = createRecipedRepo('eleventh-clean-blob-');
  rendered = readFileSync(abs(), 'utf8');
});
afterAll(() => repo.cleanup());

describe('render against committed blob ids', () => {
  it('an untouched tree: nothing written, the file not rewritten', () => {
    const before = statSync(abs()).mtimeMs;
    const res = runEleventh(repo.root, ['render']);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/0 file\(s\) changed/);
    expect(statSync(abs()).mtimeMs).toBe(before);
  });

  it('an uncommitted hand edit of a generated file is rendered back', () => {
    writeFileSync(abs(), rendered.replace('replicas:', 'replicas: 7 #'));
    const res = runEleventh(repo.root, ['render']);
    expect(res.status, res.stderr).toBe(0);
    expect(readFileSync(abs(), 'utf8')).toBe(rendered);
  });

  it('a committed hand edit of a generated file is rendered back too', () => {
    writeFileSync(abs(), `${rendered}# edited and committed\n`);
    git(['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', 'hand edit'], { cwd: repo.root });
    const check = runEleventh(repo.root, ['render', '--check']);
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain(FILE);
    const res = runEleventh(repo.root, ['render']);
    expect(res.status, res.stderr).toBe(0);
    expect(readFileSync(abs(), 'utf8')).toBe(rendered);
  });
});
