/**
 * No lost updates at CI scale: 8 clones, each with its own unpushed source commit, run
 * `recipe --commit --push` at once, while a `promote --commit --push` and a `rollback --commit --push`
 * race them — 10 real CLI processes into one bare remote. Every update lands, every time.
 *
 * One race per suite run (a round is about a minute of 10 CLIs on 2 cores); `ELEVENTH_RACES=3` runs more
 * rounds, each on a fresh remote, to hunt for a rare interleaving.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { commitAll, createReleaseRepo, ok, readRecipeFile, touchService } from './release-fixture';
import { cloneAs, runAsync, type RunResult } from './push-fixture';

/** Each racer touches one file of one service; two services are touched twice, in different files (no rebase conflict). */
const RACERS: readonly { readonly service: string; readonly file: string }[] = [
  { service: 'payments-api', file: 'main.ts' },
  { service: 'customer-api', file: 'main.ts' },
  { service: 'fraud-scorer', file: 'main.ts' },
  { service: 'ledger-worker', file: 'main.ts' },
  { service: 'notification-worker', file: 'main.ts' },
  { service: 'risk-report', file: 'main.ts' },
  { service: 'payments-api', file: 'payment.ts' },
  { service: 'customer-api', file: 'customer.ts' },
];

let base: ReturnType<typeof createReleaseRepo>;
let baseHead: string;
let dir: string;

function annotatedTag(root: string, name: string): void {
  git(['tag', '--annotate', '--message', `release ${name}`, name], { cwd: root });
}

/** preprod promoted at preprod-v1, then at preprod-v2; preprod-v3 tagged on main, not yet promoted. */
beforeAll(() => {
  base = createReleaseRepo('eleventh-race-');
  const root = base.root;
  annotatedTag(root, 'preprod-v1');
  ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--commit']);
  touchService(root, 'risk-report', 'risk-report: quarterly totals');
  ok(root, ['recipe', '--commit']);
  annotatedTag(root, 'preprod-v2');
  ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v2', '--commit']);
  touchService(root, 'ledger-worker', 'ledger-worker: idempotent postings');
  ok(root, ['recipe', '--commit']);
  annotatedTag(root, 'preprod-v3');
  baseHead = gitText(['rev-parse', 'HEAD'], { cwd: root });
  dir = mkdtempSync(join(tmpdir(), 'eleventh-race-'));
});
afterAll(() => {
  base.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function touchFile(root: string, service: string, file: string, message: string): void {
  appendFileSync(join(root, 'services', service, 'src', file), `// ${message}\n`);
  commitAll(root, message);
}

const attemptsOf = (r: RunResult): number => 1 + (r.stderr.match(/rejected \(attempt \d+/g) ?? []).length;

const ROUNDS = Array.from({ length: Math.max(1, Number(process.env.ELEVENTH_RACES) || 1) }, (_, i) => i + 1);

describe('10 racing release jobs into one bare remote', () => {
  it.each(ROUNDS)('race %i: every source commit, recipe, promotion and rollback lands', async (round) => {
    const started = Date.now();
    const work = join(dir, `round-${round}`);
    const remote = join(work, 'remote.git');
    git(['clone', '--quiet', '--bare', base.root, remote], { cwd: dir });
    const subjects = RACERS.map((r, i) => `${r.service}: race ${round} job ${i + 1} (${r.file})`);
    const clones = RACERS.map((r, i) => {
      const c = cloneAs(remote, work, `job-${i + 1}`);
      touchFile(c, r.service, r.file, subjects[i]);
      return c;
    });
    const promoter = cloneAs(remote, work, 'promoter');
    const rollbacker = cloneAs(remote, work, 'rollbacker');

    const raceStarted = Date.now();
    const results = await Promise.all([
      ...clones.map((c) => runAsync(c, ['recipe', '--commit', '--push'])),
      runAsync(promoter, ['promote', '--to', 'preprod', '--tag', 'preprod-v3', '--commit', '--push']),
      runAsync(rollbacker, ['rollback', 'preprod', '--to', 'preprod-v1', '--commit', '--push']),
    ]);
    const raceMs = Date.now() - raceStarted;
    results.forEach((r, i) => expect(r.status, `process ${i + 1} exited ${r.status}:\n${r.stderr}`).toBe(0));

    const check = cloneAs(remote, work, 'check');
    const log = gitText(['log', '--format=%H %s', `${baseHead}..HEAD`], { cwd: check })
      .split('\n')
      .map((line) => ({ sha: line.slice(0, 40), subject: line.slice(41) }));
    const landed = log.map((c) => c.subject);
    for (const s of subjects) expect(landed).toContain(s);

    const staging = readRecipeFile(check, 'staging');
    for (const service of new Set(RACERS.map((r) => r.service))) {
      const newest = log.find((c) => subjects.includes(c.subject) && c.subject.startsWith(`${service}: `));
      expect(staging.services[service].commit, service).toBe(newest?.sha);
    }
    expect(landed.filter((s) => s.startsWith('eleventh recipe staging:'))).toHaveLength(RACERS.length);

    const promotion = landed.findIndex((s) => s.startsWith('eleventh promote preprod'));
    const rollback = landed.findIndex((s) => s.startsWith('eleventh rollback preprod'));
    expect(promotion, landed.join('\n')).toBeGreaterThanOrEqual(0);
    expect(rollback, landed.join('\n')).toBeGreaterThanOrEqual(0);
    // `log` is newest first: whichever of the two landed last decides what preprod runs now.
    expect(readRecipeFile(check, 'preprod').promotedFrom?.tag).toBe(rollback < promotion ? 'preprod-v1' : 'preprod-v3');

    expect(gitText(['status', '--porcelain'], { cwd: check })).toBe('');
    const verify = await runAsync(check, ['verify']);
    expect(verify.status, `${verify.stdout}\n${verify.stderr}`).toBe(0);

    const attempts = results.map(attemptsOf);
    console.log(
      `race ${round}: 10 processes in ${(raceMs / 1000).toFixed(1)} s (whole round ${((Date.now() - started) / 1000).toFixed(1)} s); ` +
        `attempts per process ${attempts.join(',')}; slowest ${(Math.max(...results.map((r) => r.ms)) / 1000).toFixed(1)} s`,
    );
  }, 600_000);
});
