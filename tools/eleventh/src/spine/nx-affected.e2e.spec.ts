/**
 * `nx affected -t recipe` runs the environments project's one task whenever anything relevant changed —
 * a config-only edit and a deleted service included — and leaves the same files as `eleventh recipe`.
 * Generated files never make anything affected.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { commitFiles, REPO_ROOT } from '../testing/fixture';
import { snapshotTree } from './tree-snapshot';

let repo: ExampleRepo;
const copies: string[] = [];

function nx(cwd: string, args: string[]) {
  const bin = join(REPO_ROOT, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true' } });
}

function affectedProjects(cwd: string): string[] {
  const res = nx(cwd, ['show', 'projects', '--affected', '--base=HEAD~1', '--head=HEAD']);
  expect(res.status, res.stderr).toBe(0);
  return res.stdout.split('\n').filter(Boolean).sort();
}

/** A copy of the repository (with its .git) so two runs can be compared side by side. */
function copyRepo(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'eleventh-affected-')), 'repo');
  cpSync(repo.root, dir, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.includes('/.nx') });
  copies.push(dir);
  return dir;
}

beforeAll(() => {
  repo = createRecipedRepo();
});
afterAll(() => {
  repo.cleanup();
  for (const c of copies) rmSync(join(c, '..'), { recursive: true, force: true });
});

const read = (p: string) => readFileSync(join(repo.root, p), 'utf8');

describe('nx affected -t recipe', () => {
  it('is not triggered by a change to generated files only', () => {
    const file = 'environments/staging/recipe.yaml';
    commitFiles(repo.root, { [file]: `${read(file)}# touched\n` }, 'touch a generated file');
    expect(affectedProjects(repo.root)).not.toContain('environments');
    git(['revert', '--no-edit', 'HEAD'], { cwd: repo.root });
  });

  it.each([
    ['a config-only edit', () => ({ 'environments/staging/payments/payments-api/overrides.yaml': 'replicas: 5\n' })],
    ['a service source change', () => ({ 'services/customer-api/src/main.ts': `${read('services/customer-api/src/main.ts')}\n// change\n` })],
    ['a deleted service', () => ({ 'services/notification-worker': null })],
  ] as const)('runs for %s and writes the same files as eleventh recipe', (_name, edit) => {
    const changes = edit() as Record<string, string | null>;
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) git(['rm', '-rq', path], { cwd: repo.root });
      else writeFileSync(join(repo.root, path), content);
    }
    git(['add', '--all'], { cwd: repo.root });
    git(['commit', '-q', '-m', `change: ${_name}`], { cwd: repo.root });
    expect(affectedProjects(repo.root)).toContain('environments');
    const viaNx = copyRepo();
    const viaCli = copyRepo();
    const res = nx(viaNx, ['affected', '-t', 'recipe', '--base=HEAD~1', '--head=HEAD', '--outputStyle=static']);
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toMatch(/environments:recipe/);
    expect(runEleventh(viaCli, ['recipe']).status).toBe(0);
    const a = [...snapshotTree(viaNx)].map(([p, s]) => [p, s.content]);
    const b = [...snapshotTree(viaCli)].map(([p, s]) => [p, s.content]);
    expect(a).toEqual(b);
    expect(git(['status', '--porcelain', 'environments'], { cwd: viaCli }).stdout).not.toBe('');
    git(['checkout', '-q', '--', '.'], { cwd: repo.root });
    expect(runEleventh(repo.root, ['recipe']).status).toBe(0);
    git(['add', '--all'], { cwd: repo.root });
    git(['commit', '-q', '-m', 'recipe'], { cwd: repo.root });
  });
});
