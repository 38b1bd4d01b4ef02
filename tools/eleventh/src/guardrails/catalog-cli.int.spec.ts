/**
 * Issue 9 — the command line as a bad input: a catalog of command lines and environment variables, one row
 * each, run through the real `eleventh` against a reciped copy of the example organisation (tagged
 * preprod-v1). Every row: exit 2, the message on the first line (a `hint:` line may follow), stdout empty
 * (under --json too), no stack trace, `git status` and every entry under environments/ unchanged.
 *
 * Rows the other specs hold are not repeated here: cli/usage.int.spec.ts (unknown commands and options,
 * missing values and arguments, every option's choices, outside a repository), cli/json.int.spec.ts (an
 * unknown --env under --json), catalog-files (explain of a missing service, --base/--head garbage, shallow
 * clones), catalog-deployts (ELEVENTH_DEPLOY_TIMEOUT=soon).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentsSnapshot as snapshot, worktreeStatus as status } from '../testing/untouched';
import { git } from '../git/run';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';

const NOT_A_DATE = "is not a date (expected YYYY-MM-DD or an ISO 8601 time with its zone, e.g. 2026-03-01T12:00:00Z)";
const ENVS = 'ops-staging, preprod, prod, staging';

interface Row {
  readonly name: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Where it runs: the example repository (default), a git repository that is not an Eleventh monorepo. */
  readonly in?: 'repo' | 'plain-git';
  /** The whole first line of the message, or a part of it. */
  readonly says: string;
}

