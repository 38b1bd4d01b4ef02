/**
 * The catalog of bad configuration (issue 9, part D): each row breaks one hand-written file of a copy of
 * the example repository and runs the real `eleventh render`. Every row must exit 2, name the exact
 * file:line that wrote the bad value (a folder, for a bad folder name), say "(expected" at most once per
 * line, print no stack trace, and write nothing (`git status --porcelain` as before the run).
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { createExampleRepo, runEleventh, type ExampleRepo } from '../testing';

const STAGING = 'environments/staging/environment.yaml';
const PREPROD = 'environments/preprod/environment.yaml';
const PROD = 'environments/prod/environment.yaml';
const OPS = 'environments/ops-staging/environment.yaml';
const PAYMENTS = 'environments/staging/payments/tenant.yaml';
const PLATFORM = 'platform/defaults.yaml';
const ENVS = ['staging', 'preprod', 'prod', 'ops-staging'];

type Edit = (root: string) => void;

const replace = (file: string, from: string, to: string): Edit => (root) => {
  const text = readFileSync(join(root, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no '${from}'`);
  writeFileSync(join(root, file), text.replace(from, to));
};
const append = (file: string, text: string): Edit => (root) => appendFileSync(join(root, file), text);
const write = (file: string, text: string): Edit => (root) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};
/** A namespace folder with a tenant.yaml in every environment (so only its name is wrong). */
const namespace = (ns: string): Edit => (root) => ENVS.forEach((env) => write(`environments/${env}/${ns}/tenant.yaml`, env === 'staging' ? 'team: acme/x\n' : '{}\n')(root));

interface Row {
  readonly name: string;
  readonly edit: Edit;
  /** The file (or folder) blamed. */
  readonly file: string;
  /** The blamed line is the first line of `file` containing this text (none: the message names no line). */
  readonly lineOf?: string;
  /** A part of the message. */
  readonly says: string;
}

