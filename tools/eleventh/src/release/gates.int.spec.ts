/** promotion.soak and promotion.freeze on a real history (committer times from git), with and without --break-glass. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inWindow, weekMinute } from '../config/promotion';
import { git, gitText } from '../git/run';
import { cli, commitAll, createReleaseRepo, ok, readRecipeFile, snapshotTree, touchService } from './release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
let root: string;

function setPromotion(env: string, extra: string): void {
  const path = join(root, `environments/${env}/environment.yaml`);
  const text = readFileSync(path, 'utf8').replace(/\npromotion:\n(  .*\n)+/, `\npromotion:\n  from: ${env === 'preprod' ? 'staging' : 'preprod'}\n  tags: '${env}-v*'\n${extra}`);
  writeFileSync(path, text);
  commitAll(root, `${env}: gates`);
}

/** Commit (with `eleventh recipe --commit`) at a committer time `hoursAgo` hours in the past. */
function recipeCommitAt(hoursAgo: number): void {
  const when = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const env = { GIT_COMMITTER_DATE: when, GIT_AUTHOR_DATE: when };
  const res = cli(root, 'recipe');
  expect(res.status, res.stderr).toBe(0);
  git(['add', '--all', '--', 'environments'], { cwd: root });
  git(['commit', '--quiet', '-m', 'eleventh recipe staging'], { cwd: root, env });
}

function refused(args: string[], message: string | RegExp): void {
  const before = snapshotTree(root, 'environments');
  const head = gitText(['rev-parse', 'HEAD'], { cwd: root });
  const res = cli(root, ...args);
  expect(res.status, res.stdout).toBe(2);
  expect(res.stderr).toMatch(message);
  expect(res.stderr).not.toMatch(/\n\s+at /);
  expect(snapshotTree(root, 'environments')).toEqual(before);
  expect(gitText(['rev-parse', 'HEAD'], { cwd: root })).toBe(head);
}

beforeAll(() => {
  repo = createReleaseRepo();
  root = repo.root;
  setPromotion('preprod', '  soak: 24h\n');
});
afterAll(() => repo.cleanup());

describe('promotion.soak', () => {
  it('refuses a source release younger than the soak, saying when it will be ready', () => {
    touchService(root, 'payments-api');
    recipeCommitAt(1);
    git(['tag', 'preprod-v1'], { cwd: root });
    refused(['promote', '--to', 'preprod', '--tag', 'preprod-v1'], /promotion.soak '24h': staging's release \([0-9a-f]{12}\) has stood 1\.0h \(expected at least 24h; ready at 20\d\d-/);
  });

  it('refuses a release that was replaced before it had soaked', () => {
    touchService(root, 'customer-api');
    recipeCommitAt(0);
    refused(['promote', '--to', 'preprod', '--tag', 'preprod-v1'], /stood only 1\.0h before [0-9a-f]{12} replaced it \(expected at least 24h\)/);
  });

  it('--break-glass passes the gate and records the reason in the commit', () => {
    ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--break-glass', 'INC-42: card data leak fix', '--commit']);
    expect(readRecipeFile(root, 'preprod').promotedFrom?.tag).toBe('preprod-v1');
    expect(gitText(['log', '-1', '--format=%B'], { cwd: root })).toContain('Eleventh-Break-Glass: INC-42: card data leak fix');
  });

  it('promotes a release that has stood for longer than the soak', () => {
    touchService(root, 'ledger-worker');
    recipeCommitAt(30);
    git(['tag', 'preprod-v2'], { cwd: root });
    ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v2', '--commit']);
    expect(gitText(['log', '-1', '--format=%B'], { cwd: root })).not.toContain('Break-Glass');
  });
});

describe('promotion.freeze', () => {
  const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  it('refuses during a dated freeze window, naming the window and its reason; --break-glass passes', () => {
    setPromotion('prod', `  freeze:\n    - from: '${day(-1)}'\n      to: '${day(2)}'\n      reason: year-end\n`);
    git(['tag', 'prod-v1'], { cwd: root });
    refused(['promote', '--to', 'prod', '--tag', 'prod-v1'], /environments\/prod\/environment\.yaml:\d+: prod is frozen: .* \(year-end\) \(expected no promotion now, or --break-glass "reason"\)/);
    ok(root, ['promote', '--to', 'prod', '--tag', 'prod-v1', '--break-glass', 'regulator deadline', '--commit']);
    expect(gitText(['log', '-1', '--format=%B'], { cwd: root })).toContain('Eleventh-Break-Glass: regulator deadline');
  });

  it('refuses during a weekly window around now', () => {
    const names = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const now = new Date();
    const today = names[(now.getUTCDay() + 6) % 7];
    const tomorrow = names[(now.getUTCDay() + 7) % 7];
    const hh = String(now.getUTCHours()).padStart(2, '0');
    setPromotion('prod', `  freeze:\n    - weekly: {from: '${today} ${hh}:00', to: '${tomorrow} ${hh}:00'}\n`);
    git(['tag', 'prod-v2'], { cwd: root });
    refused(['promote', '--to', 'prod', '--tag', 'prod-v2'], /prod is frozen: weekly .* UTC/);
  });

  it('rollbacks pass no gate: they restore a release prod already ran', () => {
    ok(root, ['rollback', 'prod', '--to', 'prod-v1', '--commit']);
  });

  it('weekly windows wrap past Sunday midnight', () => {
    const w = { kind: 'weekly' as const, from: weekMinute('fri 16:00'), to: weekMinute('mon 08:00'), text: '' };
    expect(inWindow(w, Date.parse('2026-12-05T12:00:00Z'))).toBe(true); // a Saturday
    expect(inWindow(w, Date.parse('2026-12-07T07:59:00Z'))).toBe(true); // Monday morning
    expect(inWindow(w, Date.parse('2026-12-07T08:00:00Z'))).toBe(false);
    expect(inWindow(w, Date.parse('2026-12-03T12:00:00Z'))).toBe(false); // a Thursday
  });
});
