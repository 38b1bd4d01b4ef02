/**
 * Bad input, through the real command: exit 2, `path[:line]: what is wrong (expected …)`, no stack trace,
 * and nothing written — every file under environments/ keeps its bytes and its mtime.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { git } from '../git/run';
import { changedFiles, snapshotTree } from './tree-snapshot';

let repo: ExampleRepo;

beforeAll(() => {
  repo = createRecipedRepo();
});
afterAll(() => repo.cleanup());

type Edit = Record<string, string | null>;

/** Apply `edit`, run `recipe`, restore the files; returns the result and what changed on disk. */
function withEdit(edit: Edit, args: string[] = ['recipe', '--allow-dirty']) {
  const saved = new Map<string, string | null>();
  for (const [path, content] of Object.entries(edit)) {
    const abs = join(repo.root, path);
    saved.set(path, existsSync(abs) ? readFileSync(abs, 'utf8') : null);
    if (content === null) rmSync(abs, { recursive: true, force: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
  const before = snapshotTree(repo.root);
  try {
    const res = runEleventh(repo.root, args);
    return { ...res, changed: changedFiles(before, snapshotTree(repo.root)) };
  } finally {
    for (const [path, content] of saved) {
      const abs = join(repo.root, path);
      if (content === null) rmSync(abs, { recursive: true, force: true });
      else writeFileSync(abs, content);
    }
    git(['checkout', '-q', '--', '.'], { cwd: repo.root });
    git(['clean', '-fdq', '--', 'environments', 'services'], { cwd: repo.root });
  }
}

const read = (p: string) => readFileSync(join(repo.root, p), 'utf8');

const CASES: ReadonlyArray<readonly [string, () => Edit, RegExp]> = [
  ['malformed YAML', () => ({ 'environments/staging/environment.yaml': 'registry: [unclosed\n' }), /^environments\/staging\/environment\.yaml:\d+: malformed YAML/m],
  [
    'an unknown key, with the nearest valid one',
    () => ({ 'environments/prod/payments/payments-api/overrides.yaml': 'replcias: 3\n' }),
    /^environments\/prod\/payments\/payments-api\/overrides\.yaml:1: unknown key 'replcias'.*did you mean 'replicas'/m,
  ],
  ['a wrong type', () => ({ 'environments/staging/payments/payments-api/overrides.yaml': 'replicas: three\n' }), /^environments\/staging\/payments\/payments-api\/overrides\.yaml:1: .*replicas.*integer/m],
  [
    'an extends cycle',
    () => ({ 'environments/staging/environment.yaml': `extends: prod\n${read('environments/staging/environment.yaml')}` }),
    /^environments\/\S+\/environment\.yaml(:\d+)?: .*cycle/m,
  ],
  [
    'an unknown parent',
    () => ({ 'environments/ops-staging/environment.yaml': read('environments/ops-staging/environment.yaml').replace(/extends: staging/, 'extends: stagign') }),
    /^environments\/ops-staging\/environment\.yaml:\d+: .*'stagign'/m,
  ],
  [
    'a namespace folder name that is not DNS-1123',
    () => Object.fromEntries(['staging', 'preprod', 'prod', 'ops-staging'].map((e) => [`environments/${e}/Bad_NS/tenant.yaml`, 'team: x\n'])),
    /^environments\/\S+\/Bad_NS: .*DNS-1123/m,
  ],
  [
    'a service name that is not DNS-1123',
    () => ({ 'services/payments-api/deploy.ts': read('services/payments-api/deploy.ts').replace(/name: 'payments-api'/, "name: 'Payments_API'") }),
    /^services\/payments-api\/deploy\.ts(:\d+)?: .*Payments_API/m,
  ],
  [
    'an override for a service that does not exist',
    () => ({ 'environments/staging/payments/ghost-api/overrides.yaml': 'replicas: 2\n' }),
    /^environments\/staging\/payments\/ghost-api\/overrides\.yaml: .*ghost-api/m,
  ],
  ['a tenant missing in one environment', () => ({ 'environments/prod/risk/tenant.yaml': null }), /prod.*risk|risk.*prod/],
];

describe('bad input exits 2 with path[:line] and writes nothing', () => {
  it.each(CASES)('%s', (_name, edit, pattern) => {
    const res = withEdit(edit());
    expect(res.stderr).toMatch(pattern);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(res.stderr).not.toMatch(/internal error/);
    expect(res.status).toBe(2);
    expect(res.changed).toEqual([]);
  });

  it('refuses uncommitted changes to image inputs unless --allow-dirty, naming the file', () => {
    const file = 'services/customer-api/src/main.ts';
    const res = withEdit({ [file]: `${read(file)}\n// dirty\n` }, ['recipe']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(file);
    expect(res.stderr).toMatch(/--allow-dirty/);
    expect(res.changed).toEqual([]);
  });

  it('rejects an unknown flag with a usage error', () => {
    const res = runEleventh(repo.root, ['recipe', '--bogus']);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/recipe: .*bogus/);
  });
});
