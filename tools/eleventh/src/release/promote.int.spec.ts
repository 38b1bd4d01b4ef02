/** promote and rollback on a real repository with real tags, through the real CLI. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { parseRecipe, recipePath } from '../recipe/recipe';
import { cli, commitAll, createReleaseRepo, ok, readRecipeFile, snapshotTree, touchService } from './release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
let root: string;
let v1: string;
let v2: string;
let moved: string;

beforeAll(() => {
  repo = createReleaseRepo();
  root = repo.root;
  git(['tag', 'preprod-v1'], { cwd: root });
  v1 = repo.recipeCommit;
  moved = touchService(root, 'payments-api');
  ok(root, ['recipe', '--commit']);
  v2 = gitText(['rev-parse', 'HEAD'], { cwd: root });
  git(['tag', 'preprod-v2'], { cwd: root });
});
afterAll(() => repo.cleanup());

describe('promote --tag', () => {
  it('renders preprod from the tag with staging’s pins there and records promotedFrom', () => {
    const res = ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--commit']);
    expect(res.stdout).toContain(`preprod: promoted from staging at ${v1.slice(0, 12)} (preprod-v1)`);
    const recipe = readRecipeFile(root, 'preprod');
    expect(recipe.promotedFrom).toEqual({ environment: 'staging', commit: v1, sources: v1, tag: 'preprod-v1' });
    const stagingAtTag = gitText(['show', `preprod-v1:${recipePath('staging')}`], { cwd: root });
    expect(parseRecipe(stagingAtTag, recipePath('staging')).services['payments-api'].commit).toBe(recipe.services['payments-api'].commit);
    expect(recipe.services['payments-api'].commit).not.toBe(moved);
    expect(recipe.services['payments-api'].image).toBe(`registry.example.com/acme/payments-api:${recipe.services['payments-api'].commit}`);
    expect(gitText(['log', '-1', '--format=%B'], { cwd: root })).toContain('eleventh promote preprod to preprod-v1');
    expect(gitText(['status', '--porcelain'], { cwd: root })).toBe('');
  });

  it('promotes the next tag: payments-api moves to the commit that changed it, in the commit message too', () => {
    ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v2', '--commit']);
    const recipe = readRecipeFile(root, 'preprod');
    expect(recipe.promotedFrom).toEqual({ environment: 'staging', commit: v2, sources: v2, tag: 'preprod-v2' });
    expect(recipe.services['payments-api'].commit).toBe(moved);
    const deployment = readFileSync(join(root, 'environments/preprod/payments/payments-api/deployment.yaml'), 'utf8');
    expect(deployment).toContain(`payments-api:${moved}`);
    const message = gitText(['log', '-1', '--format=%B'], { cwd: root });
    expect(message).toContain(`payments-api ${readRecipeFileAt('preprod-v1')} → ${moved.slice(0, 12)}`);
    expect(message).toContain('Eleventh-Tag: preprod-v2');
  });

  it('promote --from takes the source recipe committed at HEAD, with no tag', () => {
    ok(root, ['promote', '--to', 'prod', '--from', '--commit']);
    const recipe = readRecipeFile(root, 'prod');
    const head = gitText(['rev-parse', 'HEAD~1'], { cwd: root });
    expect(recipe.promotedFrom).toEqual({ environment: 'preprod', commit: head, sources: v2 });
    expect(recipe.services['payments-api'].commit).toBe(moved);
  });
});

function readRecipeFileAt(tag: string): string {
  const text = gitText(['show', `${tag}:${recipePath('staging')}`], { cwd: root });
  return /payments-api:\n {4}namespace: payments\n {4}commit: "?([0-9a-f]{40})/.exec(text)![1].slice(0, 12);
}

describe('promote refusals: exit 2, nothing written', () => {
  function refused(args: string[], message: string): void {
    const before = snapshotTree(root, 'environments');
    const head = gitText(['rev-parse', 'HEAD'], { cwd: root });
    const res = cli(root, ...args);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(message);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(root, 'environments')).toEqual(before);
    expect(gitText(['rev-parse', 'HEAD'], { cwd: root })).toBe(head);
  }

  it('a tag that does not match promotion.tags', () => {
    git(['tag', 'prod-v1', v1], { cwd: root });
    refused(['promote', '--to', 'preprod', '--tag', 'prod-v1', '--commit'], "environments/preprod/environment.yaml: tag 'prod-v1' does not match promotion.tags 'preprod-v*'");
  });

  it('a tag that does not exist', () => {
    refused(['promote', '--to', 'preprod', '--tag', 'preprod-v99'], "tag 'preprod-v99' does not exist in this repository");
  });

  it('a source recipe whose pin is not in the tag’s history and whose digest does not match its files', () => {
    const file = join(root, recipePath('staging'));
    const original = readFileSync(file, 'utf8');
    const bogus = 'f'.repeat(40);
    const edited = original.replace(/(customer-api:\n {4}namespace: customer\n {4}commit: )"?[0-9a-f]{40}"?/, `$1"${bogus}"`).replace(/(fraud-scorer:[\s\S]*?digest: sha256:)[0-9a-f]{64}/, `$1${'0'.repeat(64)}`);
    writeFileSync(file, edited);
    commitAll(root, 'tamper with staging recipe');
    git(['tag', 'preprod-v3'], { cwd: root });
    refused(['promote', '--to', 'preprod', '--tag', 'preprod-v3'], `customer-api: pin ${bogus} does not exist in this repository`);
    const res = cli(root, 'promote', '--to', 'preprod', '--tag', 'preprod-v3');
    expect(res.stderr).toContain(`fraud-scorer: digest sha256:${'0'.repeat(64)} does not match the committed files`);
    writeFileSync(file, original);
    commitAll(root, 'restore staging recipe');
  });

  it('a source recipe whose pin is a real commit outside the tag\'s history', () => {
    const file = join(root, recipePath('staging'));
    const original = readFileSync(file, 'utf8');
    const side = git(['commit-tree', '-p', 'HEAD', '-m', 'side', 'HEAD^{tree}'], { cwd: root }).stdout.trim();
    writeFileSync(file, original.replace(/(customer-api:\n {4}namespace: customer\n {4}commit: )"?[0-9a-f]{40}"?/, `$1"${side}"`));
    const tip = commitAll(root, 'pin customer-api to a commit on no branch');
    git(['tag', 'preprod-v4'], { cwd: root });
    refused(['promote', '--to', 'preprod', '--tag', 'preprod-v4'], `customer-api: pin ${side} is not an ancestor of ${tip.slice(0, 12)}`);
    writeFileSync(file, original);
    commitAll(root, 'restore staging recipe');
  });

  it('a tag where the source has no recipe', () => {
    git(['tag', 'preprod-v0', repo.initial], { cwd: root });
    refused(['promote', '--to', 'preprod', '--tag', 'preprod-v0'], `staging has no recipe at ${repo.initial.slice(0, 12)}`);
  });

  it('an environment that follows main', () => {
    refused(['promote', '--to', 'staging', '--tag', 'preprod-v1'], 'staging follows main');
  });
});

describe('rollback', () => {
  it('restores preprod as preprod-v1 left it, in a new commit on top of the history', () => {
    const before = gitText(['rev-parse', 'HEAD'], { cwd: root });
    const v1Recipe = gitText(['log', '--format=%H', '--grep=preprod to preprod-v1', '-1'], { cwd: root });
    ok(root, ['rollback', 'preprod', '--to', 'preprod-v1', '--commit']);
    const recipe = readRecipeFile(root, 'preprod');
    expect(recipe.promotedFrom).toEqual({ environment: 'staging', commit: v1, sources: v1, tag: 'preprod-v1' });
    expect(readFileSync(join(root, recipePath('preprod')), 'utf8')).toBe(gitText(['show', `${v1Recipe}:${recipePath('preprod')}`], { cwd: root }) + '\n');
    expect(gitText(['rev-parse', 'HEAD~1'], { cwd: root })).toBe(before);
    expect(gitText(['log', '-1', '--format=%s'], { cwd: root })).toBe('eleventh rollback preprod to preprod-v1: 1 service moved');
    expect(gitText(['diff', '--stat', `${v1Recipe}`, 'HEAD', '--', 'environments/preprod'], { cwd: root })).toBe('');
  });

  it('refuses a tag that was never promoted to the environment (exit 2)', () => {
    const res = cli(root, 'rollback', 'preprod', '--to', 'preprod-v7');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("no commit in the history of environments/preprod/recipe.yaml records a promotion to 'preprod-v7'");
    expect(res.stderr).toContain('tags promoted to preprod: preprod-v1, preprod-v2');
  });
});
