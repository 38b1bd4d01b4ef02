/**
 * Issue 9 part 7 — files, YAML, git state and write failures: a catalog of bad inputs, one row each, run
 * through the real CLI against a reciped copy of the example organisation (and a shallow clone of it).
 * Every row: exit 2, the file (and line where there is one) in the message, no stack trace, and nothing
 * written (`git status --porcelain` and every entry under environments/ — size and mtime — unchanged).
 *
 * Tests run as root here, where chmod does not stop a write: write failures are provoked by the shape of
 * the tree instead — a folder where a generated file goes (EISDIR), a file where a folder goes (ENOTDIR).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentsSnapshot as snapshot, worktreeStatus as status } from '../testing/untouched';
import { git } from '../git/run';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';

const STAGING = 'environments/staging';
const TENANT = `${STAGING}/payments/tenant.yaml`;
const OVERRIDES = `${STAGING}/payments/payments-api/overrides.yaml`;
const ENV_FILE = `${STAGING}/environment.yaml`;
const DEFAULTS = 'platform/defaults.yaml';
const SHALLOW = 'this clone is shallow: fetch full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)';

let repo: ExampleRepo;
let shallow: string;
let outside: string;

beforeAll(() => {
  repo = createRecipedRepo('eleventh-catalog-files-');
  outside = join(tmpdir(), `eleventh-outside-${process.pid}.yaml`);
  writeFileSync(outside, readFileSync(join(repo.root, TENANT)));
  shallow = `${repo.root}-shallow`;
  git(['clone', '--quiet', '--depth', '1', `file://${repo.root}`, shallow], { cwd: tmpdir() });
  symlinkSync(join(repo.root, 'node_modules'), join(shallow, 'node_modules'), 'dir');
});

afterAll(() => {
  repo.cleanup();
  rmSync(shallow, { recursive: true, force: true });
  rmSync(outside, { force: true });
});

/** Replace a file, keeping nothing of it (a folder, a FIFO or a link goes where it was). */
function replace(root: string, rel: string, make: (abs: string) => void): void {
  rmSync(join(root, rel), { recursive: true, force: true });
  make(join(root, rel));
}

function edit(root: string, rel: string, text: string | ((before: string) => string)): void {
  const abs = join(root, rel);
  writeFileSync(abs, typeof text === 'string' ? text : text(readFileSync(abs, 'utf8')));
}