const ROWS: readonly Row[] = [
  // --env naming an unknown environment, and empty values
  { name: 'policy --env stagin --json: did you mean, stdout empty', args: ['policy', '--env', 'stagin', '--json'], says: `environments/stagin: unknown environment 'stagin' (did you mean 'staging'?) (expected one of: ${ENVS})` },
  { name: 'render --env prodd --json', args: ['render', '--env', 'prodd', '--json'], says: "environments/prodd: unknown environment 'prodd' (did you mean 'prod'?)" },
  { name: 'verify --env staging,nope (one bad name in a list)', args: ['verify', '--env', 'staging,nope'], says: `environments/nope: unknown environment 'nope' (expected one of: ${ENVS})` },
  { name: 'render --env= is not every environment', args: ['render', '--env='], says: "eleventh: render: --env needs a value (expected --env E, got '')" },
  { name: "policy --env '' (an unset shell variable)", args: ['policy', '--env', ''], says: "eleventh: policy: --env needs a value (expected --env E, got '')" },
  { name: 'promote --push= (an empty remote)', args: ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--push='], says: "eleventh: promote: --push needs a value (expected --push remote, got '')" },
  { name: "promote --break-glass ' ' (a blank reason)", args: ['promote', '--to', 'preprod', '--from', '--break-glass', ' '], says: "eleventh: promote: --break-glass needs a value (expected --break-glass reason, got ' ')" },
  { name: 'policy --jsno (did you mean)', args: ['policy', '--jsno'], says: "eleventh: policy: unknown option '--jsno' (did you mean '--json'?)" },
  // names that are not there
  { name: 'diff stagin prod (did you mean)', args: ['diff', 'stagin', 'prod'], says: "eleventh: diff: 'stagin' is neither an environment nor a git revision (did you mean 'staging'?) (expected an environment" },
  { name: 'diff of an environment and a revision', args: ['diff', 'staging', 'HEAD'], says: "eleventh: diff: compare two environments or two revisions, not one of each ('staging', 'HEAD')" },
  { name: 'history of an unknown environment', args: ['history', 'nope', '--json'], says: "environments/nope: unknown environment 'nope'" },
  { name: 'metrics --env stagin (did you mean, the one format)', args: ['metrics', '--env', 'stagin'], says: "eleventh: metrics: unknown environment 'stagin' (did you mean 'staging'?) (expected one of: staging, preprod, prod, ops-staging)" },
  { name: 'pins --service payments-ap (did you mean)', args: ['pins', '--service', 'payments-ap'], says: "eleventh: pins: no service 'payments-ap' (did you mean 'payments-api'?) (expected one of: customer-api, fraud-scorer" },
  { name: 'explain of a target with two parts', args: ['explain', 'staging/payments'], says: "eleventh: explain: expected <env>/<namespace>/<service>, got 'staging/payments'" },
  { name: 'explain of an unknown key --json', args: ['explain', 'staging/payments/payments-api', 'replicsa', '--json'], says: "staging/payments/payments-api: unknown key 'replicsa' (did you mean 'replicas'?)" },
  { name: 'promote to an unknown environment', args: ['promote', '--to', 'nope', '--tag', 'preprod-v1'], says: `environments/nope: unknown environment 'nope' (expected one of: ${ENVS})` },
  { name: 'promote a tag promotion.tags does not match (--json)', args: ['promote', '--to', 'prod', '--tag', 'preprod-v1', '--json'], says: 'eleventh: promote prod to preprod-v1 refused; nothing written:' },
  { name: 'promote an environment that follows main', args: ['promote', '--to', 'staging', '--from'], says: 'eleventh: staging follows main: it is updated by `eleventh recipe`, not promoted' },
  { name: 'rollback of an unknown environment', args: ['rollback', 'nope', '--to', 'preprod-v1'], says: "environments/nope: unknown environment 'nope'" },
  { name: 'rollback to a tag never promoted', args: ['rollback', 'preprod', '--to', 'preprod-v9'], says: "eleventh: rollback: no commit in the history of environments/preprod/recipe.yaml records a promotion to 'preprod-v9'" },
  // dates
  { name: 'history --at 2026-02-30 (not on the calendar)', args: ['history', 'staging', '--at', '2026-02-30'], says: `eleventh: history: --at '2026-02-30' ${NOT_A_DATE}` },
  { name: 'history --at a time without its zone', args: ['history', 'staging', '--at', '2026-03-01T09:00:00'], says: `eleventh: history: --at '2026-03-01T09:00:00' ${NOT_A_DATE}` },
  { name: "metrics --now 1 (Date.parse's year 2001)", args: ['metrics', '--now', '1'], says: `eleventh: metrics: --now '1' ${NOT_A_DATE}` },
  { name: 'report --now 2026-13-01 --json', args: ['report', '--now', '2026-13-01', '--json'], says: `eleventh: report: --now '2026-13-01' ${NOT_A_DATE}` },
  // environment variables
  { name: 'ELEVENTH_NOW=2026-02-30', args: ['policy'], env: { ELEVENTH_NOW: '2026-02-30' }, says: `eleventh: ELEVENTH_NOW '2026-02-30' ${NOT_A_DATE}` },
  { name: 'ELEVENTH_NOW=1 under --json', args: ['policy', '--json'], env: { ELEVENTH_NOW: '1' }, says: `eleventh: ELEVENTH_NOW '1' ${NOT_A_DATE}` },
  { name: 'ELEVENTH_NOW=tomorrow under render', args: ['render', '--check'], env: { ELEVENTH_NOW: 'tomorrow' }, says: "eleventh: ELEVENTH_NOW 'tomorrow' is not a date" },
  { name: 'ELEVENTH_DEPLOY_TIMEOUT=0 (no time at all)', args: ['render', '--check'], env: { ELEVENTH_DEPLOY_TIMEOUT: '0' }, says: "eleventh: ELEVENTH_DEPLOY_TIMEOUT='0' is not a number of seconds (expected a positive number, e.g. 30; default 10)" },
  { name: 'ELEVENTH_DEPLOY_TIMEOUT=-5', args: ['recipe'], env: { ELEVENTH_DEPLOY_TIMEOUT: '-5' }, says: "eleventh: ELEVENTH_DEPLOY_TIMEOUT='-5' is not a number of seconds" },
  // where it runs
  { name: 'policy in a git repository that is not an Eleventh monorepo', in: 'plain-git', args: ['policy', '--json'], says: 'is a git repository but not an Eleventh monorepo: it has no environments/, platform/ or services/' },
  { name: 'new into a folder that is not empty', args: ['new', 'services', '--skip-install'], says: '/services: is not empty (README.md, customer-api, fraud-scorer, …) (expected a new or empty directory)' },
];

let repo: ExampleRepo;
let plain: string;
beforeAll(() => {
  repo = createRecipedRepo('eleventh-catalog-cli-');
  git(['tag', 'preprod-v1'], { cwd: repo.root });
  plain = `${repo.root}-plain`;
  mkdirSync(plain);
  git(['init', '--quiet'], { cwd: plain });
  writeFileSync(join(plain, 'README.md'), 'not an Eleventh monorepo\n');
}, 120_000);
afterAll(() => {
  repo?.cleanup();
  rmSync(plain, { recursive: true, force: true });
});

const PROGRESS = /^eleventh: (nx project graph|rendering|pin walk|writing)/;

describe('catalog: bad command lines and environment variables (issue 9)', () => {
  it('has at least 20 rows', () => expect(ROWS.length).toBeGreaterThanOrEqual(20));

  it.each(ROWS.map((r) => [r.name, r] as const))('%s: exit 2, one message, stdout empty, nothing written', (_, row) => {
    const root = row.in === 'plain-git' ? plain : repo.root;
    const [before, tree] = [status(repo.root), snapshot(repo.root)];
    const res = runEleventh(root, row.args, row.env);
    const lines = res.stderr.split('\n').filter((l) => l !== '' && !PROGRESS.test(l));
    expect(res.status, res.stderr).toBe(2);
    expect(res.stdout).toBe('');
    expect(lines[0], res.stderr).toContain(row.says);
    for (const l of lines.slice(1)) expect(l, res.stderr).toMatch(/^(hint: |  )/);
    for (const l of lines) expect(l.split('(expected ').length, l).toBeLessThanOrEqual(2);
    expect(res.stderr).not.toMatch(/^\s+at /m);
    expect(res.stderr).not.toContain('internal error');
    expect(status(repo.root)).toBe(before);
    expect(snapshot(repo.root)).toEqual(tree);
    expect(status(plain)).toBe('?? README.md\n');
  }, 60_000);
});
