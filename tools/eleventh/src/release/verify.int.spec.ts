/** verify catches each tamper case on a real repository (the real CLI; one recipe run shared). */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { recipePath } from '../recipe/recipe';
import { cli, commitAll, createReleaseRepo, ok } from './release-fixture';
import { runEleventh } from '../testing/example-repo';

let repo: ReturnType<typeof createReleaseRepo>;
let root: string;
const SVC = 'environments/staging/payments/payments-api';
const RECIPE = recipePath('staging');

beforeAll(() => {
  repo = createReleaseRepo();
  root = repo.root;
  ok(root, ['promote', '--to', 'preprod', '--from', '--commit']);
});
afterAll(() => repo.cleanup());
afterEach(() => {
  git(['checkout', '--quiet', '--', '.'], { cwd: root });
  git(['clean', '--quiet', '-fd', '--', 'environments'], { cwd: root });
});

function edit(rel: string, fn: (text: string) => string): void {
  const abs = join(root, rel);
  const before = readFileSync(abs, 'utf8');
  const after = fn(before);
  expect(after).not.toBe(before);
  writeFileSync(abs, after);
}

function findings(...args: string[]): string[] {
  const res = cli(root, 'verify', ...args);
  expect(res.status, res.stderr).toBe(res.stdout.trim() === '' ? 0 : 1);
  return res.stdout.trim() === '' ? [] : res.stdout.trim().split('\n');
}

const pinOf = (text: string, svc: string): string => new RegExp(`${svc}:\\n {4}namespace: \\w+\\n {4}commit: "?([0-9a-f]{40})`).exec(text)![1];

