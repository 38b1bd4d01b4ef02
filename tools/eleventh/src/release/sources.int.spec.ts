/**
 * A promoted environment renders from its tag's sources: a later deploy.ts change and a later kit change
 * reach staging on the next recipe, never preprod — neither by promoting the old tag nor by re-rendering.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { commitAll, createReleaseRepo, ok } from './release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
const read = (p: string) => readFileSync(join(repo.root, p), 'utf8');
const DEPLOY = 'services/customer-api/deploy.ts';
const KIT = 'platform/src/kit/labels.ts';

beforeAll(() => {
  repo = createReleaseRepo();
  git(['tag', 'preprod-v1'], { cwd: repo.root });
  writeFileSync(join(repo.root, DEPLOY), read(DEPLOY).replace("type: 'http',", "type: 'http',\n  port: 9090,"));
  const kit = read(KIT);
  expect(kit).toContain("MANAGED_BY = 'eleventh'");
  writeFileSync(join(repo.root, KIT), kit.replace("MANAGED_BY = 'eleventh'", "MANAGED_BY = 'eleventh-kit-2'"));
  commitAll(repo.root, 'customer-api: port 9090; kit: managed-by value');
  ok(repo.root, ['recipe']);
  commitAll(repo.root, 'eleventh recipe');
});
afterAll(() => repo.cleanup());

describe('rendering a promoted environment from its tag', () => {
  it('staging follows main: the new port and the new kit are rendered there', () => {
    expect(read('environments/staging/customer/customer-api/deployment.yaml')).toContain('containerPort: 9090');
    expect(read('environments/staging/payments/payments-api/deployment.yaml')).toContain('eleventh-kit-2');
  });

  it('promote --tag renders preprod from the tag: the old deploy.ts, not the new port', () => {
    ok(repo.root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1']);
    const service = read('environments/preprod/customer/customer-api/deployment.yaml');
    expect(service).not.toContain('containerPort: 9090');
    expect(service).toContain('containerPort: 8080');
    expect(read('environments/preprod/payments/payments-api/deployment.yaml')).not.toContain('eleventh-kit-2');
  });

  it('render re-renders preprod from its promotedFrom commit and changes nothing', () => {
    commitAll(repo.root, 'promote');
    const check = ok(repo.root, ['render', '--check', '--env', 'preprod']);
    expect(check.stdout).toBe('');
  });
});
