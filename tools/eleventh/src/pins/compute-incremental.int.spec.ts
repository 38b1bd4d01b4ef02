import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { git } from '../git/run';
import { commitFiles, moduleSource, writeFiles, type FixtureRepo } from '../testing/fixture';
import { computePins } from './compute';
import { DirtyInputsError } from './errors';
import { commits, pinsRepo, withFakeCommits } from './pins-fixture';

const FAKE = 'f'.repeat(40);

describe('incremental runs: previous pins', () => {
  let repo: FixtureRepo;
  beforeEach(() => (repo = pinsRepo()));
  afterEach(() => repo.cleanup());

  it('unchanged services keep their previous pin without a history walk; changed ones are walked', async () => {
    const first = await computePins({ root: repo.root, previous: new Map() });
    expect(first.changed).toEqual(['api', 'billing', 'cron', 'worker']);
    const c = commitFiles(repo.root, { 'services/shared/runtime/src/index.ts': moduleSource(['@acme/logging'], 'v2') }, 'runtime v2');
    // `c` is on the first-parent line but is not where billing/cron/worker changed: had the walk covered
    // them, it would have found their real commit instead of keeping `c`.
    const second = await computePins({ root: repo.root, previous: withFakeCommits(first.pins, c) });
    expect(commits(second)).toEqual({ api: c, billing: c, cron: c, worker: c });
    expect(second.changed).toEqual(['api']);
    expect(second.pins.get('api')?.inputs).not.toBe(first.pins.get('api')?.inputs);
    expect(second.pins.get('worker')).toEqual({ commit: c, inputs: first.pins.get('worker')?.inputs });
  });

  it('a kept pin off the first-parent line (a branch commit, before its merge) is looked up again', async () => {
    const first = await computePins({ root: repo.root, previous: new Map() });
    const previous = new Map(first.pins);
    previous.set('worker', { commit: FAKE, inputs: first.pins.get('worker')!.inputs });
    const second = await computePins({ root: repo.root, previous });
    expect(second.pins.get('worker')).toEqual(first.pins.get('worker'));
    expect(second.changed).toEqual(['worker']);
  });

  it('a change merged from a branch whose recipe was committed there pins to the merge commit', async () => {
    const first = await computePins({ root: repo.root, previous: new Map() });
    git(['checkout', '--quiet', '-b', 'feature'], { cwd: repo.root });
    const onBranch = commitFiles(repo.root, { 'services/shared/runtime/src/index.ts': moduleSource(['@acme/logging'], 'v3') }, 'runtime v3 on a branch');
    const branchPins = (await computePins({ root: repo.root, previous: first.pins })).pins;
    expect(branchPins.get('api')?.commit).toBe(onBranch);
    git(['checkout', '--quiet', 'main'], { cwd: repo.root });
    git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'merge', '--quiet', '--no-ff', '-m', 'merge feature', 'feature'], { cwd: repo.root });
    const merge = git(['rev-parse', 'HEAD'], { cwd: repo.root }).stdout.trim();
    const after = await computePins({ root: repo.root, previous: branchPins });
    expect(after.pins.get('api')).toEqual({ commit: merge, inputs: branchPins.get('api')!.inputs });
    expect(after.changed).toEqual(['api']);
  });

  it('a run with the same pins as before reports nothing changed', async () => {
    const first = await computePins({ root: repo.root, previous: new Map() });
    const second = await computePins({ root: repo.root, previous: first.pins });
    expect(second.changed).toEqual([]);
    expect(second.pins).toEqual(first.pins);
  });

  it('a stale identity in the previous run makes the service walked again, even at the same commit', async () => {
    const first = await computePins({ root: repo.root, previous: new Map() });
    const previous = new Map(first.pins);
    previous.set('cron', { commit: repo.initial, inputs: '0'.repeat(64) });
    const second = await computePins({ root: repo.root, previous });
    expect(second.changed).toEqual(['cron']);
    expect(second.pins.get('cron')).toEqual(first.pins.get('cron'));
  });

  it('manifest-only changes (deploy.ts, platform kit) keep every identity', async () => {
    repo.cleanup();
    repo = pinsRepo({ platform: true });
    const first = await computePins({ root: repo.root, previous: new Map() });
    const kit = join(repo.root, 'platform/src/index.ts');
    commitFiles(repo.root, { 'platform/src/index.ts': `${readFileSync(kit, 'utf8')}// kit change\n` }, 'kit');
    commitFiles(repo.root, { 'services/cron/deploy.ts': '// replaced manifest\nexport default {};\n' }, 'deploy');
    const second = await computePins({ root: repo.root, previous: first.pins });
    expect(second.changed).toEqual([]);
    expect(commits(second)).toEqual(commits(first));
  });
});

describe('uncommitted image inputs', () => {
  let repo: FixtureRepo;
  beforeEach(() => (repo = pinsRepo()));
  afterEach(() => {
    vi.restoreAllMocks();
    repo.cleanup();
  });

  it('refuses unstaged, staged and untracked changes to image inputs, naming files and services', async () => {
    writeFiles(repo.root, {
      'services/shared/logging/src/index.ts': moduleSource([], 'dirty'),
      'services/worker/src/new.ts': 'export const n = 1;\n',
      'services/cron/src/staged.ts': 'export const s = 1;\n',
    });
    git(['add', '--', 'services/cron/src/staged.ts'], { cwd: repo.root });
    const run = computePins({ root: repo.root, previous: new Map() });
    await expect(run).rejects.toBeInstanceOf(DirtyInputsError);
    const error = (await run.catch((e: unknown) => e)) as DirtyInputsError;
    expect(error.exitCode).toBe(2);
    expect(error.files).toEqual([
      'services/cron/src/staged.ts',
      'services/shared/logging/src/index.ts',
      'services/worker/src/new.ts',
    ]);
    expect(error.services).toEqual(['api', 'billing', 'cron', 'worker']);
    expect(error.report()).toContain('commit them or pass --allow-dirty');
  });

  it('refuses a deleted input file', async () => {
    writeFiles(repo.root, { 'services/cron/Dockerfile': null });
    await expect(computePins({ root: repo.root, previous: new Map() })).rejects.toThrow(
      /image inputs of cron: commit them or pass --allow-dirty\n {2}services\/cron\/Dockerfile/,
    );
  });

  it('ignores uncommitted changes that are not image inputs', async () => {
    writeFiles(repo.root, {
      'services/api/README.md': '# edited\n',
      'services/api/deploy.ts': '// edited\n',
      'services/api/src/main.spec.ts': '// edited\n',
      'notes.txt': 'scratch\n',
    });
    const result = await computePins({ root: repo.root, previous: new Map() });
    expect(commits(result).api).toBe(repo.initial);
  });

  it('with allowDirty, pins stay HEAD-based and a warning goes to stderr', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    writeFiles(repo.root, { 'services/shared/runtime/src/index.ts': moduleSource([], 'dirty') });
    const result = await computePins({ root: repo.root, previous: new Map(), allowDirty: true });
    expect(commits(result)).toEqual({ api: repo.initial, billing: repo.initial, cron: repo.initial, worker: repo.initial });
    const written = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(written).toContain('warning: uncommitted changes to image inputs of api');
    expect(written).toContain('services/shared/runtime/src/index.ts');
  });
});
