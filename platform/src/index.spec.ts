import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as kit from './index';
import { context } from './kit/test-fixtures';

const root = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('@eleventh/platform entry point', () => {
  it('loads with a plain CommonJS require through @swc-node/register', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'eleventh-kit-'));
    const script = `require(${JSON.stringify(require.resolve('@swc-node/register'))});
      const k = require(${JSON.stringify(join(root, 'platform/src/index.ts'))});
      process.stdout.write(JSON.stringify([typeof k.defineService, typeof k.KitError, k.listProfiles()]));`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['function', 'function', ['observability', 'payments-compliance']]);
  });

  it('exports the public API', () => {
    for (const name of ['defineService', 'renderTenant', 'renderPlatform', 'renderFluxNamespace', 'listProfiles', 'checkObject', 'runPolicies', 'KitError']) {
      expect(typeof (kit as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('imports only node builtins, kubernetes-models* and relative files', () => {
    const bad = sources(join(root, 'platform/src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => m[1])
        .filter((spec) => !/^(\.|node:|kubernetes-models\/|@kubernetes-models\/)/.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('every object from every builder passes checkObject', () => {
    const objects = [
      ...kit.defineService({ name: 'api', namespace: 'payments', type: 'http', allowFrom: ['web'] }).render(
        context({ autoscaling: { min: 2, max: 4, cpuPercent: 70 }, env: { A: '1' }, values: { a: { b: 1 } } }),
      ),
      ...kit.defineService({ name: 'worker', namespace: 'payments', type: 'worker' }).render(context()),
      ...kit.defineService({ name: 'nightly', namespace: 'payments', type: 'cron', schedule: '0 3 * * *' }).render(context()),
      ...kit.renderTenant({ environment: 'staging', namespace: 'payments', team: 'payments', quota: { cpu: '8', memory: '16Gi', pods: 50 }, allowFrom: ['web'], egressTo: ['ledger'] }),
      ...kit.renderPlatform({ environment: 'staging', profiles: kit.listProfiles() }),
      ...kit.renderPlatform({ environment: 'staging', profiles: [], namespaces: ['payments'], secretStore: { provider: 'vault', server: 'https://vault.example.com', auth: { kubernetes: { role: 'eleventh-{namespace}' } } } }).filter((o) => o.kind === 'ClusterSecretStore'),
      ...kit.renderPlatform({ environment: 'staging', profiles: [], secretStore: { provider: 'sealed-secrets' } }).filter((o) => o.metadata?.name === 'secrets-sealed-secrets'),
      ...kit.defineService({ name: 'vaulted', namespace: 'payments', type: 'http', secrets: { db: { path: 'payments/db', key: 'password', env: 'DB_PASSWORD' }, tls: { path: 'payments/tls', key: 'key', mount: '/etc/secrets/tls/key' } } }).render({ ...context(), secretStore: { provider: 'vault' } }),
      ...kit.defineService({ name: 'sealed', namespace: 'payments', type: 'worker', secrets: { db: { sealed: 'A'.repeat(100), env: 'DB_PASSWORD' } } }).render({ ...context(), secretStore: { provider: 'sealed-secrets' } }),
      kit.renderFluxNamespace({ environment: 'staging', namespace: 'payments', path: './environments/staging/payments' }),
    ];
    expect(objects.length).toBeGreaterThan(30);
    expect(objects.flatMap(kit.checkObject)).toEqual([]);
  });
});
