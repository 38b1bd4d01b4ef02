/**
 * The secret store layer through the real command on a real repository: each environment's `secretStore`
 * (inherited along `extends`, each child stating its differences) rendered as per-namespace
 * ClusterSecretStores under `_platform/secrets/` with their Flux Kustomization and the namespaces'
 * ServiceAccounts; a store change on main reaching staging and not prod until a promotion; Sealed Secrets
 * in one environment (the controller as an add-on in the recipe, SealedSecrets instead of ExternalSecrets).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git } from '../git/run';
import { hasKubectl } from '../testing/example-repo';
import { cli, commitAll, createReleaseRepo, ok, readRecipeFile } from '../release/release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
let root: string;
const ENVS = ['staging', 'ops-staging', 'preprod', 'prod'];
const NAMESPACES = ['customer', 'payments', 'risk'];
const OVERRIDES = 'environments/staging/payments/payments-api/overrides.yaml';

beforeAll(() => {
  repo = createReleaseRepo('eleventh-secret-store-');
  root = repo.root;
}, 180_000);
afterAll(() => repo?.cleanup());

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const edit = (path: string, from: string | RegExp, to: string) => {
  const before = read(path);
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  writeFileSync(join(root, path), after);
};
type Vault = { server: string; path: string; version: string; auth: { kubernetes: { mountPath: string; role: string; serviceAccountRef: { name: string; namespace: string } } } };
const store = (env: string, ns: string) => parse(read(`environments/${env}/_platform/secrets/cluster-secret-store-secrets-${ns}.yaml`)) as { spec: { conditions: unknown; provider: { vault: Vault } } };

describe('every environment renders its store', () => {
  it('one ClusterSecretStore per namespace, usable from that namespace only, with a role per environment and namespace', () => {
    for (const env of ENVS) {
      for (const ns of NAMESPACES) {
        const s = store(env, ns);
        expect(s.spec.conditions).toEqual([{ namespaces: [ns] }]);
        expect(s.spec.provider.vault.auth.kubernetes.role).toBe(`eleventh-${env}-${ns}`);
        expect(s.spec.provider.vault.auth.kubernetes.serviceAccountRef).toEqual({ name: 'eleventh-secrets', namespace: ns });
        expect(parse(read(`environments/${env}/${ns}/service-account.yaml`))).toMatchObject({ kind: 'ServiceAccount', metadata: { name: 'eleventh-secrets', namespace: ns }, automountServiceAccountToken: false });
      }
    }
  });

  it('inherits along extends: each child states only its differences', () => {
    const vault = (env: string) => store(env, 'payments').spec.provider.vault;
    expect(vault('staging')).toMatchObject({ server: 'https://vault.example.com:8200', path: 'secret', version: 'v2', auth: { kubernetes: { mountPath: 'kubernetes/staging-eu-1' } } });
    expect(vault('ops-staging')).toMatchObject({ server: 'https://vault.example.com:8200', auth: { kubernetes: { mountPath: 'kubernetes/ops-staging-eu-1' } } });
    expect(vault('preprod')).toMatchObject({ server: 'https://vault.example.com:8200', auth: { kubernetes: { mountPath: 'kubernetes/preprod-eu-1' } } });
    expect(vault('prod')).toMatchObject({ server: 'https://vault.prod.example.com:8200', auth: { kubernetes: { mountPath: 'kubernetes/prod-eu-1' } } });
  });

  it('Flux applies _platform/secrets after the platform layer; the namespaces wait for the platform layer only', () => {
    for (const env of ENVS) {
      const k = parse(read(`environments/${env}/_flux/kustomization-${env}-secrets.yaml`)) as { spec: { path: string; wait: boolean; dependsOn: unknown } };
      expect(k.spec).toMatchObject({ path: `./environments/${env}/_platform/secrets`, wait: false, dependsOn: [{ name: `${env}-platform` }] });
      expect((parse(read(`environments/${env}/_flux/kustomization-${env}-payments.yaml`)) as { spec: { dependsOn: unknown[] } }).spec.dependsOn).not.toContainEqual({ name: `${env}-secrets` });
      expect(read(`environments/${env}/kustomization.yaml`)).toContain('- _platform/secrets');
    }
  });

  it.runIf(hasKubectl())('kubectl kustomize builds every environment with its stores', () => {
    for (const env of ENVS) {
      const res = spawnSync('kubectl', ['kustomize', `environments/${env}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(res.status, `${env}: ${res.stderr}`).toBe(0);
      expect(res.stdout.match(/^kind: ClusterSecretStore$/gm)).toHaveLength(3);
    }
  });
});

describe('a store change on main', () => {
  beforeAll(() => {
    git(['tag', 'preprod-v1'], { cwd: root });
    ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--commit']);
    edit('environments/staging/environment.yaml', 'https://vault.example.com:8200', 'https://vault-2.example.com:8200');
    commitAll(root, 'staging: the new Vault cluster');
    ok(root, ['recipe', '--commit']);
  });

  it('reaches staging (and ops-staging, which inherits it) at the next recipe, and not preprod until a promotion', () => {
    expect(store('staging', 'payments').spec.provider.vault.server).toBe('https://vault-2.example.com:8200');
    expect(store('ops-staging', 'payments').spec.provider.vault.server).toBe('https://vault-2.example.com:8200');
    expect(store('preprod', 'payments').spec.provider.vault.server).toBe('https://vault.example.com:8200');
    expect(cli(root, 'render', '--check').status).toBe(0);
    expect(cli(root, 'verify').status).toBe(0);
  });
});

describe('Sealed Secrets in one environment', () => {
  const SEALED = `AgB${'z'.repeat(300)}=`;
  beforeAll(() => {
    // payments-api's password by reference per environment: Vault in staging, a ciphertext in ops-staging.
    edit('services/payments-api/deploy.ts', /\n {4}'db-password': \{[^}]*\},/, '');
    edit('environments/staging/payments/payments-api/overrides.yaml', 'secrets:\n', 'secrets:\n  db-password:\n    path: payments/payments-api/db\n    key: password\n    env: DB_PASSWORD\n');
    writeFileSync(join(root, 'environments/ops-staging/payments/payments-api/overrides.yaml'), `secrets:\n  db-password:\n    sealed: ${SEALED}\n`);
    edit('environments/ops-staging/environment.yaml', /secretStore:\n(?:[ #][^\n]*\n)*/, 'secretStore:\n  provider: sealed-secrets\nplatform:\n  addons:\n    secrets-sealed-secrets:\n      version: 2.17.1\n');
  });

  it('an inherited Vault reference the Sealed Secrets environment did not replace is refused at the line that wrote it', () => {
    const res = cli(root, 'render', '--check');
    expect(res.status, res.stderr).toBe(2);
    const line = read(OVERRIDES).split('\n').findIndex((l) => l.includes('path: payments/payments-api/provider')) + 1;
    expect(res.stderr).toContain(`${OVERRIDES}:${line}: ops-staging/payments/payments-api: 'secrets.provider-api-key.path' is a store reference, but the secret store is Sealed Secrets`);
    expect(res.stderr).not.toContain('db-password');
  });

  it('renders the controller and SealedSecrets in ops-staging (sealed replaces the inherited path and key), ExternalSecrets elsewhere', () => {
    writeFileSync(join(root, 'environments/ops-staging/payments/payments-api/overrides.yaml'), `secrets:\n  db-password:\n    sealed: ${SEALED}\n  provider-api-key:\n    sealed: ${SEALED}\n`);
    commitAll(root, 'ops-staging: Sealed Secrets');
    const res = ok(root, ['recipe', '--commit']);
    expect(res.status).toBe(0);
    expect(existsSync(join(root, 'environments/ops-staging/_platform/secrets/cluster-secret-store-secrets-payments.yaml'))).toBe(false);
    expect(readRecipeFile(root, 'ops-staging').addons!['secrets-sealed-secrets']).toEqual({ chart: 'sealed-secrets', version: '2.17.1', repository: 'https://bitnami-labs.github.io/sealed-secrets', values: expect.stringMatching(/^sha256:/) });
    expect(readRecipeFile(root, 'staging').addons!['secrets-sealed-secrets']).toBeUndefined();
    const sealed = parse(read('environments/ops-staging/payments/payments-api/sealed-secret.yaml')) as { spec: { encryptedData: Record<string, string> } };
    expect(sealed.spec.encryptedData).toEqual({ 'db-password': SEALED, 'provider-api-key': SEALED });
    const container = (parse(read('environments/ops-staging/payments/payments-api/deployment.yaml')) as { spec: { template: { spec: { containers: Array<{ env: unknown[] }> } } } }).spec.template.spec.containers[0];
    expect(container.env).toContainEqual({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'payments-api-secrets', key: 'db-password' } } });
    expect(existsSync(join(root, 'environments/ops-staging/payments/payments-api/external-secret.yaml'))).toBe(false);
    expect(existsSync(join(root, 'environments/ops-staging/payments/service-account.yaml'))).toBe(false);
    expect(existsSync(join(root, 'environments/ops-staging/_flux/kustomization-ops-staging-secrets.yaml'))).toBe(false);
    expect(read('environments/ops-staging/_platform/kustomization.yaml')).toContain('- secrets');
    expect(read('environments/staging/payments/payments-api/external-secret.yaml')).toContain('key: payments/payments-api/db');
    expect(cli(root, 'verify').status).toBe(0);
  });
});