const ROWS: readonly Row[] = [
  { name: 'a misspelt top-level key', edit: replace(STAGING, 'registry:', 'regsitry:'), file: STAGING, lineOf: 'regsitry:', says: "unknown key 'regsitry' (did you mean 'registry'?)" },
  { name: 'a misspelt nested key', edit: replace(PROD, '  name: prod-eu-1', '  nmae: prod-eu-1'), file: PROD, lineOf: 'nmae:', says: "unknown key 'nmae' in 'cluster' (did you mean 'name'?)" },
  { name: 'an unknown tenant key', edit: append(PAYMENTS, 'owner: someone\n'), file: PAYMENTS, lineOf: 'owner:', says: "unknown key 'owner' (expected one of: team, quota, network, defaults" },
  { name: 'a key one letter from a known one', edit: append(OPS, 'extends2: x\n'), file: OPS, lineOf: 'extends2:', says: "unknown key 'extends2' (did you mean 'extends'?)" },
  { name: 'a wrong type (replicas)', edit: replace(OPS, '  replicas: 1', '  replicas: one'), file: OPS, lineOf: 'replicas: one', says: "'defaults.replicas' must be an integer ≥ 0 (expected integer, got 'one')" },
  { name: 'a name where a list belongs', edit: replace(PROD, 'profiles:\n  - observability\n  - payments-compliance', 'profiles: observability'), file: PROD, lineOf: 'profiles:', says: "'profiles' must be a list of profile names (expected list, got 'observability')" },
  { name: 'a value outside an enum', edit: replace(STAGING, '    branch: main', '    branch: main\n    verify: {mode: Head, secretRef: keys}'), file: STAGING, lineOf: 'verify:', says: "'cluster.git.verify.mode' must be HEAD, Tag or TagAndHEAD" },
  { name: 'a quantity that is not one', edit: replace(PAYMENTS, "cpu: '16'", 'cpu: lots'), file: PAYMENTS, lineOf: 'cpu: lots', says: "'quota.cpu' must be a Kubernetes quantity" },
  { name: 'a registry in upper case', edit: replace(STAGING, 'registry: registry.example.com/acme', 'registry: Registry.example.com/Acme'), file: STAGING, lineOf: 'registry:', says: "'registry' must be a registry reference: it has upper-case letters" },
  { name: 'a registry with a tag', edit: replace(STAGING, 'registry: registry.example.com/acme', 'registry: registry.example.com/acme:v1'), file: STAGING, lineOf: 'registry:', says: "'registry' must be a registry reference: it has a tag" },
  { name: 'a registry with a scheme', edit: replace(STAGING, 'registry: registry.example.com/acme', 'registry: https://registry.example.com/acme'), file: STAGING, lineOf: 'registry:', says: "'registry' must be a registry reference: it has a scheme" },
  { name: 'a registry with a digest', edit: replace(STAGING, 'registry: registry.example.com/acme', 'registry: registry.example.com/acme@sha256:abc'), file: STAGING, lineOf: 'registry:', says: 'it has a digest' },
  { name: 'a plain-http git URL', edit: replace(STAGING, 'url: https://', 'url: http://'), file: STAGING, lineOf: 'url:', says: "'cluster.git.url' must be a git URL Flux can pull: it is plain http" },
  { name: 'a git URL without a scheme', edit: replace(STAGING, 'url: https://git.example.com/acme/platform.git', 'url: git.example.com/acme/platform.git'), file: STAGING, lineOf: 'url:', says: "'cluster.git.url' must be a git URL Flux can pull: it is not a URL or git@host:path" },
  { name: 'a git URL with credentials', edit: replace(STAGING, 'url: https://', 'url: https://ci:s3cret@'), file: STAGING, lineOf: 'url:', says: 'it has credentials in the URL' },
  { name: "a branch with '..'", edit: replace(STAGING, 'branch: main', "branch: 'ma..in'"), file: STAGING, lineOf: 'branch:', says: "'cluster.git.branch' must be a git branch name: it has '..'" },
  { name: 'a branch with a space', edit: replace(STAGING, 'branch: main', "branch: 'release 1'"), file: STAGING, lineOf: 'branch:', says: 'it has a space or control character' },
  { name: "a release branch part starting with '.'", edit: replace(PROD, "  tags: 'prod-v*'", "  tags: 'prod-v*'\n  branch: release/.next"), file: PROD, lineOf: 'branch:', says: "'promotion.branch' must be a git branch name (the release branch promotion tags must be reachable from): it has a part starting with '.'" },
  { name: 'a tag regex that does not compile', edit: replace(PROD, "tags: 'prod-v*'", "tags: '/prod-(v[/'"), file: PROD, lineOf: 'tags:', says: "'promotion.tags' must be a tag glob such as 'preprod-v*' or a /regex/: it is not a valid regular expression" },
  { name: 'a tag glob no tag can match', edit: replace(PREPROD, "tags: 'preprod-v*'", "tags: 'preprod v*'"), file: PREPROD, lineOf: 'tags:', says: "'promotion.tags' must be a tag glob" },
  { name: 'a profile name that is not a name', edit: replace(PROD, '  - payments-compliance', '  - Payments_Compliance'), file: PROD, lineOf: 'Payments_Compliance', says: "'profiles[1]' must be a profile name" },
  { name: 'an unknown profile', edit: replace(OPS, '  - payments-compliance', '  - payments-complaince'), file: OPS, lineOf: 'payments-complaince', says: "unknown profile 'payments-complaince'" },
  { name: 'a team that is not a group name', edit: replace(PAYMENTS, 'team: acme/payments-team', "team: 'payments team'"), file: PAYMENTS, lineOf: 'team:', says: "'team' must be a group name: it has a space" },
  { name: 'allowFrom naming no namespace', edit: replace(PAYMENTS, '    - customer', '    - custmer'), file: PAYMENTS, lineOf: '- custmer', says: "network.allowFrom names unknown namespace 'custmer' (did you mean 'customer'?)" },
  { name: 'allowFrom in platform/defaults.yaml naming no namespace', edit: replace(PLATFORM, '    allowFrom: []', '    allowFrom:\n      - monitoring'), file: PLATFORM, lineOf: '- monitoring', says: "network.allowFrom names unknown namespace 'monitoring'" },
  { name: 'reserved namespace kube-system', edit: namespace('kube-system'), file: 'environments/staging/kube-system', says: "namespace folder 'kube-system' is reserved: Kubernetes' own namespace" },
  { name: 'reserved namespace default', edit: namespace('default'), file: 'environments/staging/default', says: "namespace folder 'default' is reserved: Kubernetes' own namespace" },
  { name: 'reserved namespace flux-system', edit: namespace('flux-system'), file: 'environments/prod/flux-system', says: "namespace folder 'flux-system' is reserved: the GitOps controller's namespace" },
  { name: 'reserved namespace argocd', edit: namespace('argocd'), file: 'environments/preprod/argocd', says: "namespace folder 'argocd' is reserved: the GitOps controller's namespace" },
  { name: "the platform's own namespace", edit: namespace('eleventh-system'), file: 'environments/staging/eleventh-system', says: "namespace folder 'eleventh-system' is reserved: the platform's own namespace" },
  { name: "a namespace starting with '_'", edit: namespace('_x'), file: 'environments/staging/_x', says: "namespace folder '_x' is reserved: names starting with '_' belong to generated layers" },
  { name: 'a namespace that is not DNS-1123', edit: namespace('Risk_Team'), file: 'environments/staging/Risk_Team', says: 'namespace folder "Risk_Team" is not valid (expected a DNS-1123 label' },
  { name: 'a service folder that is not DNS-1123', edit: write('environments/prod/payments/Payments-API/overrides.yaml', 'replicas: 3\n'), file: 'environments/prod/payments/Payments-API', says: 'service folder "Payments-API" is not valid' },
  { name: 'an environment named by the repository layout', edit: write('environments/shared/environment.yaml', 'extends: staging\n'), file: 'environments/shared', says: "environment folder 'shared' is reserved" },
];

