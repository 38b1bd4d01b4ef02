/**
 * `eleventh new` end to end: a real new repository with real installs (npm registry), then the day-one
 * flow a platform engineer follows: namespace, service (by `nx g`, and by `npx plop` with the answers on the
 * command line), commit, recipe, and kustomize builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitAll, step } from '../testing/steps';
import { createNewRepository } from './new-repo';

const ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const ENVIRONMENTS = ['staging', 'ops-staging', 'preprod', 'prod'];
const base = mkdtempSync(join(tmpdir(), 'eleventh-e2e-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('eleventh new DIR (e2e, slow)', () => {
  it('creates a repository where a namespace and services (nx g and plop) get pinned to their commit and every environment builds', async () => {
    const dir = join(base, 'acme');
    await createNewRepository(dir);
    step('namespace generator', dir, 'npx', ['nx', 'g', '@eleventh/nx:namespace', 'risk', '--team=risk-engineers']);
    step('service generator', dir, 'npx', ['nx', 'g', '@eleventh/nx:service', 'fraud-scorer', '--namespace=risk']);
    // plop with the answers on the command line, through the installed @eleventh/nx (no prompt is left to ask)
    step('plop service', dir, 'npx', ['plop', 'service', 'ledger-worker', 'risk', 'node', 'worker']);
    expect(readFileSync(join(dir, 'services/ledger-worker/deploy.ts'), 'utf8')).toContain("type: 'worker'");
    const refused = spawnSync('npx', ['plop', 'service', 'ledger-api', 'nowhere', 'node', 'worker'], { cwd: dir, env: ENV, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(`${refused.stdout}${refused.stderr}`).toContain("environments/staging/nowhere/tenant.yaml: namespace 'nowhere' does not exist");
    expect(existsSync(join(dir, 'services/ledger-api'))).toBe(false);
    const profile = step('profile generator', dir, 'npx', ['nx', 'g', '@eleventh/nx:profile', 'markets-risk']);
    expect(profile).not.toContain('no profiles registry found');
    expect(readFileSync(join(dir, 'platform/profiles/index.ts'), 'utf8')).toContain('[marketsRisk]');
    const staging = join(dir, 'environments/staging/environment.yaml');
    writeFileSync(staging, `${readFileSync(staging, 'utf8').replace(/^profiles:.*(\n  - .*)*\n?/m, '')}profiles:\n  - observability\n  - markets-risk\n`);
    const commit = commitAll(dir, 'risk: fraud-scorer');
    step('eleventh recipe', dir, 'npx', ['eleventh', 'recipe']);

    const recipe = parse(readFileSync(join(dir, 'environments/staging/recipe.yaml'), 'utf8'));
    expect(recipe.services['fraud-scorer'].namespace).toBe('risk');
    expect(recipe.services['fraud-scorer'].commit).toBe(commit);
    expect(recipe.services['ledger-worker']).toMatchObject({ namespace: 'risk', commit });
    expect(Object.keys(recipe.addons)).toEqual(expect.arrayContaining(['cert-manager', 'traefik', 'observability-blackbox-exporter']));
    expect(readFileSync(join(dir, 'environments/staging/_platform/markets-risk/namespace.yaml'), 'utf8')).toContain('name: markets-risk');

    if (spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status !== 0) {
      console.warn('e2e: kubectl is not on PATH: skipped `kubectl kustomize environments/<env>`');
      return;
    }
    for (const env of ENVIRONMENTS) {
      const built = step(`kubectl kustomize environments/${env}`, dir, 'kubectl', ['kustomize', `environments/${env}`]);
      expect(built, env).toContain('kind: Namespace');
    }
  }, 900_000);
});
