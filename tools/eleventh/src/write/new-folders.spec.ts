/**
 * A folder that does not exist yet is written whole under a temporary name and renamed into place once
 * (apply.ts). It must land exactly as file-by-file writing would, leave no temporary folder, and be taken
 * back entirely when the apply fails, whether before or after it was placed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATED_HEADER } from '../model';
import { pathList } from '../testing/path-list';
import { applyPlan, planWrites } from './index';

const gen = (body: string) => `${GENERATED_HEADER}\n${body}\n`;
let root: string;

function put(rel: string, content: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), content);
}

/** Every path under root (folders end with `/`), sorted. */
const tree = (): string[] => pathList(root);

const SCOPE = { dirs: ['environments/staging', 'environments/prod'] };
/** prod does not exist at all; staging/payments exists and gets a new service folder, and one file updated. */
const DESIRED = () =>
  new Map([
    ['environments/staging/payments/api/deployment.yaml', gen('kind: Deployment\nspec: {replicas: 2}')],
    ['environments/staging/payments/web/deployment.yaml', gen('kind: Deployment')],
    ['environments/staging/payments/web/config/app.yaml', gen('kind: ConfigMap')],
    ['environments/prod/payments/api/deployment.yaml', gen('kind: Deployment')],
    ['environments/prod/payments/kustomization.yaml', gen('kind: Kustomization')],
    ['environments/prod/recipe.yaml', gen('environment: prod')],
  ]);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-new-folders-'));
  put('environments/staging/payments/tenant.yaml', 'team: pay\n');
  put('environments/staging/payments/api/deployment.yaml', gen('kind: Deployment'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('new folders', () => {
  it('land whole, with every file as desired and no temporary name left', async () => {
    await applyPlan(root, planWrites(root, DESIRED(), SCOPE));
    for (const [rel, content] of DESIRED()) expect(readFileSync(join(root, rel), 'utf8')).toBe(content);
    expect(tree().filter((p) => p.includes('eleventh-tmp'))).toEqual([]);
    expect(tree()).toContain('environments/prod/payments/api/');
  });

  it('each file passes the hook, in path order, before its folder is placed', async () => {
    const seen: string[] = [];
    await applyPlan(root, planWrites(root, DESIRED(), SCOPE), { beforeRename: (p) => seen.push(p) });
    expect(seen).toEqual([...DESIRED().keys()].sort());
  });

  it.each([
    ['before the new folders are placed', 'environments/prod/payments/api/deployment.yaml'],
    ['after a new folder was placed', 'environments/staging/payments/web/deployment.yaml'],
  ])('a failure %s takes everything back: the tree is as before', async (_, failAt) => {
    const before = tree();
    const plan = planWrites(root, DESIRED(), SCOPE);
    await expect(applyPlan(root, plan, { beforeRename: (p) => { if (p === failAt) throw new Error('injected'); } })).rejects.toThrow('injected');
    expect(tree()).toEqual(before);
    expect(readFileSync(join(root, 'environments/staging/payments/api/deployment.yaml'), 'utf8')).toBe(gen('kind: Deployment'));
  });

  it('a folder left under its temporary name by a writer that died is pruned by the next run', async () => {
    put('environments/staging/payments/.web.eleventh-tmp-99999/deployment.yaml', gen('kind: Deployment (half'));
    await applyPlan(root, planWrites(root, DESIRED(), SCOPE));
    expect(existsSync(join(root, 'environments/staging/payments/.web.eleventh-tmp-99999'))).toBe(false);
    expect(tree().filter((p) => p.includes('eleventh-tmp'))).toEqual([]);
  });
});
