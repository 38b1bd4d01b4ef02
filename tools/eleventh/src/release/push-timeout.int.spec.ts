/**
 * --push gives up on TIME, not on a count: against a remote that moves before every push of ours, the
 * retries back off, stop when the budget is spent, exit 75 (not 2: nothing was wrong with the input), say
 * that nothing was pushed and what to do — and the remote holds nothing of ours.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { PushRaceError } from './errors';
import { cloneAs, runAsync } from './push-fixture';
import { produceAndPush } from './push';
import { backoffMs, pushTimeoutSeconds, retryPolicy } from './push-retry';
import { createReleaseRepo, touchService } from './release-fixture';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'eleventh-push-timeout-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function commitFile(root: string, file: string, content: string): string {
  writeFileSync(join(root, file), content);
  git(['add', file], { cwd: root });
  git(['commit', '--quiet', '-m', `${file}: ${content.trim()}`], { cwd: root });
  return gitText(['rev-parse', 'HEAD'], { cwd: root });
}

const remoteHead = (remote: string): string => gitText(['rev-parse', 'refs/heads/main'], { cwd: remote });

describe('retry policy', () => {
  it('full jitter: each wait is below min(cap, max(base, attempt) · 2^(n-1)), and can be zero', () => {
    const top = { ...retryPolicy(), random: () => 0.999999 };
    // A quick attempt (50 ms) backs off in units of the 200 ms base …
    expect([1, 2, 3, 4, 8, 9, 20].map((n) => backoffMs(n, 50, top))).toEqual([199, 399, 799, 1599, 25599, 29999, 29999]);
    // … a slow one (3 s: plan, render, commit, push under load) in units of itself, so racers spread past it.
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 3000, top))).toEqual([2999, 5999, 11999, 23999, 29999]);
    expect(backoffMs(7, 3000, { ...top, random: () => 0 })).toBe(0);
  });

  it('ELEVENTH_PUSH_TIMEOUT is seconds; unset means 10 minutes; anything else is bad input', () => {
    expect(pushTimeoutSeconds({})).toBe(600);
    expect(pushTimeoutSeconds({ ELEVENTH_PUSH_TIMEOUT: '0' })).toBe(0);
    expect(pushTimeoutSeconds({ ELEVENTH_PUSH_TIMEOUT: '2.5' })).toBe(2.5);
    expect(() => pushTimeoutSeconds({ ELEVENTH_PUSH_TIMEOUT: '10m' })).toThrow("ELEVENTH_PUSH_TIMEOUT='10m' is not a number of seconds");
    expect(() => pushTimeoutSeconds({ ELEVENTH_PUSH_TIMEOUT: '-1' })).toThrow('is not a number of seconds');
  });
});

describe('produceAndPush against a remote that always moves first', () => {
  it('retries with backoff until the budget is spent, then throws PushRaceError; nothing of ours reaches the remote', async () => {
    const dir = tempDir();
    const remote = join(dir, 'remote.git');
    git(['init', '--quiet', '--bare', '--initial-branch=main', remote], { cwd: dir });
    const seed = cloneAs(remote, dir, 'seed');
    commitFile(seed, 'README', 'seed\n');
    git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { cwd: seed });
    const ours = cloneAs(remote, dir, 'ours');
    const racer = cloneAs(remote, dir, 'racer');
    commitFile(ours, 'ours.txt', 'our source change\n');

    let produced = 0;
    const log: string[] = [];
    const budgetMs = 1500;
    const started = Date.now();
    const attempt = produceAndPush({ root: ours, remote: 'origin', retry: { ...retryPolicy(), timeoutMs: budgetMs, baseMs: 20, capMs: 200 }, log: (l) => log.push(l) }, async () => {
      produced++;
      git(['pull', '--quiet', '--rebase', 'origin', 'main'], { cwd: racer });
      commitFile(racer, `theirs-${produced}.txt`, `landed first ${produced}\n`);
      git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { cwd: racer });
      commitFile(ours, 'generated.txt', `generated on attempt ${produced}\n`);
      return produced;
    });
    const err: unknown = await attempt.catch((e: unknown) => e);

    expect(err).toBeInstanceOf(PushRaceError);
    const race = (err as PushRaceError).race;
    expect(race.attempts).toBe(produced);
    expect(race.attempts).toBeGreaterThan(2);
    expect(race.elapsedMs).toBeGreaterThanOrEqual(budgetMs);
    expect(Date.now() - started).toBeLessThan(budgetMs + 5000);
    expect((err as PushRaceError).exitCode).toBe(75);
    expect(log).toHaveLength(produced - 1);
    expect(log[0]).toMatch(/^eleventh: push to origin\/main rejected \(attempt 1, [\d.]+ s of 1\.5 s\); retrying in \d+ ms: fetching, rebasing and re-computing$/);

    const landed = remoteHead(remote);
    expect(landed).toBe(gitText(['rev-parse', 'HEAD'], { cwd: racer }));
    expect(gitText(['log', '--format=%s', landed], { cwd: racer })).not.toMatch(/ours\.txt|generated\.txt/);
    // The generated commit is dropped; our own commit stays, rebased onto the remote as last fetched.
    expect(gitText(['log', '-1', '--format=%s'], { cwd: ours })).toBe('ours.txt: our source change');
    expect(gitText(['status', '--porcelain', '--untracked-files=no'], { cwd: ours })).toBe('');
  });
});

describe('produceAndPush against a remote whose hook declines', () => {
  it('does not retry what is not a race: GitError (exit 2) after one attempt', async () => {
    const dir = tempDir();
    const remote = join(dir, 'remote.git');
    git(['init', '--quiet', '--bare', '--initial-branch=main', remote], { cwd: dir });
    const ours = cloneAs(remote, dir, 'ours');
    commitFile(ours, 'README', 'seed\n');
    git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { cwd: ours });
    writeFileSync(join(remote, 'hooks', 'pre-receive'), '#!/bin/sh\necho "main is protected" >&2\nexit 1\n', { mode: 0o755 });
    const before = remoteHead(remote);
    let produced = 0;
    const attempt = produceAndPush({ root: ours, remote: 'origin', retry: { ...retryPolicy(), timeoutMs: 60_000 } }, async () => {
      commitFile(ours, 'generated.txt', `attempt ${++produced}\n`);
    });
    await expect(attempt).rejects.toThrow(/^git push --porcelain origin HEAD:refs\/heads\/main: exited 1: .*\[remote rejected\] \(pre-receive hook declined\)/s);
    await expect(attempt).rejects.toMatchObject({ exitCode: 2 });
    expect(produced).toBe(1);
    expect(remoteHead(remote)).toBe(before);
  });
});

describe('eleventh recipe --commit --push when the budget runs out', () => {
  let dir: string;
  let remote: string;
  let repo: ReturnType<typeof createReleaseRepo>;
  beforeAll(() => {
    repo = createReleaseRepo('eleventh-push-timeout-');
    dirs.push(repo.root);
    dir = tempDir();
    remote = join(dir, 'remote.git');
    git(['clone', '--quiet', '--bare', repo.root, remote], { cwd: dir });
  });

  it('exits 75 with the reason and what to do; the remote and our own commit are unchanged', async () => {
    const ours = cloneAs(remote, dir, 'ours');
    const racer = cloneAs(remote, dir, 'racer');
    const own = touchService(ours, 'payments-api', 'payments-api: faster refunds');
    touchService(racer, 'customer-api', 'customer-api: landed first');
    git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { cwd: racer });
    const before = remoteHead(remote);

    const res = await runAsync(ours, ['recipe', '--commit', '--push'], { ELEVENTH_PUSH_TIMEOUT: '0' });

    expect(res.status, res.stderr).toBe(75);
    expect(res.stderr).toMatch(
      /^eleventh: push to origin\/main gave up after 1 rejected attempt in [\d.]+ s \(time budget 0\.0 s\): other jobs kept landing first\. Nothing of ours was pushed; the generated commits were dropped and your own commits are left as they were\.\nhint: run the command again, or give it longer with ELEVENTH_PUSH_TIMEOUT=SECONDS \(default 600\)$/m,
    );
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(remoteHead(remote)).toBe(before);
    expect(gitText(['rev-parse', 'HEAD'], { cwd: ours })).toBe(own);
    expect(gitText(['status', '--porcelain'], { cwd: ours })).toBe('');
  });

  it('a bad ELEVENTH_PUSH_TIMEOUT is bad input: exit 2 before anything is written', async () => {
    const ours = cloneAs(remote, dir, 'bad-timeout');
    const own = touchService(ours, 'payments-api', 'payments-api: bad timeout');
    const res = await runAsync(ours, ['recipe', '--commit', '--push'], { ELEVENTH_PUSH_TIMEOUT: 'soon' });
    expect(res.status, res.stderr).toBe(2);
    expect(res.stderr).toContain("eleventh: ELEVENTH_PUSH_TIMEOUT='soon' is not a number of seconds");
    expect(gitText(['rev-parse', 'HEAD'], { cwd: ours })).toBe(own);
    expect(gitText(['status', '--porcelain'], { cwd: ours })).toBe('');
  });
});
