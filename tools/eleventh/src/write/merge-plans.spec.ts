import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATED_HEADER } from '../model';
import { mergePlans, planWrites, WriteRefusedError, type WritePlan } from './index';

const gen = (body: string) => `${GENERATED_HEADER}\n${body}\n`;
const ENVS = ['environments/preprod', 'environments/staging'];
let root: string;

function put(rel: string, content: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), content);
}

/** In each environment: an unchanged file, one to update, one to prune (emptying two folders), one to create. */
function seed(env: string): Map<string, string> {
  put(`${env}/environment.yaml`, 'registry: r\n');
  put(`${env}/pay/api/deployment.yaml`, gen('kind: Deployment'));
  put(`${env}/pay/api/service.yaml`, gen('kind: Service v1'));
  put(`${env}/gone/old/deployment.yaml`, gen('kind: Deployment'));
  put(`${env}/pay/kept/deployment.yaml`, gen('kind: Kept'));
  return new Map([
    [`${env}/pay/api/deployment.yaml`, gen('kind: Deployment')],
    [`${env}/pay/api/service.yaml`, gen('kind: Service v2')],
    [`${env}/pay/new/deployment.yaml`, gen('kind: Deployment')],
    [`${env}/recipe.yaml`, gen('kind: Recipe')],
  ]);
}

const kept = (dir: string) => dir.endsWith('/pay/kept');

/** Each scope planned alone, as engine/write-plans.ts plans them, or what planning it threw. */
function parts(desired: Map<string, string>): Array<{ plan: WritePlan } | { error: unknown }> {
  return ENVS.map((env) => {
    const mine = new Map([...desired].filter(([rel]) => rel.startsWith(`${env}/`)));
    try {
      return { plan: planWrites(root, mine, { dirs: [env], skipDir: kept }) };
    } catch (error) {
      return { error };
    }
  });
}

function refusal(fn: () => unknown): WriteRefusedError {
  try {
    fn();
  } catch (err) {
    if (err instanceof WriteRefusedError) return err;
    throw err;
  }
  throw new Error('expected a WriteRefusedError');
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-merge-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('mergePlans', () => {
  it('gives exactly the plan one planWrites over every scope gives', () => {
    const desired = new Map([...seed(ENVS[0]!), ...seed(ENVS[1]!)]);
    const single = planWrites(root, desired, { dirs: ENVS, skipDir: kept });
    const merged = mergePlans(parts(desired));
    expect(merged).toEqual(single);
    expect(merged.create).toEqual(['environments/preprod/pay/new/deployment.yaml', 'environments/preprod/recipe.yaml', 'environments/staging/pay/new/deployment.yaml', 'environments/staging/recipe.yaml']);
    expect(merged.removeDirs).toEqual(['environments/preprod/gone/old', 'environments/staging/gone/old', 'environments/preprod/gone', 'environments/staging/gone']);
    expect(merged.unchanged).toBe(2);
  });

  it('reports the refusals of every scope in one error, in file order, as the single plan does', () => {
    const desired = new Map([...seed(ENVS[0]!), ...seed(ENVS[1]!)]);
    put('environments/staging/pay/api/service.yaml', 'hand: written\n');
    put('environments/preprod/pay/new/deployment.yaml/x', 'a folder where a file goes\n');
    symlinkSync('/etc/hostname', join(root, 'environments/preprod/recipe.yaml'));
    const single = refusal(() => planWrites(root, desired, { dirs: ENVS, skipDir: kept }));
    const merged = refusal(() => mergePlans(parts(desired)));
    expect(merged.findings.map((f) => f.file)).toEqual(['environments/preprod/pay/new/deployment.yaml', 'environments/preprod/recipe.yaml', 'environments/staging/pay/api/service.yaml']);
    expect(merged.message).toBe(single.message);
  });

  it('rethrows an error that is not a refusal before any refusal', () => {
    const broken = new Error('EACCES somewhere');
    const refused = new WriteRefusedError([{ file: 'environments/a/x.yaml', problem: 'not generated' }]);
    expect(() => mergePlans([{ error: refused }, { error: broken }])).toThrow(broken);
  });

  it('returns a single scope plan as it is', () => {
    const desired = seed(ENVS[1]!);
    const [, only] = parts(desired);
    if (!only || !('plan' in only)) throw new Error('expected staging to plan');
    expect(mergePlans([only])).toBe(only.plan);
  });
});