/** 9 anchors of 9 aliases each, nested 9 deep: 9^9 strings once expanded. */
function aliasBomb(): string {
  const lines = ['  a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    const [n, p] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
    lines.push(`  ${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]`);
  }
  return `values:\n  bomb:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

interface Row {
  readonly name: string;
  readonly args: readonly string[];
  /** Bad input to create in the repository (or the shallow clone). */
  readonly setup?: (root: string) => void;
  /** The file (and `file:line`) the message must name. */
  readonly where: string;
  /** What the message must say. */
  readonly says: string | RegExp;
  readonly inShallowClone?: boolean;
}

const rows: Row[] = [
  // YAML
  { name: 'an alias bomb in overrides.yaml', setup: (r) => appendFileSync(join(r, OVERRIDES), aliasBomb()), args: ['render', '--check'], where: `${OVERRIDES}:`, says: /:\d+: too many YAML aliases \(over 100 expansions\)/ },
  { name: 'an alias bomb in tenant.yaml', setup: (r) => appendFileSync(join(r, TENANT), aliasBomb().replace('values:', 'labels:')), args: ['recipe'], where: `${TENANT}:`, says: 'too many YAML aliases' },
  { name: 'nesting 5,000 levels deep', setup: (r) => edit(r, OVERRIDES, `values:\n  deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`), args: ['render', '--check'], where: `${OVERRIDES}:`, says: 'malformed YAML: nested too deeply' },
  { name: 'a duplicate key in environment.yaml', setup: (r) => edit(r, ENV_FILE, (t) => `${t}registry: again.example.com\n`), args: ['render', '--check'], where: `${ENV_FILE}:`, says: 'malformed YAML: Map keys must be unique' },
  { name: 'a tab for indentation in tenant.yaml', setup: (r) => edit(r, TENANT, (t) => `${t}labels:\n\tteam: x\n`), args: ['render', '--check'], where: `${TENANT}:`, says: 'malformed YAML: Tabs are not allowed as indentation' },
  { name: 'invalid YAML (an unclosed flow map)', setup: (r) => edit(r, OVERRIDES, 'replicas: {3\n'), args: ['recipe'], where: `${OVERRIDES}:`, says: 'malformed YAML' },
  { name: 'two documents in one overrides.yaml', setup: (r) => edit(r, OVERRIDES, 'replicas: 2\n---\nreplicas: 3\n'), args: ['render', '--check'], where: `${OVERRIDES}:2`, says: "a second document ('---')" },
  { name: 'an empty environment.yaml', setup: (r) => edit(r, ENV_FILE, ''), args: ['render', '--check'], where: ENV_FILE, says: "missing 'registry'" },
  { name: 'an empty tenant.yaml', setup: (r) => edit(r, TENANT, ''), args: ['render', '--check'], where: TENANT, says: "missing 'team'" },
  { name: 'binary garbage (NUL bytes)', setup: (r) => writeFileSync(join(r, OVERRIDES), Buffer.from([0x72, 0x3a, 0x20, 0x00, 0x01, 0x02, 0x0a])), args: ['render', '--check'], where: `${OVERRIDES}:1`, says: 'contains a NUL byte' },
  { name: 'bytes that are not UTF-8', setup: (r) => writeFileSync(join(r, OVERRIDES), Buffer.from('replicas: 3\n\xff\xfe\n', 'latin1')), args: ['render', '--check'], where: OVERRIDES, says: 'is not UTF-8 text' },
  { name: 'a BOM does not shift the line of an error', setup: (r) => edit(r, TENANT, (t) => `\uFEFF${t.replace(/^team:/m, 'teem:')}`), args: ['render', '--check'], where: `${TENANT}:3`, says: "unknown key 'teem' (did you mean 'team'?)" },
  // files
  { name: 'an overrides.yaml over 1 MiB', setup: (r) => appendFileSync(join(r, OVERRIDES), `values:\n  blob: ${'x'.repeat(1024 * 1024 + 10)}\n`), args: ['render', '--check'], where: OVERRIDES, says: 'over the 1 MiB limit' },
  { name: 'a platform/defaults.yaml over 1 MiB', setup: (r) => appendFileSync(join(r, DEFAULTS), `# ${'x'.repeat(2 * 1024 * 1024)}\n`), args: ['recipe'], where: DEFAULTS, says: 'is 2.0 MiB, over the 1 MiB limit' },
  { name: 'tenant.yaml symlinked outside the repository', setup: (r) => replace(r, TENANT, (a) => symlinkSync(outside, a)), args: ['render', '--check'], where: TENANT, says: 'outside the repository (a symlink)' },
  { name: 'a deploy.ts symlinked outside the repository', setup: (r) => replace(r, 'services/payments-api/deploy.ts', (a) => symlinkSync(outside, a)), args: ['render', '--check'], where: 'services/payments-api/deploy.ts', says: 'outside the repository (a symlink)' },
  { name: 'a deploy.ts symlinked to /dev/zero (Nx would hash it forever)', setup: (r) => replace(r, 'services/risk-report/deploy.ts', (a) => symlinkSync('/dev/zero', a)), args: ['render', '--check'], where: 'services/risk-report/deploy.ts', says: "is a symlink to '/dev/zero', which is not a file or folder" },
  { name: 'an untracked source file linked to a FIFO', setup: (r) => { execFileSync('mkfifo', [join(r, 'tmp-pipe')]); symlinkSync(join(r, 'tmp-pipe'), join(r, 'services/payments-api/src/pipe.ts')); }, args: ['recipe'], where: 'services/payments-api/src/pipe.ts', says: 'which is not a file or folder' },
  { name: 'overrides.yaml symlinked to /dev/zero', setup: (r) => replace(r, OVERRIDES, (a) => symlinkSync('/dev/zero', a)), args: ['recipe'], where: OVERRIDES, says: "resolves to '/dev/zero', outside the repository" },
  { name: 'environment.yaml symlinked to /dev/zero (verify)', setup: (r) => replace(r, ENV_FILE, (a) => symlinkSync('/dev/zero', a)), args: ['verify'], where: ENV_FILE, says: 'outside the repository' },
  { name: 'a namespace folder symlinked outside', setup: (r) => replace(r, `${STAGING}/risk`, (a) => symlinkSync(tmpdir(), a)), args: ['render', '--check'], where: `${STAGING}/risk`, says: 'is a symlink to a folder; eleventh does not follow folder links' },
  { name: 'a FIFO as tenant.yaml', setup: (r) => replace(r, TENANT, (a) => execFileSync('mkfifo', [a])), args: ['render', '--check'], where: TENANT, says: 'is a named pipe (FIFO) (expected a file)' },
  { name: 'a folder as environment.yaml', setup: (r) => replace(r, ENV_FILE, (a) => mkdirSync(a)), args: ['render', '--check'], where: ENV_FILE, says: 'is a folder (expected a file)' },
  { name: 'a folder as tenant.yaml', setup: (r) => replace(r, TENANT, (a) => mkdirSync(a)), args: ['recipe'], where: TENANT, says: 'is a folder (expected a file)' },
  { name: 'a folder as overrides.yaml', setup: (r) => replace(r, OVERRIDES, (a) => mkdirSync(a)), args: ['render', '--check'], where: OVERRIDES, says: 'is a folder (expected a file)' },
  { name: 'a folder as platform/defaults.yaml', setup: (r) => replace(r, DEFAULTS, (a) => mkdirSync(a)), args: ['render', '--check'], where: DEFAULTS, says: 'is a folder (expected a file)' },
  { name: 'recipe.yaml symlinked outside the repository', setup: (r) => replace(r, `${STAGING}/recipe.yaml`, (a) => symlinkSync(outside, a)), args: ['recipe'], where: `${STAGING}/recipe.yaml`, says: 'outside the repository (a symlink)' },
  { name: 'environments/x as a file, named with --env', setup: (r) => writeFileSync(join(r, 'environments/x'), 'not an environment\n'), args: ['render', '--env', 'x'], where: 'environments/x', says: "unknown environment 'x'" },
  // write failures (see the file comment: the tree's shape, not chmod)
  { name: 'a folder where a generated file goes (EISDIR)', setup: (r) => replace(r, `${STAGING}/payments/ledger-worker/deployment.yaml`, (a) => mkdirSync(join(a, 'inside'), { recursive: true })), args: ['render'], where: `${STAGING}/payments/ledger-worker/deployment.yaml`, says: 'is a folder where eleventh writes a generated file (expected no folder there: move it away; nothing was written)' },
  { name: 'a file where a generated folder goes (ENOTDIR)', setup: (r) => replace(r, `${STAGING}/payments/ledger-worker`, (a) => writeFileSync(a, 'my notes\n')), args: ['render'], where: `${STAGING}/payments/ledger-worker`, says: 'is a file eleventh does not own, where it writes a folder' },
  { name: 'a file where the _flux folder goes (ENOTDIR)', setup: (r) => replace(r, `${STAGING}/_flux`, (a) => writeFileSync(a, 'flux?\n')), args: ['recipe'], where: `${STAGING}/_flux`, says: 'move the file away; nothing was written' },
  // explain
  { name: 'explain of a service that does not exist', args: ['explain', 'staging/payments/payments-ap'], where: 'services/payments-ap/deploy.ts', says: "unknown service 'payments-ap' (did you mean 'payments-api'?)" },
  { name: 'explain of a service in the wrong namespace', args: ['explain', 'staging/risk/payments-api'], where: 'services/payments-api/deploy.ts', says: "lives in namespace 'payments', not 'risk'" },
  { name: 'explain of an environment that does not exist', args: ['explain', 'stagin/payments/payments-api'], where: 'environments/stagin', says: "unknown environment 'stagin'" },
  { name: 'explain of a namespace that does not exist', args: ['explain', 'staging/paymnts/payments-api'], where: `${STAGING}/paymnts/tenant.yaml`, says: "unknown namespace 'paymnts'" },
  // revisions
  { name: 'recipe --base garbage', args: ['recipe', '--base', 'garbage'], where: '--base', says: "--base: unknown revision 'garbage' (expected a branch, tag or commit)" },
  { name: 'recipe --head garbage', args: ['recipe', '--head', 'garbage'], where: '--head', says: "--head: unknown revision 'garbage' (expected a branch, tag or commit)" },
  { name: 'preview --base garbage (the same helper)', args: ['preview', '--base', 'garbage'], where: '--base', says: "--base: unknown revision 'garbage'" },
  // shallow clones
  { name: 'recipe in a shallow clone when pins need history', inShallowClone: true, setup: (r) => ['staging', 'ops-staging'].forEach((e) => rmSync(join(r, `environments/${e}/recipe.yaml`))), args: ['recipe'], where: 'pins', says: `pins: ${SHALLOW}` },
  { name: 'verify in a shallow clone', inShallowClone: true, args: ['verify'], where: 'verify', says: `verify: ${SHALLOW}` },
  { name: 'history in a shallow clone', inShallowClone: true, args: ['history', 'staging'], where: 'history', says: `history: ${SHALLOW}` },
  { name: 'recipe --base garbage in a shallow clone says both', inShallowClone: true, args: ['recipe', '--base', 'garbage'], where: '--base', says: `--base: unknown revision 'garbage' (expected a branch, tag or commit; ${SHALLOW})` },
  { name: 'render --check in a shallow clone (a pinned commit is a bad object)', inShallowClone: true, args: ['render', '--check'], where: 'eleventh', says: SHALLOW },
];

describe('catalog: files, YAML, git state and write failures (issue 9 part 7)', () => {
  it('has at least 25 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s: exit 2, names the file, no stack, nothing written', (_name, row) => {
    const root = row.inShallowClone ? shallow : repo.root;
    try {
      row.setup?.(root);
      const [statusBefore, treeBefore] = [status(root), snapshot(root)];
      const res = runEleventh(root, row.args);
      const message = res.stderr.split('\n').filter((l) => !/^eleventh: (nx project graph|rendering|pin walk|writing)/.test(l)).join('\n');
      expect(res.status, res.stderr).toBe(2);
      expect(message).toContain(row.where);
      if (typeof row.says === 'string') expect(message).toContain(row.says);
      else expect(message).toMatch(row.says);
      expect(res.stderr).not.toMatch(/^\s+at /m);
      expect(res.stderr).not.toContain('internal error');
      expect(status(root)).toBe(statusBefore);
      expect(snapshot(root)).toEqual(treeBefore);
    } finally {
      git(['clean', '-fdq'], { cwd: root });
      git(['reset', '--quiet', '--hard'], { cwd: root });
    }
  });
});
