/**
 * `git status` does not look at files marked assume-unchanged or skip-worktree. The engine must: an image
 * input edited under a mark is still an uncommitted change (refused, or pinned at HEAD with --allow-dirty), and
 * a deploy.ts edited under one is still type-checked before it runs, and preview's snapshot holds the edit. A
 * marked file equal to its index entry is no change, and so is an absent skip-worktree file (a sparse checkout).
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { environmentsSnapshot, worktreeStatus } from '../testing/untouched';
import { uncommittedPaths } from './dirty';
import { snapshotWorkTree } from '../preview/snapshot';

let repo: ExampleRepo;
const INPUT = 'services/payments-api/src/main.ts';
const DEPLOY = 'services/payments-api/deploy.ts';
const OTHER = 'services/customer-api/src/main.ts';
const mark = (flag: string, ...paths: string[]) => git(['update-index', flag, '--', ...paths], { cwd: repo.root });

beforeAll(() => {
  repo = createRecipedRepo('eleventh-marks-');
});
afterAll(() => repo.cleanup());
afterEach(() => {
  mark('--no-skip-worktree', INPUT, DEPLOY, OTHER);
  mark('--no-assume-unchanged', INPUT, DEPLOY, OTHER);
  git(['checkout', '--', INPUT, DEPLOY, OTHER], { cwd: repo.root });
});

describe('files git status is told not to look at', () => {
  it('count as changed when their bytes differ from the index, or an assume-unchanged one is gone', () => {
    appendFileSync(join(repo.root, INPUT), '// hidden\n');
    mark('--skip-worktree', INPUT);
    appendFileSync(join(repo.root, DEPLOY), '// hidden\n');
    mark('--assume-unchanged', DEPLOY);
    rmSync(join(repo.root, OTHER));
    mark('--assume-unchanged', OTHER);
    expect(git(['status', '--porcelain'], { cwd: repo.root }).stdout).toBe(''); // what git status alone says
    expect(uncommittedPaths(repo.root)).toEqual([OTHER, DEPLOY, INPUT].sort());
  });

  it('a skip-worktree file that is absent is a sparse checkout’s: no change', () => {
    rmSync(join(repo.root, OTHER));
    mark('--skip-worktree', OTHER);
    expect(uncommittedPaths(repo.root)).toEqual([]);
  });

  it('preview’s snapshot holds an edit made under a mark, and the real index keeps its marks', () => {
    appendFileSync(join(repo.root, INPUT), '// hidden\n');
    mark('--skip-worktree', INPUT);
    rmSync(join(repo.root, OTHER));
    mark('--skip-worktree', OTHER); // absent: a sparse checkout's, not a deletion
    const snap = snapshotWorkTree(repo.root);
    expect(snap.changed).toEqual([INPUT]);
    expect(git(['show', `${snap.commit}:${INPUT}`], { cwd: repo.root }).stdout).toBe(readFileSync(join(repo.root, INPUT), 'utf8'));
    expect(git(['ls-files', '-v', '--', INPUT, OTHER], { cwd: repo.root }).stdout).toBe(`S ${OTHER}\nS ${INPUT}\n`);
  });

  it('do not count when they equal the index', () => {
    mark('--skip-worktree', INPUT);
    mark('--assume-unchanged', DEPLOY);
    expect(uncommittedPaths(repo.root)).toEqual([]);
    const res = runEleventh(repo.root, ['recipe']);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toContain('0 file(s) changed');
  }, 120_000);

  it('recipe refuses an image input edited under skip-worktree: exit 2, naming it, nothing written', () => {
    appendFileSync(join(repo.root, INPUT), '// hidden\n');
    mark('--skip-worktree', INPUT);
    const before = environmentsSnapshot(repo.root);
    const res = runEleventh(repo.root, ['recipe']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(`uncommitted changes to image inputs of payments-api`);
    expect(res.stderr).toContain(INPUT);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(environmentsSnapshot(repo.root)).toEqual(before);
  }, 120_000);

  it('a deploy.ts edited under assume-unchanged is type-checked before it runs', () => {
    const marker = join(repo.root, 'ran.txt');
    writeFileSync(join(repo.root, DEPLOY), `${readFileSync(join(repo.root, DEPLOY), 'utf8')}\nrequire('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nconst n: number = 'oops';\n`);
    mark('--assume-unchanged', DEPLOY);
    const status = worktreeStatus(repo.root);
    const res = runEleventh(repo.root, ['policy']);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/services\/payments-api\/deploy\.ts:\d+:\d+: type error TS2322/);
    expect(() => readFileSync(marker)).toThrow();
    expect(worktreeStatus(repo.root)).toEqual(status);
  }, 120_000);
});
