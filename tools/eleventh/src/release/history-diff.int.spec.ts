/** history and diff outputs, field by field, on a real repository with real tags. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { cli, createReleaseRepo, ok, readRecipeFile, touchService } from './release-fixture';
import { gitCallLog } from '../testing/git-calls';
import { runEleventh } from '../testing/example-repo';

let repo: ReturnType<typeof createReleaseRepo>;
let root: string;
let v1Pin: string;
let moved: string;
let v1Promotion: string;
let v2Promotion: string;

beforeAll(() => {
  repo = createReleaseRepo();
  root = repo.root;
  v1Pin = readRecipeFile(root, 'staging').services['payments-api'].commit;
  git(['tag', 'preprod-v1'], { cwd: root });
  ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--commit']);
  v1Promotion = gitText(['rev-parse', 'HEAD'], { cwd: root });
  moved = touchService(root, 'payments-api', 'payments-api: faster refunds');
  ok(root, ['recipe', '--commit']);
  git(['tag', 'preprod-v2'], { cwd: root });
  ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v2', '--commit']);
  v2Promotion = gitText(['rev-parse', 'HEAD'], { cwd: root });
});
afterAll(() => repo.cleanup());

describe('history', () => {
  it('lists each change of the recipe, newest first, with time, author, commit, tag and moves', () => {
    const { changes } = JSON.parse(ok(root, ['history', 'preprod', '--json']).stdout);
    expect(changes.map((c: { commit: string }) => c.commit)).toEqual([v2Promotion, v1Promotion, repo.recipeCommit]);
    expect(changes[0]).toMatchObject({ author: 'Example <example@example.com>', tag: 'preprod-v2', moved: [{ service: 'payments-api', from: v1Pin, to: moved }] });
    expect(changes[0].time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(changes[0].promotedFrom.environment).toBe('staging');
    expect(changes[1]).toMatchObject({ tag: 'preprod-v1', moved: [] });
    expect(changes[2].tag).toBeUndefined();
    expect(changes[2].moved).toHaveLength(6);
    expect(changes[2].moved[0]).toEqual({ service: 'customer-api', to: v1Pin });
  });

  it('prints the text form with short pins', () => {
    const lines = ok(root, ['history', 'preprod']).stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^\\S+  ${v2Promotion.slice(0, 12)}  promotion  tag preprod-v2  committed by Example <example@example.com>  1 moved$`));
    expect(lines[1]).toBe(`    payments-api ${v1Pin.slice(0, 12)} → ${moved.slice(0, 12)}`);
    expect(lines[2]).toBe(`      ${moved.slice(0, 12)} payments-api: faster refunds [own]`);
  });

  it('--at gives the recipe in force at an instant', () => {
    const later = JSON.parse(ok(root, ['history', 'preprod', '--at', '2999-01-01', '--json']).stdout);
    expect(later.commit).toBe(v2Promotion);
    expect(later.recipe.services['payments-api'].commit).toBe(moved);
    const res = cli(root, 'history', 'preprod', '--at', '2000-01-01');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('environments/preprod/recipe.yaml did not exist at 2000-01-01');
    expect(cli(root, 'history', 'preprod', '--at', 'yesterday-ish').status).toBe(2);
  });
});

describe('diff', () => {
  it('between two tags: payments-api moved with the commit subjects in between', () => {
    const { diffs } = JSON.parse(ok(root, ['diff', 'preprod-v1', 'preprod-v2', '--env', 'staging', '--format', 'json']).stdout);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ a: 'preprod-v1:staging', b: 'preprod-v2:staging', added: [], removed: [], config: [] });
    const refunds = { sha: moved, subject: 'payments-api: faster refunds', author: 'Example <example@example.com>', inputs: [{ kind: 'own' }] };
    expect(diffs[0].moved).toEqual([{ service: 'payments-api', from: v1Pin, to: moved, direction: 'forward', commits: [refunds] }]);
  });

  it('backwards (a rollback) is marked as such', () => {
    const { diffs } = JSON.parse(ok(root, ['diff', 'preprod-v2', 'preprod-v1', '--env', 'staging', '--format', 'json']).stdout);
    expect(diffs[0].moved[0]).toMatchObject({ from: moved, to: v1Pin, direction: 'backward' });
    expect(diffs[0].moved[0].commits.map((c: { subject: string }) => c.subject)).toEqual(['payments-api: faster refunds']);
  });

  it('between two environments at HEAD: config differences per service', () => {
    const { diffs } = JSON.parse(ok(root, ['diff', 'staging', 'prod', '--format', 'json']).stdout);
    const d = diffs[0];
    expect(d.a).toBe('staging');
    expect(d.b).toBe('prod');
    expect(d.moved.map((m: { service: string }) => m.service)).toEqual(['payments-api']);
    expect(d.config).toContainEqual({ service: 'payments-api', key: 'env.LOG_LEVEL', a: 'info', b: 'warn' });
    expect(d.config).toContainEqual({ service: 'customer-api', key: 'autoscaling.min', a: 2, b: 3 });
  });

  it('renders Markdown tables for a pull request', () => {
    const md = ok(root, ['diff', 'preprod-v1', 'preprod-v2', '--env', 'staging', '--format', 'md']).stdout;
    expect(md.split('\n').slice(0, 5)).toEqual([
      '### `preprod-v1:staging` → `preprod-v2:staging`',
      '',
      '| service | change | from | to | commits |',
      '|---|---|---|---|---|',
      `| payments-api | moved | \`${v1Pin.slice(0, 12)}\` | \`${moved.slice(0, 12)}\` | \`${moved.slice(0, 12)}\` payments-api: faster refunds (own) |`,
    ]);
  });

  it('reads the work tree once per run, not once per side of every environment', () => {
    const shim = gitCallLog();
    try {
      const res = runEleventh(root, ['diff', 'preprod-v1', 'preprod-v2'], { PATH: shim.path });
      expect(res.status).toBe(0);
      expect(shim.calls().filter((c) => c === 'status')).toHaveLength(1);
    } finally {
      shim.cleanup();
    }
  });

  it('refuses a name that is neither an environment nor a revision (exit 2)', () => {
    const res = cli(root, 'diff', 'staging', 'nope');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("'nope' is neither an environment nor a git revision");
  });
});
