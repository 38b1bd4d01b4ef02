/**
 * Release notes, history and commit messages on one real history: a library-only move, a lockfile bump,
 * a manifest-only change, annotated tags by a release manager other than the CI committer, a rollback,
 * and the CI sequence `recipe` (writes files) then `recipe --commit`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../../git/run';
import { commitAll, createReleaseRepo, ok, readRecipeFile } from '../release-fixture';

const RM = { GIT_COMMITTER_NAME: 'Rita Release', GIT_COMMITTER_EMAIL: 'rita@example.com' };
let repo: ReturnType<typeof createReleaseRepo>;
let root: string;
const sha: Record<string, string> = {};
const pin: Record<string, string> = {};

const edit = (rel: string, f: (s: string) => string): void => writeFileSync(join(root, rel), f(readFileSync(join(root, rel), 'utf8')));
const head = (): string => gitText(['rev-parse', 'HEAD'], { cwd: root });
const message = (rev = 'HEAD'): string => gitText(['log', '-1', '--format=%B', rev], { cwd: root });
const annotatedTag = (name: string): void => void git(['tag', '-a', name, '-m', `release ${name}`], { cwd: root, env: RM });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (args: string[]): any => JSON.parse(ok(root, args).stdout);

beforeAll(() => {
  repo = createReleaseRepo('eleventh-notes-');
  root = repo.root;
  pin.v1 = readRecipeFile(root, 'staging').services['payments-api'].commit;
  annotatedTag('preprod-v1');
  ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--commit']);
  sha.promoteV1 = head();
  // A fix in the shared library only: every service importing @acme/runtime moves, none of their own files changed.
  edit('services/shared/runtime/src/logger.ts', (s) => `${s}\n// redact card numbers before logging\n`);
  sha.lib = commitAll(root, 'runtime: redact card numbers in logs');
  // A lockfile bump of a package payments-api and fraud-scorer import (zod), nothing else.
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  lock.packages['node_modules/zod'].version = '3.23.9';
  writeFileSync(join(root, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  sha.lock = commitAll(root, 'deps: zod 3.23.9');
  // The CI sequence: `nx affected -t recipe` writes the files, then `eleventh recipe --commit` commits them.
  ok(root, ['recipe']);
  ok(root, ['recipe', '--commit']);
  sha.recipe2 = gitText(['log', '-1', '--format=%H', '--', 'environments/staging/recipe.yaml'], { cwd: root });
  // A kit spec and README change no manifest: they are not manifest inputs and must not be listed.
  edit('platform/src/kit/tenant.spec.ts', (s) => `${s}\n// a test-only change\n`);
  commitAll(root, 'platform: a test-only change');
  // A manifest-only change: staging configuration, no image input.
  edit('environments/staging/risk/risk-report/overrides.yaml', (s) => s.replace('REPORT_WINDOW: 7d', 'REPORT_WINDOW: 14d'));
  sha.config = commitAll(root, 'risk-report: a two-week window in staging');
  ok(root, ['recipe', '--commit']);
  sha.recipe3 = gitText(['log', '-1', '--format=%H', '--', 'environments/staging/recipe.yaml'], { cwd: root });
  annotatedTag('preprod-v2');
  ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v2', '--commit']);
  sha.promoteV2 = head();
  ok(root, ['rollback', 'preprod', '--to', 'preprod-v1', '--commit']);
  sha.rollback = head();
});
afterAll(() => repo.cleanup());

describe('recipe --commit after the files were written (CI sequence)', () => {
  it('names every service that moved, against the committed recipe, with the commits behind each move', () => {
    const msg = message(sha.recipe2).split('\n');
    expect(msg[0]).toBe('eleventh recipe staging: 5 services moved');
    const after = readRecipeFile(root, 'staging');
    expect(after.services['payments-api'].commit).toBe(sha.lock);
    expect(after.services['ledger-worker'].commit).toBe(sha.lib);
    const i = msg.indexOf(`payments-api ${pin.v1.slice(0, 12)} → ${sha.lock.slice(0, 12)}`);
    expect(i).toBeGreaterThan(0);
    expect(msg.slice(i + 1, i + 3)).toEqual([
      `  ${sha.lock.slice(0, 12)} deps: zod 3.23.9 [npm zod 3.23.8→3.23.9]`,
      `  ${sha.lib.slice(0, 12)} runtime: redact card numbers in logs [lib runtime]`,
    ]);
    const j = msg.indexOf(`ledger-worker ${pin.v1.slice(0, 12)} → ${sha.lib.slice(0, 12)}`);
    expect(msg[j + 1]).toBe(`  ${sha.lib.slice(0, 12)} runtime: redact card numbers in logs [lib runtime]`);
    expect(msg[j + 2]).not.toContain('zod'); // ledger-worker does not import zod
    expect(msg).toContain('Eleventh-Action: recipe');
  });

  it('a manifest-only change says so in the subject and lists the configuration commit', () => {
    const msg = message(sha.recipe3).split('\n');
    expect(msg[0]).toBe('eleventh recipe staging: 0 services moved, 1 re-rendered (manifests)');
    expect(msg).toContain('re-rendered, same image: risk-report');
    expect(msg).toContain(`  ${sha.config.slice(0, 12)} risk-report: a two-week window in staging [config environments/staging/risk/risk-report/overrides.yaml]`);
  });
});

describe('diff release notes', () => {
  it('lists the library-only and lockfile commits under each moved service (json)', () => {
    const { diffs } = json(['diff', repo.recipeCommit, sha.recipe2, '--env', 'staging', '--format', 'json']);
    const moves = Object.fromEntries(diffs[0].moved.map((m: { service: string }) => [m.service, m]));
    expect(moves['payments-api'].commits).toEqual([
      { sha: sha.lock, subject: 'deps: zod 3.23.9', author: 'Example <example@example.com>', inputs: [{ kind: 'package', name: 'zod', from: '3.23.8', to: '3.23.9' }] },
      { sha: sha.lib, subject: 'runtime: redact card numbers in logs', author: 'Example <example@example.com>', inputs: [{ kind: 'library', name: 'runtime' }] },
    ]);
    expect(moves['notification-worker'].commits.map((c: { sha: string }) => c.sha)).toEqual([sha.lib]);
    expect(moves['customer-api']).toBeUndefined(); // does not import the runtime library
  });

  it('shows a manifest-only change: the re-rendered service and the commit, not "no differences"', () => {
    const { diffs } = json(['diff', sha.recipe2, sha.recipe3, '--env', 'staging', '--format', 'json']);
    expect(diffs[0].moved).toEqual([]);
    expect(diffs[0].rerendered.map((r: { service: string }) => r.service)).toEqual(['risk-report']);
    expect(diffs[0].manifest).toEqual([{ sha: sha.config, subject: 'risk-report: a two-week window in staging', author: 'Example <example@example.com>', changes: [{ kind: 'config', path: 'environments/staging/risk/risk-report/overrides.yaml' }] }]);
    const text = ok(root, ['diff', sha.recipe2, sha.recipe3, '--env', 'staging']).stdout;
    expect(text).toContain('re-rendered  risk-report');
    expect(text).toContain(`${sha.config.slice(0, 12)} risk-report: a two-week window in staging`);
  });

  it("the README's example: diff preprod-v1 preprod-v2 --env preprod --format md is what preprod-v2 brought to preprod", () => {
    const md = ok(root, ['diff', 'preprod-v1', 'preprod-v2', '--env', 'preprod', '--format', 'md']).stdout;
    const row = md.split('\n').find((l) => l.startsWith('| payments-api |'));
    expect(row).toBe(`| payments-api | moved | \`${pin.v1.slice(0, 12)}\` | \`${sha.lock.slice(0, 12)}\` | \`${sha.lock.slice(0, 12)}\` deps: zod 3.23.9 (npm zod 3.23.8→3.23.9)<br>\`${sha.lib.slice(0, 12)}\` runtime: redact card numbers in logs (lib runtime) |`);
    expect(md).toContain(`| \`${sha.config.slice(0, 12)}\` | risk-report: a two-week window in staging | config environments/staging/risk/risk-report/overrides.yaml |`);
  });

  it('two environments side by side: pins and digests of every service', () => {
    const { diffs } = json(['diff', 'staging', 'preprod', '--format', 'json']);
    const row = diffs[0].services.find((s: { service: string }) => s.service === 'payments-api');
    expect(row.a.commit).toBe(sha.lock);
    expect(row.b.commit).toBe(pin.v1); // preprod was rolled back to preprod-v1
    expect(row.a.digest).toMatch(/^sha256:/);
    const text = ok(root, ['diff', 'staging', 'preprod']).stdout.split('\n');
    expect(text[1]).toMatch(/^ {2}service\s+pin staging\s+pin preprod\s+digest staging\s+digest preprod$/);
    expect(text.find((l) => l.startsWith('  payments-api '))).toMatch(new RegExp(`${sha.lock.slice(0, 12)}\\s+${pin.v1.slice(0, 12)}\\s+\\w{12}\\s+\\w{12}  \\*$`));
  });
});

describe('history as an audit', () => {
  it('a promotion: who tagged it (annotated tagger), who committed it, the moves and the commits behind them', () => {
    const { changes } = json(['history', 'preprod', '--json']);
    const v2 = changes.find((c: { commit: string }) => c.commit === sha.promoteV2);
    expect(v2).toMatchObject({ kind: 'promotion', tag: 'preprod-v2', tagger: 'Rita Release <rita@example.com>', committer: 'Example <example@example.com>', author: 'Example <example@example.com>' });
    const pay = v2.moved.find((m: { service: string }) => m.service === 'payments-api');
    expect(pay.commits.map((c: { sha: string }) => c.sha)).toEqual([sha.lock, sha.lib]);
    expect(v2.manifest.commits.map((c: { sha: string }) => c.sha)).toContain(sha.config);
  });

  it('a rollback shows as a rollback, from what to what, with the commits it undoes', () => {
    const { changes } = json(['history', 'preprod', '--json']);
    expect(changes[0].commit).toBe(sha.rollback);
    expect(changes[0]).toMatchObject({ kind: 'rollback', tag: 'preprod-v1', rollback: { from: 'preprod-v2', to: 'preprod-v1' } });
    const pay = changes[0].moved.find((m: { service: string }) => m.service === 'payments-api');
    expect(pay).toMatchObject({ from: sha.lock, to: pin.v1, direction: 'backward' });
    expect(pay.commits.map((c: { sha: string }) => c.sha)).toEqual([sha.lock, sha.lib]);
    const text = ok(root, ['history', 'preprod']).stdout.split('\n');
    expect(text[0]).toMatch(new RegExp(`^\\S+  ${sha.rollback.slice(0, 12)}  rollback  tag preprod-v1 by Rita Release <rita@example.com>  committed by Example <example@example.com>  \\d+ moved`));
    expect(text[1]).toBe('    rolled back from preprod-v2 to preprod-v1');
  });

  it('staging: a manifest-only change appears with its commit', () => {
    const { changes } = json(['history', 'staging', '--json']);
    const c = changes.find((e: { commit: string }) => e.commit === sha.recipe3);
    expect(c).toMatchObject({ kind: 'recipe', moved: [], manifest: { rerendered: [{ service: 'risk-report' }] } });
    expect(c.manifest.commits.map((m: { sha: string }) => m.sha)).toEqual([sha.config]);
  });

  it('reads the trailers a commit carries: rollback from/to, break-glass reason, signer', () => {
    ok(root, ['rollback', 'preprod', '--to', 'preprod-v2']);
    git(['add', '--all', '--', 'environments/preprod'], { cwd: root });
    const body = ['eleventh rollback preprod to preprod-v2: 5 services moved', '', 'Eleventh-Action: rollback', 'Eleventh-Environment: preprod', 'Eleventh-Rollback: 0123456789ab -> preprod-v2', 'Eleventh-Break-Glass: incident 42: card data in logs', 'Eleventh-Signer: rita@example.com SHA256:abc'];
    git(['commit', '--quiet', '-m', body.join('\n')], { cwd: root, env: { GIT_COMMITTER_NAME: 'CI Bot', GIT_COMMITTER_EMAIL: 'ci@example.com' } });
    const { changes } = json(['history', 'preprod', '--json']);
    expect(changes[0]).toMatchObject({ kind: 'rollback', rollback: { from: '0123456789ab', to: 'preprod-v2' }, breakGlass: 'incident 42: card data in logs', signer: 'rita@example.com SHA256:abc', committer: 'CI Bot <ci@example.com>', tagger: 'Rita Release <rita@example.com>' });
    expect(ok(root, ['history', 'preprod']).stdout).toContain('    break-glass: incident 42: card data in logs');
    git(['reset', '--quiet', '--hard', 'HEAD~1'], { cwd: root });
  });

  it('a change committed as the mirror of another environment shows as a mirror', () => {
    ok(root, ['promote', '--to', 'prod', '--from']);
    git(['add', '--all', '--', 'environments/prod'], { cwd: root });
    git(['commit', '--quiet', '-m', 'eleventh promote preprod: 0 services moved\n\nEleventh-Action: promote\nEleventh-Environment: preprod\nEleventh-Mirror: prod'], { cwd: root });
    const { changes } = json(['history', 'prod', '--json']);
    expect(changes[0]).toMatchObject({ kind: 'mirror', mirrorOf: 'preprod' });
    expect(changes[1].kind).not.toBe('mirror');
    git(['reset', '--quiet', '--hard', 'HEAD~1'], { cwd: root });
  });
});
