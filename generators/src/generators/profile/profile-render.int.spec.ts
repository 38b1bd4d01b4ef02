/**
 * The issue's reproduction, on a copy of this repository through the real `eleventh` command: a generated
 * profile (`markets-risk`) selected beside the platform's own renders without collision, in every
 * combination, and each environment still builds with `kubectl kustomize`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { createExampleRepo, hasKubectl, runEleventh, type ExampleRepo } from '@eleventh/cli/testing';
import { profileGenerator } from './generator';

let repo: ExampleRepo;
const STAGING = 'environments/staging/environment.yaml';

beforeAll(async () => {
  repo = createExampleRepo('eleventh-profile-render-');
  const tree = new FsTree(repo.root, false);
  await profileGenerator(tree, { name: 'markets-risk', skipFormat: true });
  flushChanges(repo.root, tree.listChanges());
}, 60_000);
afterAll(() => repo.cleanup());

function withProfiles(profiles: readonly string[]): { status: number; stderr: string } {
  const text = readFileSync(join(repo.root, STAGING), 'utf8').replace(/profiles:\n(  - .*\n)+/, `profiles:\n${profiles.map((p) => `  - ${p}\n`).join('')}`);
  writeFileSync(join(repo.root, STAGING), text);
  return runEleventh(repo.root, ['render', '--env', 'staging']);
}

describe('profiles in combination (generated and shipped)', () => {
  it.each([
    [['observability', 'markets-risk']],
    [['markets-risk', 'observability', 'payments-compliance']],
    [['payments-compliance', 'markets-risk']],
  ])('%j renders, one folder per layer, and builds', (profiles) => {
    const res = withProfiles(profiles);
    expect(res.stderr).not.toMatch(/same file name|internal error|\n\s+at /);
    expect(res.status).toBe(0);
    const top = readFileSync(join(repo.root, 'environments/staging/_platform/kustomization.yaml'), 'utf8');
    for (const layer of ['base', ...profiles]) expect(top).toContain(`\n- ${layer}\n`);
    expect(readFileSync(join(repo.root, 'environments/staging/_platform/markets-risk/namespace.yaml'), 'utf8')).toContain('name: markets-risk');
    if (!hasKubectl()) return;
    const built = spawnSync('kubectl', ['kustomize', 'environments/staging'], { cwd: repo.root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toContain('namespace: markets-risk');
  });
});