describe('verify', () => {
  it('is clean on a freshly rendered, committed repository (exit 0)', () => {
    expect(cli(root, 'verify').status).toBe(0);
    expect(findings()).toEqual([]);
  });

  it('builds the Nx graph once: the render and the pins from scratch share it', () => {
    const res = runEleventh(root, ['verify'], { ELEVENTH_TIMING: '1' });
    expect(res.status).toBe(0);
    // One timing line per graph process the run started (pins/graph.ts).
    expect(res.stderr.split('\n').filter((l) => l.startsWith('eleventh: timing nx graph (process) '))).toHaveLength(1);
  });

  it('names a hand-edited rendered file', () => {
    edit(`${SVC}/deployment.yaml`, (t) => `${t}# hand edit\n`);
    const f = findings('--env', 'staging');
    expect(f).toContain(`${SVC}/deployment.yaml: differs from what eleventh renders (hand edit? expected \`eleventh render\` output) [render/stale]`);
    expect(f.some((l) => l.startsWith(`${RECIPE}: payments-api: digest sha256:`) && l.includes(`does not match the files in ${SVC}`))).toBe(true);
  });

  it('catches a recipe pin edited to another real commit: not current, and the files no longer match', () => {
    const other = commitAll(root, 'an unrelated commit');
    edit(RECIPE, (t) => t.replace(/(payments-api:\n {4}namespace: payments\n {4}commit: )"?[0-9a-f]{40}"?/, `$1"${other}"`));
    const f = findings('--env', 'staging');
    expect(f.some((l) => l.startsWith(`${RECIPE}: payments-api: pin ${other} is not the current pin (expected `))).toBe(true);
    expect(f.some((l) => l.startsWith(`${RECIPE}: payments-api: image '`) && l.includes('does not end with its pin'))).toBe(true);
    git(['reset', '--quiet', '--hard', 'HEAD~1'], { cwd: root });
  });

  it('catches a pin that is not in the history at all', () => {
    const bogus = 'e'.repeat(40);
    edit(RECIPE, (t) => t.split(pinOf(t, 'customer-api')).join(bogus));
    const f = findings('--env', 'staging');
    expect(f).toContain(`${RECIPE}: customer-api: pin ${bogus} is not a commit in this repository (expected a commit in HEAD's history) [recipe/pins-in-history]`);
  });

  it('catches a pin to a real commit outside HEAD\'s history (a commit on no branch of it)', () => {
    const side = git(['commit-tree', '-p', 'HEAD', '-m', 'side', 'HEAD^{tree}'], { cwd: root }).stdout.trim();
    edit(RECIPE, (t) => t.split(pinOf(t, 'customer-api')).join(side));
    const f = findings('--env', 'staging');
    expect(f).toContain(`${RECIPE}: customer-api: pin ${side} is not an ancestor of HEAD (expected a commit in HEAD's history) [recipe/pins-in-history]`);
  });

  it('catches an image tag changed to latest (mutable image policy), naming the file', () => {
    edit(`${SVC}/deployment.yaml`, (t) => t.replace(/payments-api:[0-9a-f]{40}/, 'payments-api:latest'));
    const f = findings('--env', 'staging');
    expect(f).toContain(`${SVC}/deployment.yaml: Deployment payments/payments-api: container 'payments-api' image 'registry.example.com/acme/payments-api:latest' is mutable (expected ':<40-hex commit>' or '@sha256:<digest>') [policy/no-mutable-image-tag]`);
    expect(f).toContain(`${SVC}/deployment.yaml: differs from what eleventh renders (hand edit? expected \`eleventh render\` output) [render/stale]`);
  });

  it('catches latest in a file not in the engine\'s own form (a hand comment): read by the full YAML parser', () => {
    edit(`${SVC}/deployment.yaml`, (t) => `${t.replace(/payments-api:[0-9a-f]{40}/, 'payments-api:latest')}# pinned by hand\n`);
    const f = findings('--env', 'staging');
    expect(f).toContain(`${SVC}/deployment.yaml: Deployment payments/payments-api: container 'payments-api' image 'registry.example.com/acme/payments-api:latest' is mutable (expected ':<40-hex commit>' or '@sha256:<digest>') [policy/no-mutable-image-tag]`);
  });

  it('catches latest under a containers key spelt with a YAML escape (the disk policy\'s text filter lets it through)', () => {
    edit(`${SVC}/deployment.yaml`, (t) => t.replace(/payments-api:[0-9a-f]{40}/, 'payments-api:latest').replace(/^( +)containers:/m, '$1"c\\x6Fntainers":'));
    expect(readFileSync(join(root, SVC, 'deployment.yaml'), 'utf8')).not.toContain('ontainers');
    const f = findings('--env', 'staging');
    expect(f).toContain(`${SVC}/deployment.yaml: Deployment payments/payments-api: container 'payments-api' image 'registry.example.com/acme/payments-api:latest' is mutable (expected ':<40-hex commit>' or '@sha256:<digest>') [policy/no-mutable-image-tag]`);
  });

  it('catches a recipe digest edited', () => {
    edit(RECIPE, (t) => t.replace(/(risk-report:[\s\S]*?digest: sha256:)[0-9a-f]{64}/, `$1${'1'.repeat(64)}`));
    const f = findings('--env', 'staging');
    expect(f.some((l) => l.startsWith(`${RECIPE}: risk-report: digest sha256:${'1'.repeat(64)} does not match the files`))).toBe(true);
    expect(f).toContain(`${RECIPE}: differs from what eleventh renders (hand edit? expected \`eleventh render\` output) [render/stale]`);
  });

  it('catches a deleted service folder', () => {
    rmSync(join(root, SVC), { recursive: true });
    const f = findings('--env', 'staging');
    expect(f.some((l) => l.startsWith(`${SVC}: missing: payments-api is in ${RECIPE}`))).toBe(true);
    expect(f).toContain(`${SVC}/deployment.yaml: missing (expected \`eleventh render\` output) [render/stale]`);
  });

  it('checks a promoted environment against a render from its promotedFrom commit', () => {
    edit('environments/preprod/payments/payments-api/deployment.yaml', (t) => `${t}# hand edit\n`);
    const f = findings('--env', 'preprod');
    expect(f).toHaveLength(2);
    expect(f).toContain('environments/preprod/payments/payments-api/deployment.yaml: differs from what eleventh renders (hand edit? expected `eleventh render` output) [render/stale]');
    expect(f.find((l) => l.startsWith('environments/preprod/recipe.yaml'))).toMatch(/^environments\/preprod\/recipe\.yaml: payments-api: digest sha256:[0-9a-f]{64} does not match the files in environments\/preprod\/payments\/payments-api \(sha256:[0-9a-f]{64}\) \[recipe\/digest-matches-files\]$/);
  });
});
