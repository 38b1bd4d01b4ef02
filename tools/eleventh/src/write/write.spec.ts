import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATED_HEADER } from '../model';
import { ElevenError } from '../errors';
import { applyPlan, countChanges, describePlan, planWrites, WriteRefusedError } from './index';

const gen = (body: string) => `${GENERATED_HEADER}\n${body}\n`;
const SCOPE = { dirs: ['environments/staging'] };
const ENV = 'environments/staging';
let root: string;

function put(rel: string, content: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), content);
}

/** Every file and folder under root: content (files) and mtime, to prove nothing changed. */
function snapshot(dir = root, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    const abs = join(dir, e.name);
    if (e.isDirectory()) {
      out.set(`${rel}/`, String(statSync(abs).mtimeMs));
      for (const [k, v] of snapshot(abs, rel)) out.set(k, v);
    } else out.set(rel, `${statSync(abs).mtimeMs}:${readFileSync(abs, 'utf8')}`);
  }
  return out;
}

function files(): string[] {
  return [...snapshot().keys()].filter((k) => !k.endsWith('/')).sort();
}

/** A small environment: hand-written files, two generated services, and an old mtime on everything. */
function seed(): void {
  put(`${ENV}/environment.yaml`, 'registry: r\n');
  put(`${ENV}/payments/tenant.yaml`, 'team: pay\n');
  put(`${ENV}/payments/api/overrides.yaml`, 'replicas: 2\n');
  put(`${ENV}/payments/api/deployment.yaml`, gen('kind: Deployment'));
  put(`${ENV}/payments/api/service.yaml`, gen('kind: Service'));
  put(`${ENV}/payments/old/deployment.yaml`, gen('kind: Deployment'));
  put(`${ENV}/payments/old/kustomization.yaml`, gen('kind: Kustomization'));
  put(`${ENV}/recipe.yaml`, gen('kind: Recipe'));
  const past = new Date('2020-01-01T00:00:00Z');
  for (const f of files()) utimesSync(join(root, f), past, past);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-write-'));
  seed();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('planWrites', () => {
  it('plans create, update and remove, and counts unchanged files', async () => {
    const desired = new Map([
      [`${ENV}/payments/api/deployment.yaml`, gen('kind: Deployment')],
      [`${ENV}/payments/api/service.yaml`, gen('kind: Service\nspec: {}')],
      [`${ENV}/payments/web/deployment.yaml`, gen('kind: Deployment')],
      [`${ENV}/recipe.yaml`, gen('kind: Recipe')],
    ]);
    const plan = planWrites(root, desired, SCOPE);
    expect(plan.create).toEqual([`${ENV}/payments/web/deployment.yaml`]);
    expect(plan.update).toEqual([`${ENV}/payments/api/service.yaml`]);
    expect(plan.remove).toEqual([`${ENV}/payments/old/deployment.yaml`, `${ENV}/payments/old/kustomization.yaml`]);
    expect(plan.unchanged).toBe(2);
    expect(plan.removeDirs).toEqual([`${ENV}/payments/old`]);
    expect(countChanges(plan)).toBe(4);
    expect(describePlan(plan)).toEqual([
      `update ${ENV}/payments/api/service.yaml`,
      `remove ${ENV}/payments/old/deployment.yaml`,
      `remove ${ENV}/payments/old/kustomization.yaml`,
      `create ${ENV}/payments/web/deployment.yaml`,
    ]);
  });

  it('leaves skipped folders alone: not compared, not pruned, and their parents not emptied', async () => {
    const desired = new Map([[`${ENV}/recipe.yaml`, gen('kind: Recipe')]]);
    const skipDir = (dir: string) => dir === `${ENV}/payments/api` || dir === `${ENV}/payments/old`;
    const plan = planWrites(root, desired, { ...SCOPE, skipDir });
    expect(plan.remove).toEqual([]);
    expect(plan.removeDirs).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(() => planWrites(root, new Map([[`${ENV}/payments/api/x.yaml`, gen('x: 1')]]), { ...SCOPE, skipDir })).toThrow(/inside a folder the scope skips/);
    const without = planWrites(root, desired, SCOPE);
    expect(without.remove).toContain(`${ENV}/payments/api/deployment.yaml`);
  });

  it('plans nothing when the tree already matches, and writes nothing for an empty plan', async () => {
    const desired = new Map(files().filter((f) => readFileSync(join(root, f), 'utf8').startsWith(GENERATED_HEADER)).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
    const before = snapshot();
    const plan = planWrites(root, desired, SCOPE);
    expect(countChanges(plan)).toBe(0);
    expect(plan.unchanged).toBe(5);
    await applyPlan(root, plan);
    expect(snapshot()).toEqual(before);
  });

  it('refuses to overwrite a hand-written file, reporting every one, and nothing is written', async () => {
    put(`${ENV}/payments/api/configmap.yaml`, 'kind: ConfigMap # written by hand\n');
    put(`${ENV}/payments/api/secret.yaml`, `${GENERATED_HEADER} (edited)\nkind: Secret\n`);
    const before = snapshot();
    const desired = new Map([
      [`${ENV}/payments/api/configmap.yaml`, gen('kind: ConfigMap')],
      [`${ENV}/payments/api/secret.yaml`, gen('kind: Secret')],
      [`${ENV}/payments/api/service.yaml`, gen('kind: Service\nspec: {}')],
      [`${ENV}/payments/new/deployment.yaml`, gen('kind: Deployment')],
    ]);
    let caught: unknown;
    try {
      planWrites(root, desired, SCOPE);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(WriteRefusedError);
    expect(caught).toBeInstanceOf(ElevenError);
    expect((caught as WriteRefusedError).exitCode).toBe(2);
    expect((caught as WriteRefusedError).report()).toBe(
      [
        `${ENV}/payments/api/configmap.yaml: not generated by eleventh; refusing to overwrite a hand-written file`,
        `${ENV}/payments/api/secret.yaml: not generated by eleventh; refusing to overwrite a hand-written file`,
      ].join('\n'),
    );
    expect(snapshot()).toEqual(before);
  });

  it('refuses the hand-written names even when they carry the header, and even when they do not exist yet', async () => {
    put(`${ENV}/payments/api/overrides.yaml`, gen('replicas: 3'));
    const desired = new Map([
      [`${ENV}/payments/api/overrides.yaml`, gen('replicas: 4')],
      [`${ENV}/orders/tenant.yaml`, gen('team: orders')],
    ]);
    expect(() => planWrites(root, desired, SCOPE)).toThrow(
      `${ENV}/orders/tenant.yaml: is a hand-written file name; eleventh never writes it\n` +
        `${ENV}/payments/api/overrides.yaml: not generated by eleventh; refusing to overwrite a hand-written file`,
    );
  });

  it('refuses to put a file where a folder is, or below a hand-written file', async () => {
    put(`${ENV}/notes`, 'my notes\n');
    const desired = new Map([
      [`${ENV}/payments/api`, gen('x')],
      [`${ENV}/notes/deployment.yaml`, gen('x')],
    ]);
    expect(() => planWrites(root, desired, SCOPE)).toThrow(
      `${ENV}/notes: is a file eleventh does not own, where it writes a folder (1 generated file(s)) (expected a folder: move the file away; nothing was written)\n` +
        `${ENV}/payments/api: is a folder where eleventh writes a generated file (expected no folder there: move it away; nothing was written)`,
    );
  });

  it('rejects desired paths outside the scope or not normalised (caller bugs, not bad input)', async () => {
    expect(() => planWrites(root, new Map([['environments/prod/x.yaml', gen('x')]]), SCOPE)).toThrow(
      "desired file 'environments/prod/x.yaml' is outside the write scope (environments/staging)",
    );
    expect(() => planWrites(root, new Map([[`${ENV}/../prod/x.yaml`, gen('x')]]), SCOPE)).toThrow('must be a normalised repository-relative POSIX path');
    expect(() => planWrites(root, new Map(), { dirs: ['/abs'] })).toThrow("scope folder '/abs' must be a normalised");
  });

  it('treats a missing scope folder as empty', async () => {
    const plan = planWrites(root, new Map([['environments/prod/recipe.yaml', gen('kind: Recipe')]]), { dirs: ['environments/prod'] });
    expect(plan.create).toEqual(['environments/prod/recipe.yaml']);
  });
});
