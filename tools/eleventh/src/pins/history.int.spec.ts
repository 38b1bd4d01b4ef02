import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles, createFixtureRepo, type FixtureRepo } from '../testing/fixture';
import { pathspecs, walkPaths } from './classify';
import { walkHistory, type CommitChange } from './history';

describe('walkHistory', () => {
  let repo: FixtureRepo;
  const made: string[] = [];
  beforeAll(() => {
    repo = createFixtureRepo({ prefix: 'eleventh-history-' });
    for (let i = 0; i < 30; i++) made.unshift(commitFiles(repo.root, { [`a/f${i}.txt`]: `${i}\n`, 'b/x.txt': `${i}\n` }, `c${i}`));
    made.push(repo.initial);
  });
  afterAll(() => repo.cleanup());

  it('streams commits newest first with the paths each changed, limited by pathspecs', async () => {
    const seen: CommitChange[] = [];
    const visited = await walkHistory({ root: repo.root, revs: ['HEAD'], paths: ['a'], visit: (c) => (seen.push(c), false) });
    expect(visited).toBe(30);
    expect(seen.map((c) => c.commit)).toEqual(made.slice(0, 30));
    expect(seen[0].paths).toEqual(['a/f29.txt']);
  });

  it('keeps only the paths the filter accepts, and skips commits left with none', async () => {
    const seen: CommitChange[] = [];
    const visited = await walkHistory({ root: repo.root, revs: ['HEAD'], paths: [], keep: (p) => p.startsWith('b/'), visit: (c) => (seen.push(c), false) });
    expect(visited).toBe(30);
    expect(seen.flatMap((c) => c.paths).every((p) => p === 'b/x.txt')).toBe(true);
    const none = await walkHistory({ root: repo.root, revs: ['HEAD'], paths: [], keep: () => false, visit: () => false });
    expect(none).toBe(0);
  });

  it('stops reading as soon as the visitor is satisfied', async () => {
    let calls = 0;
    const visited = await walkHistory({ root: repo.root, revs: ['HEAD'], paths: [], visit: () => ++calls === 3 });
    expect(visited).toBe(3);
  });

  it('walks a range', async () => {
    const seen: string[] = [];
    await walkHistory({ root: repo.root, revs: [`${made[5]}..HEAD`], paths: [], visit: (c) => (seen.push(c.commit), false) });
    expect(seen).toEqual(made.slice(0, 5));
  });

  it('fails with the git command on a bad revision', async () => {
    await expect(walkHistory({ root: repo.root, revs: ['nope'], paths: [], visit: () => false })).rejects.toThrow(/git .*log.*nope/);
  });
});

describe('pathspecs', () => {
  it('keeps few paths and collapses many to their top-level folders', () => {
    expect(pathspecs(['services/b', 'services/a', 'package-lock.json'])).toEqual(['package-lock.json', 'services/a', 'services/b']);
    const many = Array.from({ length: 100 }, (_, i) => `services/s${i}`);
    expect(pathspecs([...many, 'package-lock.json'])).toEqual(['package-lock.json', 'services']);
    expect(pathspecs(['services/a', '.'])).toEqual([]);
  });

  it('asks git for the whole tree and filters by top-level folder once the paths are many', () => {
    expect(walkPaths(['services/a', 'package-lock.json'])).toEqual({ specs: ['services/a', 'package-lock.json'].sort() });
    const many = walkPaths([...Array.from({ length: 100 }, (_, i) => `services/s${i}`), 'package-lock.json']);
    expect(many.specs).toEqual([]);
    expect(['services/s1/a.ts', 'package-lock.json', 'services', 'docs/a.md', 'environments/x/y.yaml', 'servicesx/a'].map((p) => many.keep!(p))).toEqual([true, true, true, false, false, false]);
    expect(walkPaths(['services/a', '.'])).toEqual({ specs: [] });
  });
});
