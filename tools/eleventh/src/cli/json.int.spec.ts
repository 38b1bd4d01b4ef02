/**
 * One --json convention on a real repository (the bin): stdout is exactly one JSON document, logs stay on
 * stderr, errors leave stdout empty; structured findings for verify, policy and render --check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { createRecipedRepo, runEleventh, type CliResult } from '../testing/example-repo';
import { commands } from './commands';

let repo: ReturnType<typeof createRecipedRepo>;
const SVC = 'environments/staging/payments/payments-api';

beforeAll(() => {
  repo = createRecipedRepo('eleventh-json-');
  git(['tag', 'preprod-v1'], { cwd: repo.root });
});
afterAll(() => repo.cleanup());

const run = (...args: string[]): CliResult => runEleventh(repo.root, args);

function json(res: CliResult, status = 0): unknown {
  expect(res.status, res.stderr).toBe(status);
  return JSON.parse(res.stdout);
}

/** Each command with --json and a command line that exercises it (in this order: promote before rollback). */
const CASES: ReadonlyArray<readonly [string, readonly string[], (doc: any) => void]> = [
  ['recipe', ['recipe', '--json'], (d) => expect(d.environments.map((e: any) => [e.environment, e.upToDate, e.services > 0])).toEqual([['ops-staging', true, true], ['staging', true, true]])],
  ['render', ['render', '--json'], (d) => expect(d).toMatchObject({ environments: ['ops-staging', 'staging', 'preprod', 'prod'], filesChanged: 0 })],
  ['pins', ['pins', '--json'], (d) => expect(d['payments-api'].commit).toMatch(/^[0-9a-f]{40}$/)],
  // registry.example.com cannot be asked here: warned about on stderr, every image reported missing, nothing built
  ['images', ['images', '--dry-run', '--json'], (d) => expect(d.images.map((r: any) => [r.service, r.missing, r.built])).toContainEqual(['payments-api', true, false])],
  ['explain', ['explain', 'staging/payments/payments-api', 'replicas', '--json'], (d) => expect(JSON.stringify(d)).toContain('replicas')],
  ['verify', ['verify', '--json'], (d) => expect(d).toEqual({ findings: [] })],
  ['policy', ['policy', '--json'], (d) => expect(d).toEqual({ findings: [] })],
  ['diff', ['diff', 'staging', 'ops-staging', '--json'], (d) => expect(d).toBeTypeOf('object')],
  ['preview', ['preview', '--json'], (d) => expect(Array.isArray(d.environments)).toBe(true)],
  ['history', ['history', 'staging', '--json'], (d) => expect(d.environment).toBe('staging')],
  ['report', ['report', '--json'], (d) => expect(d).toMatchObject({ file: join(repo.root, 'tmp/report/index.html'), format: 'html', environments: 4 })],
  ['metrics', ['metrics', '--env', 'staging', '--json'], (d) => expect(Object.keys(d)).toEqual(['staging'])],
  ['promote', ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--commit', '--json'], (d) => expect(d).toMatchObject({ environment: 'preprod', promotedFrom: { tag: 'preprod-v1' } })],
  ['rollback', ['rollback', 'preprod', '--to', 'preprod-v1', '--json'], (d) => expect(d).toMatchObject({ environment: 'preprod', tag: 'preprod-v1' })],
];

describe('--json', () => {
  it('is declared by every command but new, and each is exercised below', () => {
    const withJson = commands.filter((c) => c.spec!.options.json).map((c) => c.name);
    expect(withJson.sort()).toEqual(CASES.map(([name]) => name).sort());
    expect(commands.filter((c) => !c.spec!.options.json).map((c) => c.name)).toEqual(['new']);
  });

  it.each(CASES)('%s: stdout is exactly one JSON document; logs only on stderr', (_name, argv, check) => {
    const res = run(...argv);
    check(json(res));
    expect(res.stdout.trimEnd().split('\n')[0]).toMatch(/^[{[]/);
  });

  it('an error under --json: one line on stderr, exit 2, stdout empty', () => {
    const res = run('verify', '--env', 'nope', '--json');
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain("'nope'");
  });

  it('diff --json is --format json, and refuses a --format that disagrees', () => {
    expect(run('diff', 'staging', 'ops-staging', '--json').stdout).toBe(run('diff', 'staging', 'ops-staging', '--format', 'json').stdout);
    const res = run('diff', 'staging', 'ops-staging', '--json', '--format', 'md');
    expect([res.status, res.stdout, res.stderr]).toEqual([2, '', 'eleventh: diff: --json and --format md disagree (expected one of them)\n']);
  });
});

describe('structured findings', () => {
  const file = `${SVC}/deployment.yaml`;
  let original: string;
  beforeAll(() => {
    git(['reset', '--quiet', '--hard', 'HEAD'], { cwd: repo.root });
    original = readFileSync(join(repo.root, file), 'utf8');
    writeFileSync(join(repo.root, file), original.replace(/payments-api:[0-9a-f]{40}/, 'payments-api:latest'));
  });
  afterAll(() => writeFileSync(join(repo.root, file), original));

  const mutable = {
    file,
    rule: 'policy/no-mutable-image-tag',
    message: "Deployment payments/payments-api: container 'payments-api' image 'registry.example.com/acme/payments-api:latest' is mutable (expected ':<40-hex commit>' or '@sha256:<digest>')",
  };
  const stale = { file, rule: 'render/stale', message: 'differs from what eleventh renders (hand edit? expected `eleventh render` output)' };

  it('policy: the mutable image is a finding {file, rule, message}, exit 1; text is file: message [rule]', () => {
    expect(json(run('policy', '--env', 'staging', '--json'), 1)).toEqual({ findings: [mutable] });
    const text = run('policy', '--env', 'staging');
    expect([text.status, text.stdout]).toEqual([1, `${file}: ${mutable.message} [policy/no-mutable-image-tag]\n`]);
    expect(text.stderr).toContain('eleventh: policy: 1 finding(s)');
    expect(json(run('policy', '--env', 'ops-staging', '--json'))).toEqual({ findings: [] });
  });

  it('verify: the same policy finding among the others, every one with file, rule and message', () => {
    const { findings } = json(run('verify', '--env', 'staging', '--json'), 1) as { findings: Array<Record<string, unknown>> };
    expect(findings).toContainEqual(mutable);
    expect(findings).toContainEqual(stale);
    expect(findings.find((f) => f.rule === 'recipe/digest-matches-files')).toMatchObject({ file: 'environments/staging/recipe.yaml' });
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(['file', 'message', 'rule']));
    const text = run('verify', '--env', 'staging');
    expect(text.stdout.trim().split('\n')).toHaveLength(findings.length);
    expect(text.stdout).toContain(`${stale.file}: ${stale.message} [render/stale]\n`);
  });

  it('render --check: each file that would change is a render/stale finding, exit 1, nothing written', () => {
    const check = json(run('render', '--check', '--env', 'staging', '--json'), 1);
    expect(check).toEqual({ findings: [{ file, rule: 'render/stale', message: 'differs from what eleventh renders (would be rewritten)' }] });
    expect(readFileSync(join(repo.root, file), 'utf8')).toContain('payments-api:latest');
    const text = run('render', '--check', '--env', 'staging');
    expect([text.status, text.stdout]).toEqual([1, `${file}: differs from what eleventh renders (would be rewritten) [render/stale]\n`]);
  });
});