/** A bad value inherited along `extends` is blamed once, at the file and line that set it, never at an environment that only inherits it. */
const INHERITED: readonly Row[] = [
  { name: 'a bad registry set in staging, inherited by three environments', edit: replace(STAGING, 'registry: registry.example.com/acme', 'registry: registry.example.com/Acme'), file: STAGING, lineOf: 'registry:', says: "'registry' must be a registry reference" },
  { name: 'a bad allowFrom set in staging, inherited by three environments', edit: replace(PAYMENTS, '    - customer', '    - nobody'), file: PAYMENTS, lineOf: '- nobody', says: "network.allowFrom names unknown namespace 'nobody'" },
];

let repo: ExampleRepo;
beforeAll(() => {
  repo = createExampleRepo('eleventh-catalog-config-');
});
afterAll(() => repo.cleanup());

const status = (): string => git(['status', '--porcelain', '--untracked-files=all'], { cwd: repo.root }).stdout;

/** Apply the row's edit, run `eleventh render`, restore the commit; the result and what git saw. */
function run(row: Row): { status: number; stderr: string; before: string; after: string; location: string } {
  row.edit(repo.root);
  const before = status();
  try {
    const res = runEleventh(repo.root, ['render']);
    const line = row.lineOf === undefined ? undefined : readFileSync(join(repo.root, row.file), 'utf8').split('\n').findIndex((l) => l.includes(row.lineOf!)) + 1;
    if (line === 0) throw new Error(`${row.file} has no line with '${row.lineOf}'`);
    return { status: res.status, stderr: res.stderr, before, after: status(), location: line === undefined ? `${row.file}: ` : `${row.file}:${line}: ` };
  } finally {
    git(['checkout', '--quiet', '--', '.'], { cwd: repo.root });
    git(['clean', '--quiet', '-fd'], { cwd: repo.root });
  }
}

function expectRefused(row: Row): string[] {
  const r = run(row);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.after).toBe(r.before);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith(r.location) && l.includes(row.says));
  expect(lines, `no line '${r.location}…${row.says}…' in:\n${r.stderr}`).not.toEqual([]);
  for (const l of r.stderr.split('\n')) expect(l.split('(expected ').length, l).toBeLessThanOrEqual(2);
  return r.stderr.split('\n').filter(Boolean);
}

describe('bad configuration: exit 2 at the file:line that wrote it, nothing written', () => {
  it('has at least 25 rows', () => expect(ROWS.length + INHERITED.length).toBeGreaterThanOrEqual(25));

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', (_, row) => {
    expectRefused(row);
  });

  it.each(INHERITED.map((r) => [r.name, r] as const))('%s', (_, row) => {
    const lines = expectRefused(row);
    const reports = lines.filter((l) => l.includes(row.says));
    expect(reports, lines.join('\n')).toHaveLength(1);
    expect(reports[0].startsWith(row.file)).toBe(true);
  });
});
