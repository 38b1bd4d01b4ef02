import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATED_HEADER } from '../model';
import { pathList } from '../testing/path-list';
import { applyPlan, planWrites, WriteFailedError } from './index';

const gen = (body: string) => `${GENERATED_HEADER}\n${body}\n`;
const ENV = 'environments/staging';
const SCOPE = { dirs: [ENV] };
const PAST = new Date('2020-01-01T00:00:00Z');
let root: string;

function put(rel: string, content: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), content);
  utimesSync(join(root, rel), PAST, PAST);
}

function read(rel: string): string {
  return readFileSync(join(root, rel), 'utf8');
}

/** Every path under root (folders end with `/`), sorted. */
const tree = (): string[] => pathList(root);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-apply-'));
  put(`${ENV}/environment.yaml`, 'registry: r\n');
  put(`${ENV}/payments/tenant.yaml`, 'team: pay\n');
  put(`${ENV}/payments/namespace.yaml`, gen('kind: Namespace'));
  put(`${ENV}/payments/api/deployment.yaml`, gen('kind: Deployment'));
  put(`${ENV}/payments/api/service.yaml`, gen('kind: Service'));
  put(`${ENV}/payments/gone/deployment.yaml`, gen('kind: Deployment'));
  put(`${ENV}/payments/gone/overrides.yaml`, 'replicas: 1\n');
  put(`${ENV}/orders/tenant.yaml`, 'team: orders\n');
  put(`${ENV}/orders/shop/deployment.yaml`, gen('kind: Deployment'));
  put(`${ENV}/orders/shop/config/app.yaml`, gen('kind: ConfigMap'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const DESIRED = () =>
  new Map([
    [`${ENV}/payments/namespace.yaml`, gen('kind: Namespace')],
    [`${ENV}/payments/api/deployment.yaml`, gen('kind: Deployment\nspec: {replicas: 3}')],
    [`${ENV}/payments/api/service.yaml`, gen('kind: Service')],
    [`${ENV}/payments/web/deployment.yaml`, gen('kind: Deployment')],
    [`${ENV}/payments/web/kustomization.yaml`, gen('kind: Kustomization')],
  ]);

describe('applyPlan', () => {
  it('creates, updates and prunes; an unchanged file keeps its mtime', async () => {
    await applyPlan(root, planWrites(root, DESIRED(), SCOPE));
    expect(read(`${ENV}/payments/api/deployment.yaml`)).toBe(gen('kind: Deployment\nspec: {replicas: 3}'));
    expect(read(`${ENV}/payments/web/kustomization.yaml`)).toBe(gen('kind: Kustomization'));
    expect(statSync(join(root, `${ENV}/payments/api/service.yaml`)).mtime).toEqual(PAST);
    expect(statSync(join(root, `${ENV}/payments/namespace.yaml`)).mtime).toEqual(PAST);
    expect(statSync(join(root, `${ENV}/payments/api/deployment.yaml`)).mtime).not.toEqual(PAST);
  });

  it('prunes generated files and the folders they leave empty, keeping hand-written files and their folders', async () => {
    await applyPlan(root, planWrites(root, DESIRED(), SCOPE));
    expect(tree()).toEqual([
      'environments/',
      `${ENV}/`,
      `${ENV}/environment.yaml`,
      `${ENV}/orders/`,
      `${ENV}/orders/tenant.yaml`,
      `${ENV}/payments/`,
      `${ENV}/payments/api/`,
      `${ENV}/payments/api/deployment.yaml`,
      `${ENV}/payments/api/service.yaml`,
      `${ENV}/payments/gone/`,
      `${ENV}/payments/gone/overrides.yaml`,
      `${ENV}/payments/namespace.yaml`,
      `${ENV}/payments/tenant.yaml`,
      `${ENV}/payments/web/`,
      `${ENV}/payments/web/deployment.yaml`,
      `${ENV}/payments/web/kustomization.yaml`,
    ]);
  });

  it('keeps generated files the scope says to keep, and removes stale temporary files', async () => {
    put(`${ENV}/orders/shop/.deployment.yaml.eleventh-tmp-99999`, gen('kind: Deployment (half'));
    const plan = planWrites(root, DESIRED(), { dirs: [ENV], keep: (p) => p.startsWith(`${ENV}/orders/`) });
    expect(plan.remove).toEqual([`${ENV}/orders/shop/.deployment.yaml.eleventh-tmp-99999`, `${ENV}/payments/gone/deployment.yaml`]);
    await applyPlan(root, plan);
    expect(existsSync(join(root, `${ENV}/orders/shop/config/app.yaml`))).toBe(true);
    expect(existsSync(join(root, `${ENV}/orders/shop/.deployment.yaml.eleventh-tmp-99999`))).toBe(false);
  });

  it('a failure before the first rename leaves no temporary file, no new file and no new folder', async () => {
    const before = tree();
    const plan = planWrites(root, DESIRED(), SCOPE);
    const seen: string[] = [];
    const fail = (p: string) => {
      seen.push(p);
      throw new Error('disk full (injected)');
    };
    await expect(applyPlan(root, plan, { beforeRename: fail })).rejects.toThrow('disk full (injected)');
    expect(seen).toEqual([`${ENV}/payments/api/deployment.yaml`]);
    expect(tree()).toEqual(before);
    expect(read(`${ENV}/payments/api/deployment.yaml`)).toBe(gen('kind: Deployment'));
    expect(statSync(join(root, `${ENV}/payments/api/deployment.yaml`)).mtime).toEqual(PAST);
  });

  it('a failure mid-way puts back every file already renamed and removes every temporary file', async () => {
    const before = tree();
    const plan = planWrites(root, DESIRED(), SCOPE);
    const renamed: string[] = [];
    const fail = (p: string) => {
      if (p.endsWith('web/kustomization.yaml')) throw new Error('injected');
      renamed.push(p);
    };
    await expect(applyPlan(root, plan, { beforeRename: fail })).rejects.toThrow('injected');
    expect(renamed).toContain(`${ENV}/payments/api/deployment.yaml`);
    expect(read(`${ENV}/payments/api/deployment.yaml`)).toBe(gen('kind: Deployment'));
    expect(existsSync(join(root, `${ENV}/payments/web`))).toBe(false);
    expect(tree()).toEqual(before);
  });

  // Tests run as root, where chmod does not stop a write: real failures come from the shape of the tree,
  // changed after planning (what a concurrent process or a full disk would do to a plan already made).
  it('a real EISDIR while renaming (a folder appeared where a file goes) is one WriteFailedError; everything is put back', async () => {
    const before = tree();
    const plan = planWrites(root, DESIRED(), SCOPE);
    mkdirSync(join(root, `${ENV}/payments/web/kustomization.yaml/inside`), { recursive: true });
    const error = await applyPlan(root, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as Error).message).toMatch(new RegExp(`^${ENV}/payments/web/kustomization\\.yaml: cannot write \\((EISDIR|ENOTEMPTY|EEXIST): [a-z ]+\\) — a folder sits where this file goes: move it away; nothing was written$`));
    rmSync(join(root, `${ENV}/payments/web`), { recursive: true });
    expect(tree()).toEqual(before);
    expect(read(`${ENV}/payments/api/deployment.yaml`)).toBe(gen('kind: Deployment'));
  });

  it('a real ENOTDIR while staging (a file appeared where a folder goes) names the folder; nothing was written', async () => {
    const plan = planWrites(root, DESIRED(), SCOPE);
    put(`${ENV}/payments/web`, 'not a folder\n');
    const before = tree();
    const error = await applyPlan(root, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as Error).message).toMatch(new RegExp(`^${ENV}/payments/web: cannot write \\((ENOTDIR|EEXIST): [a-z ]+\\) — a file sits where a folder of this path goes: move it away; nothing was written$`));
    expect(tree()).toEqual(before);
    expect(read(`${ENV}/payments/api/deployment.yaml`)).toBe(gen('kind: Deployment'));
  });

  it('replaces a generated file by a folder of the same name', async () => {
    put(`${ENV}/payments/web`, gen('kind: Old'));
    await applyPlan(root, planWrites(root, DESIRED(), SCOPE));
    expect(read(`${ENV}/payments/web/deployment.yaml`)).toBe(gen('kind: Deployment'));
  });

  it('a second plan after applying finds nothing to do', async () => {
    await applyPlan(root, planWrites(root, DESIRED(), SCOPE));
    const again = planWrites(root, DESIRED(), SCOPE);
    expect([again.create, again.update, again.remove, again.removeDirs, again.unchanged]).toEqual([[], [], [], [], 5]);
  });
});

describe('planWrites speed (printed, not asserted)', () => {
  it('plans 10,000 files of which nearly all are unchanged', async () => {
    const desired = new Map<string, string>();
    for (let i = 0; i < 10_000; i++) desired.set(`${ENV}/ns${i % 40}/svc${i % 2000}/f${i}.yaml`, gen(`kind: ConfigMap\nmetadata:\n  name: c${i}\n`));
    await applyPlan(root, planWrites(root, desired, SCOPE));
    desired.set(`${ENV}/ns0/svc0/f0.yaml`, gen('changed'));
    const start = process.hrtime.bigint();
    const plan = planWrites(root, desired, SCOPE);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect([plan.update.length, plan.unchanged]).toEqual([1, 9_999]);
    console.log(`planWrites: 10,000 files (9,999 unchanged) in ${ms.toFixed(0)} ms`);
  });
});
