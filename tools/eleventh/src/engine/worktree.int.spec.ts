/**
 * withSources decides whether the work tree already holds a release's render sources. Given the run's own
 * `git status` (WorkTreeState) it must answer as the status-based check does: the repository itself only
 * when nothing a render reads differs, a materialised copy of the commit otherwise. Without a state it reads
 * the work tree itself, the same way (untracked files and files edited under a git mark included).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uncommittedPaths } from '../pins/dirty';
import { git } from '../git/run';
import { commitFiles, createFixtureRepo, headSha, type FixtureRepo } from '../testing/fixture';
import { withSources } from './worktree';

let repo: FixtureRepo;
let before: string;
const DEPLOY = 'services/alpha/deploy.ts';

/** Where withSources ran `fn`, and what deploy.ts held there. */
async function sourcesFor(commit: string): Promise<{ atRoot: boolean; deploy: string }> {
  const state = { head: headSha(repo.root), dirty: uncommittedPaths(repo.root) };
  return withSources(repo.root, commit, (dir) => ({ atRoot: dir === repo.root, deploy: readFileSync(join(dir, DEPLOY), 'utf8') }), state);
}

beforeAll(() => {
  repo = createFixtureRepo({ services: [{ name: 'alpha' }] });
  before = headSha(repo.root);
  commitFiles(repo.root, { 'README.md': 'not a render source\n', 'services/alpha/src/extra.ts': 'export const x = 1;\n' }, 'docs and code only');
});
afterAll(() => repo.cleanup());

describe('withSources with the run’s work-tree state', () => {
  it('uses the repository when the release is HEAD and the work tree is clean', async () => {
    expect(await sourcesFor(headSha(repo.root))).toMatchObject({ atRoot: true });
  });

  it('uses the repository for an older commit whose render sources equal HEAD’s', async () => {
    expect(await sourcesFor(before)).toMatchObject({ atRoot: true });
  });

  it('ignores uncommitted changes outside the render sources', async () => {
    writeFileSync(join(repo.root, 'README.md'), 'edited\n');
    writeFileSync(join(repo.root, 'services/alpha/src/untracked.ts'), 'export {};\n');
    expect(await sourcesFor(headSha(repo.root))).toMatchObject({ atRoot: true });
  });

  it('materialises the commit when a render source has an uncommitted change', async () => {
    const committed = readFileSync(join(repo.root, DEPLOY), 'utf8');
    writeFileSync(join(repo.root, DEPLOY), `${committed}// edited, not committed\n`);
    const got = await sourcesFor(headSha(repo.root));
    expect(got.atRoot).toBe(false);
    expect(got.deploy).toBe(committed);
    writeFileSync(join(repo.root, DEPLOY), committed);
  });

  it('materialises the commit when an untracked file would join the render sources', async () => {
    mkdirSync(join(repo.root, 'environments/staging/ns-new'), { recursive: true });
    writeFileSync(join(repo.root, 'environments/staging/ns-new/tenant.yaml'), '{}\n');
    expect(await sourcesFor(headSha(repo.root))).toMatchObject({ atRoot: false });
    rmSync(join(repo.root, 'environments/staging/ns-new'), { recursive: true });
  });

  it('materialises the commit when a render source was edited under skip-worktree, with or without the run’s state', async () => {
    const committed = readFileSync(join(repo.root, DEPLOY), 'utf8');
    writeFileSync(join(repo.root, DEPLOY), `${committed}// edited under a mark\n`);
    git(['update-index', '--skip-worktree', DEPLOY], { cwd: repo.root });
    try {
      expect(await sourcesFor(headSha(repo.root))).toEqual({ atRoot: false, deploy: committed });
      // Without a state (promote, rollback), withSources reads the work tree itself.
      const got = await withSources(repo.root, headSha(repo.root), (dir) => ({ atRoot: dir === repo.root, deploy: readFileSync(join(dir, DEPLOY), 'utf8') }));
      expect(got).toEqual({ atRoot: false, deploy: committed });
    } finally {
      git(['update-index', '--no-skip-worktree', DEPLOY], { cwd: repo.root });
      writeFileSync(join(repo.root, DEPLOY), committed);
    }
  });

  it('without the run’s state, materialises the commit when an untracked file would join the render sources', async () => {
    mkdirSync(join(repo.root, 'environments/staging/ns-new'), { recursive: true });
    writeFileSync(join(repo.root, 'environments/staging/ns-new/tenant.yaml'), '{}\n');
    try {
      const atRoot = await withSources(repo.root, headSha(repo.root), (dir) => dir === repo.root);
      expect(atRoot).toBe(false);
    } finally {
      rmSync(join(repo.root, 'environments/staging/ns-new'), { recursive: true });
    }
  });

  it('materialises an older commit whose deploy.ts differs from HEAD’s', async () => {
    const old = readFileSync(join(repo.root, DEPLOY), 'utf8');
    commitFiles(repo.root, { [DEPLOY]: `${old}// a later change\n` }, 'alpha: deploy.ts changed');
    const got = await sourcesFor(before);
    expect(got).toEqual({ atRoot: false, deploy: old });
  });
});
