/**
 * Issue 9 part 1 — secrets never in plain text: a catalog of bad inputs, one row each, run through the real
 * CLI against a reciped copy of the example organisation (payments-api takes its database password from the
 * store by reference in deploy.ts, and its provider key in staging's overrides.yaml; every environment has a
 * Vault store). Every row: exit 2, the file (and line where there is one) in the message, no stack trace,
 * nothing written (`git status` and every entry under environments/ unchanged). Then the positive paths:
 * the ExternalSecrets and stores valid against the operator's schema, Sealed Secrets, explain.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentsSnapshot as snapshot, worktreeStatus as status } from '../testing/untouched';
import { parse } from 'yaml';
import { git } from '../git/run';
import { installedKit } from '../load/kit';
import { createRecipedRepo, hasKubectl, runEleventh, type ExampleRepo } from '../testing/example-repo';

const STAGING = 'environments/staging';
const ENV = `${STAGING}/environment.yaml`;
const OPS_ENV = 'environments/ops-staging/environment.yaml';
const TENANT = `${STAGING}/payments/tenant.yaml`;
const OVERRIDES = `${STAGING}/payments/payments-api/overrides.yaml`;
const DEFAULTS = 'platform/defaults.yaml';
const DEPLOY = 'services/payments-api/deploy.ts';
const PROFILE = 'platform/src/profiles/payments-compliance.ts';
const HINT = "(expected a reference under 'secrets:' (the store's path and key, rendered as an ExternalSecret), not a literal)";
const CIPHERTEXT = `AgB${'q'.repeat(200)}==`;
const STORES = [ENV, OPS_ENV, 'environments/preprod/environment.yaml', 'environments/prod/environment.yaml'];

let repo: ExampleRepo;

beforeAll(() => {
  repo = createRecipedRepo('eleventh-catalog-secrets-');
}, 180_000);
afterAll(() => repo?.cleanup());

function read(root: string, rel: string): string {
  return readFileSync(join(root, rel), 'utf8');
}

function write(root: string, rel: string, text: string): void {
  writeFileSync(join(root, rel), text);
}

/** Replace `from` (which must be there) in a file. */
function sub(root: string, rel: string, from: string, to: string): void {
  const before = read(root, rel);
  if (!before.includes(from)) throw new Error(`${rel} has no ${JSON.stringify(from)}`);
  write(root, rel, before.replace(from, to));
}

function append(root: string, rel: string, text: string): void {
  write(root, rel, read(root, rel) + text);
}

/** `rel:<line of the first line containing needle>`. */
function at(rel: string, needle: string): (root: string) => string {
  return (root) => {
    const line = read(root, rel).split('\n').findIndex((l) => l.includes(needle));
    if (line < 0) throw new Error(`${rel} has no line with ${JSON.stringify(needle)}`);
    return `${rel}:${line + 1}`;
  };
}

/** The file's `secretStore:` block removed (to the next top-level key or the end). */
function withoutStore(root: string, rel: string): void {
  write(root, rel, read(root, rel).replace(/^# [^\n]*\n(?=secretStore:)/m, '').replace(/^secretStore:\n(?:[ #][^\n]*\n)*/m, ''));
}

const customize = (root: string, body: string, imports = ''): void => {
  sub(root, DEPLOY, "import { Deployment } from 'kubernetes-models/apps/v1/Deployment';", `import { Deployment } from 'kubernetes-models/apps/v1/Deployment';${imports}`);
  sub(root, DEPLOY, 'customize: (objects) => longerDrain(objects),', `customize: ${body},`);
};
const SECRET_IMPORT = "\nimport { Secret } from 'kubernetes-models/v1/Secret';";
const DB_ENTRY = "'db-password': { path: 'payments/payments-api/db', key: 'password', env: 'DB_PASSWORD' },";
const MOUNT = '    mount: /etc/secrets/provider/api-key';

interface Row {
  readonly name: string;
  readonly setup: (root: string) => void;
  /** `file` or `file:line` the message must name (a function: computed from the edited file). */
  readonly where: string | ((root: string) => string);
  readonly says: string;
  readonly args?: readonly string[];
}

const rows: Row[] = [
  // plaintext Secrets anywhere a service renders (customize)
  { name: 'a Secret with data from customize', setup: (r) => customize(r, "(objects) => [...longerDrain(objects), new Secret({ metadata: { name: 'db', namespace: 'payments' }, data: { password: 'aHVudGVyMg==' } })]", SECRET_IMPORT), where: DEPLOY, says: "policy no-plaintext-secret: Secret 'db' has 'password' in plain text under 'data' (expected no Secret with data in git:" },
  { name: 'a Secret with stringData from customize', setup: (r) => customize(r, "(objects) => [...longerDrain(objects), new Secret({ metadata: { name: 'db', namespace: 'payments' }, stringData: { user: 'app', password: 'hunter2' } })]", SECRET_IMPORT), where: DEPLOY, says: "policy no-plaintext-secret: Secret 'db' has 'password', 'user' in plain text under 'stringData'", args: ['recipe'] },
  { name: 'a credential env literal added by customize', setup: (r) => customize(r, "(objects) => longerDrain(objects).map((o) => { if (o instanceof Deployment) o.spec!.template.spec!.containers[0].env!.push({ name: 'STRIPE_API_KEY', value: 'sk_live_1' }); return o; })"), where: DEPLOY, says: "policy no-credential-literal: container 'payments-api' has env 'STRIPE_API_KEY' as a literal value, which looks like a credential" },
  // credential-looking literals, in every kind of config file, at the line that sets them
  { name: 'DB_PASSWORD in overrides.yaml env', setup: (r) => sub(r, OVERRIDES, '  PAYMENTS_PROVIDER: sandbox', '  PAYMENTS_PROVIDER: sandbox\n  DB_PASSWORD: hunter2'), where: at(OVERRIDES, 'DB_PASSWORD'), says: `'env.DB_PASSWORD' looks like a credential and has a literal value ${HINT}` },
  { name: 'an API key in tenant.yaml defaults.env', setup: (r) => sub(r, TENANT, '    CURRENCY_DEFAULT: EUR', '    CURRENCY_DEFAULT: EUR\n    PARTNER_API_KEY: abc123'), where: at(TENANT, 'PARTNER_API_KEY'), says: "'defaults.env.PARTNER_API_KEY' looks like a credential and has a literal value" },
  { name: 'a token in environment.yaml defaults.env', setup: (r) => sub(r, ENV, '    LOG_LEVEL: info', '    LOG_LEVEL: info\n    GITHUB_TOKEN: ghp_123'), where: at(ENV, 'GITHUB_TOKEN'), says: "'defaults.env.GITHUB_TOKEN' looks like a credential" },
  { name: 'a secret in a child environment.yaml (ops-staging)', setup: (r) => sub(r, OPS_ENV, '  replicas: 1', '  replicas: 1\n  env:\n    SESSION_SECRET: s3cr3t'), where: at(OPS_ENV, 'SESSION_SECRET'), says: "'defaults.env.SESSION_SECRET' looks like a credential" },
  { name: 'a secret in platform/defaults.yaml service.env', setup: (r) => sub(r, DEFAULTS, '  env: {}', '  env:\n    JWT_SECRET: s3cr3t'), where: at(DEFAULTS, 'JWT_SECRET'), says: "'service.env.JWT_SECRET' looks like a credential", args: ['recipe'] },
  { name: "a token in a profile's defaults (deploy-time TypeScript)", setup: (r) => sub(r, PROFILE, "env: { AUDIT_LOG: 'on' },", "env: { AUDIT_LOG: 'on', AUDIT_TOKEN: 'abc' },"), where: at(PROFILE, 'AUDIT_TOKEN'), says: "profile 'payments-compliance' defaults: 'env.AUDIT_TOKEN' looks like a credential" },
  { name: 'a password under values (overrides.yaml)', setup: (r) => append(r, OVERRIDES, 'values:\n  db:\n    host: db.local\n    password: hunter2\n'), where: at(OVERRIDES, 'password: hunter2'), says: "'values.db.password' looks like a credential and has a literal value" },
  { name: 'a camelCase clientSecret under values (tenant.yaml)', setup: (r) => append(r, TENANT, '  values:\n    oauth:\n      clientSecret: abc\n'), where: at(TENANT, 'clientSecret'), says: "'defaults.values.oauth.clientSecret' looks like a credential" },
  { name: 'a user inside a credentials block (environment.yaml)', setup: (r) => sub(r, ENV, 'defaults:\n', 'defaults:\n  values:\n    credentials:\n      user: app\n'), where: at(ENV, 'user: app'), says: "'defaults.values.credentials.user' looks like a credential" },
  { name: 'an apiKeys list under values (platform/defaults.yaml)', setup: (r) => sub(r, DEFAULTS, '  values: {}', '  values:\n    apiKeys:\n      - sk_live_1'), where: at(DEFAULTS, 'sk_live_1'), says: "'service.values.apiKeys[0]' looks like a credential" },
  // malformed secrets: entries in config (the example's staging overrides.yaml declares provider-api-key)
  { name: 'a secret without key', setup: (r) => sub(r, OVERRIDES, '    key: sandbox-api-key\n', ''), where: at(OVERRIDES, 'mount:'), says: "'secrets.provider-api-key' lacks 'key' (expected 'key': a property of the stored secret" },
  { name: 'a secret without path', setup: (r) => sub(r, OVERRIDES, '    path: payments/payments-api/provider\n', ''), where: at(OVERRIDES, 'mount:'), says: "'secrets.provider-api-key' lacks 'path'" },
  { name: 'a secret neither env nor mount', setup: (r) => sub(r, OVERRIDES, `${MOUNT}\n`, ''), where: at(OVERRIDES, 'key: sandbox'), says: "'secrets.provider-api-key' has neither 'env' nor 'mount' (expected exactly one of 'env' (an environment variable) or 'mount' (a file path))" },
  { name: 'a secret with both env and mount', setup: (r) => sub(r, OVERRIDES, MOUNT, `${MOUNT}\n    env: PROVIDER_KEY`), where: at(OVERRIDES, 'env: PROVIDER_KEY'), says: "'secrets.provider-api-key' has both 'env' and 'mount'" },
  { name: "an unknown field 'paht' (did you mean)", setup: (r) => sub(r, OVERRIDES, '    path: payments', '    paht: payments'), where: at(OVERRIDES, 'paht:'), says: "unknown key 'paht' in 'secrets.provider-api-key' (did you mean 'path'?)" },
  { name: 'a secret name that is not a DNS label', setup: (r) => sub(r, OVERRIDES, '  provider-api-key:', '  Provider_Key:'), where: at(OVERRIDES, 'Provider_Key'), says: "invalid secret name 'Provider_Key' in 'secrets' (expected a lower-case DNS-1123 label" },
  { name: 'a secret entry that is a literal, not a map', setup: (r) => write(r, OVERRIDES, read(r, OVERRIDES).replace(/secrets:\n[\s\S]*$/, 'secrets:\n  provider-api-key: hunter2\n')), where: at(OVERRIDES, 'provider-api-key: hunter2'), says: "'secrets.provider-api-key' must be a map {path, key, version, env | mount} or {sealed, env | mount}" },
  { name: 'a bad env name for a secret', setup: (r) => sub(r, OVERRIDES, MOUNT, '    env: 1KEY'), where: at(OVERRIDES, '1KEY'), says: "'secrets.provider-api-key.env' must be an environment variable name" },
  { name: 'a secret variable also set literally in env', setup: (r) => sub(r, OVERRIDES, MOUNT, '    env: PAYMENTS_PROVIDER'), where: at(OVERRIDES, 'env: PAYMENTS_PROVIDER'), says: "'secrets.provider-api-key.env' ('PAYMENTS_PROVIDER') is also a literal in 'env.PAYMENTS_PROVIDER'" },
  { name: "a config secret with deploy.ts's variable", setup: (r) => sub(r, OVERRIDES, MOUNT, '    env: DB_PASSWORD'), where: at(OVERRIDES, 'env: DB_PASSWORD'), says: "'secrets.provider-api-key.env' ('DB_PASSWORD') is also 'secrets.db-password.env'" },
  { name: 'a relative mount path', setup: (r) => sub(r, OVERRIDES, MOUNT, '    mount: secrets/api-key'), where: at(OVERRIDES, 'mount:'), says: "'secrets.provider-api-key.mount' must be an absolute file path for the secret: it is not an absolute path" },
  { name: 'a mount that would hide /etc', setup: (r) => sub(r, OVERRIDES, MOUNT, '    mount: /etc/api-key'), where: at(OVERRIDES, 'mount:'), says: "it would hide the image's folder '/etc'" },
  { name: 'a mount in /tmp', setup: (r) => sub(r, OVERRIDES, MOUNT, '    mount: /tmp/secrets/api-key'), where: at(OVERRIDES, 'mount:'), says: 'it is inside /tmp' },
  { name: "a store path with '//'", setup: (r) => sub(r, OVERRIDES, 'path: payments/payments-api/provider', 'path: payments//provider'), where: at(OVERRIDES, 'path:'), says: "'secrets.provider-api-key.path' must be a path in the secret store: it has an empty part ('//')" },
  { name: 'a version with a space', setup: (r) => sub(r, OVERRIDES, MOUNT, `${MOUNT}\n    version: 'v 3'`), where: at(OVERRIDES, 'version:'), says: "'secrets.provider-api-key.version' must be a secret version such as '3'" },
  { name: 'a sealed ciphertext under a Vault store', setup: (r) => sub(r, OVERRIDES, '    path: payments/payments-api/provider\n    key: sandbox-api-key\n', `    sealed: ${CIPHERTEXT}\n`), where: at(OVERRIDES, 'sealed:'), says: "'secrets.provider-api-key.sealed' is a Sealed Secrets ciphertext, but the secret store is vault" },
  // secrets in defineService (deploy.ts): checked at run time at the defineService line
  { name: "defineService secrets with 'paht' (behind a cast)", setup: (r) => sub(r, DEPLOY, DB_ENTRY, DB_ENTRY.replace('{ path', '{ paht').replace('},', '} as any,')), where: at(DEPLOY, 'export default defineService'), says: "unknown field 'paht' in 'secrets.db-password' (did you mean 'path'?) (expected one of: path, key, version, sealed, env, mount)" },
  { name: 'defineService secrets mounted over /etc', setup: (r) => sub(r, DEPLOY, "env: 'DB_PASSWORD' }", "mount: '/etc/db' }"), where: at(DEPLOY, 'export default defineService'), says: "'secrets.db-password.mount' ('/etc/db') would hide the image's folder '/etc'" },
  // a service with secrets where the environment names no store
  { name: 'config secrets in environments without a store', setup: (r) => STORES.forEach((f) => withoutStore(r, f)), where: `${OVERRIDES}:`, says: "'secrets.provider-api-key' needs a secret store, but environment '" },
  { name: 'deploy.ts secrets in environments without a store', setup: (r) => { STORES.forEach((f) => withoutStore(r, f)); write(r, OVERRIDES, read(r, OVERRIDES).replace(/secrets:\n[\s\S]*$/, '')); }, where: DEPLOY, says: "'secrets.db-password' needs a secret store, but environment '" },
  // the store: environment.yaml secretStore
  { name: 'an unknown provider', setup: (r) => sub(r, ENV, 'provider: vault', 'provider: aws'), where: at(ENV, 'provider: aws'), says: "'secretStore.provider' must be a secret store provider (expected \"vault\" or \"sealed-secrets\", got 'aws')" },
  { name: 'a plain-http Vault server', setup: (r) => sub(r, ENV, 'https://vault.example.com:8200', 'http://vault.example.com:8200'), where: at(ENV, '  server:'), says: "'secretStore.server' must be the https URL of the store: it uses http:// (secrets travel over https only)" },
  { name: 'credentials in the server URL', setup: (r) => sub(r, ENV, 'https://vault.example.com:8200', 'https://admin:pw@vault.example.com:8200'), where: at(ENV, '  server:'), says: 'it has credentials in the URL' },
  { name: 'a server that is not a URL', setup: (r) => sub(r, ENV, 'https://vault.example.com:8200', 'vault.example.com'), where: at(ENV, '  server:'), says: 'it is not a URL' },
  { name: "a misspelt 'sever' (did you mean)", setup: (r) => sub(r, ENV, '  server: https', '  sever: https'), where: at(ENV, 'sever:'), says: "unknown key 'sever' in 'secretStore' (did you mean 'server'?)" },
  { name: 'a Vault store without a server', setup: (r) => sub(r, ENV, '  server: https://vault.example.com:8200\n', ''), where: ENV, says: "missing 'secretStore.server' (the Vault store needs its URL)" },
  { name: 'a Vault store without a role', setup: (r) => sub(r, ENV, "      role: 'eleventh-{environment}-{namespace}'\n", ''), where: ENV, says: "missing 'secretStore.auth.kubernetes.role'" },
  { name: 'one Vault role for every tenant', setup: (r) => sub(r, ENV, "role: 'eleventh-{environment}-{namespace}'", 'role: eleventh'), where: at(ENV, 'role:'), says: "'secretStore.auth.kubernetes.role' must be a Vault role per namespace: it names no '{namespace}': every tenant would share one role" },
  { name: 'an unknown placeholder in the role', setup: (r) => sub(r, ENV, '{environment}', '{team}'), where: at(ENV, 'role:'), says: "it has an unknown placeholder '{team}'" },
  { name: 'a KV version v3', setup: (r) => sub(r, ENV, '  path: secret\n', '  path: secret\n  version: v3\n'), where: at(ENV, 'version: v3'), says: "'secretStore.version' must be a KV version" },
  { name: 'an auth mount path with a leading slash', setup: (r) => sub(r, ENV, 'mountPath: kubernetes/staging-eu-1', 'mountPath: /kubernetes'), where: at(ENV, 'mountPath:'), says: "'secretStore.auth.kubernetes.mountPath' must be a Vault mount path: it starts or ends with '/'" },
  { name: 'Sealed Secrets with Vault settings', setup: (r) => sub(r, ENV, 'provider: vault', 'provider: sealed-secrets'), where: at(ENV, '  server:'), says: "'secretStore.server' is a Vault setting, but 'secretStore.provider' is sealed-secrets" },
  { name: 'a Vault store with external-secrets turned off', setup: (r) => append(r, ENV, 'platform:\n  addons:\n    external-secrets: false\n'), where: at(ENV, 'external-secrets: false'), says: "'secretStore' (vault) needs add-on 'external-secrets', which is turned off" },
];

function reset(root: string): void {
  git(['clean', '-fdq'], { cwd: root });
  git(['reset', '--quiet', '--hard'], { cwd: root });
}

describe('catalog: secrets never in plain text (issue 9 part 1)', () => {
  it('has at least 30 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s: exit 2, names the file and line, no stack, nothing written', (_name, row) => {
    const root = repo.root;
    try {
      row.setup(root);
      const where = typeof row.where === 'string' ? row.where : row.where(root);
      const [statusBefore, treeBefore] = [status(root), snapshot(root)];
      const res = runEleventh(root, row.args ?? ['render', '--check', '--env', 'staging']);
      const message = res.stderr.split('\n').filter((l) => !/^eleventh: (nx project graph|rendering|pin walk|writing)/.test(l)).join('\n');
      expect(res.status, res.stderr).toBe(2);
      expect(message).toContain(where);
      expect(message).toContain(row.says);
      for (const line of message.split('\n')) expect(line.split('(expected ').length, line).toBeLessThanOrEqual(2);
      expect(res.stderr).not.toMatch(/^\s+at /m);
      expect(res.stderr).not.toContain('internal error');
      expect(status(root)).toBe(statusBefore);
      expect(snapshot(root)).toEqual(treeBefore);
    } finally {
      reset(root);
    }
  });
});

/** Every rendered file of `kind` under environments/, parsed. */
function rendered(root: string, kind: string): Array<{ file: string; object: Record<string, unknown> }> {
  const out: Array<{ file: string; object: Record<string, unknown> }> = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const r = `${rel}/${name}`;
      if (lstatSync(join(root, r)).isDirectory()) walk(r);
      else if (name.endsWith('.yaml')) {
        const object = parse(read(root, r)) as Record<string, unknown> | null;
        if (object?.kind === kind) out.push({ file: r, object });
      }
    }
  };
  walk('environments');
  return out;
}

describe('secrets by reference: what renders', () => {
  it("every environment's ExternalSecrets and ClusterSecretStores are valid against the operator's schema", () => {
    const kit = installedKit();
    const secrets = rendered(repo.root, 'ExternalSecret');
    expect(secrets.map((s) => s.file)).toEqual(['ops-staging', 'preprod', 'prod', 'staging'].map((e) => `environments/${e}/payments/payments-api/external-secret.yaml`));
    for (const { object } of secrets) {
      const { apiVersion, kind, ...data } = object;
      expect([apiVersion, kind]).toEqual(['external-secrets.io/v1', 'ExternalSecret']);
      const model = new kit.ExternalSecret(data as never);
      expect(() => model.validate()).not.toThrow();
      expect(kit.checkObject(model)).toEqual([]);
    }
    const stores = rendered(repo.root, 'ClusterSecretStore');
    expect(stores).toHaveLength(4 * 3);
    for (const { object } of stores) {
      const { apiVersion: _a, kind: _k, ...data } = object;
      expect(kit.checkObject(new kit.ClusterSecretStore(data as never))).toEqual([]);
    }
    const prod = stores.find((s) => s.file === 'environments/prod/_platform/secrets/cluster-secret-store-secrets-payments.yaml')?.object as { spec: { provider: { vault: Record<string, unknown> } } };
    expect(prod.spec.provider.vault).toMatchObject({ server: 'https://vault.prod.example.com:8200', auth: { kubernetes: { mountPath: 'kubernetes/prod-eu-1', role: 'eleventh-prod-payments' } } });
  });

  it('the Deployment reads the password by secretKeyRef and the provider key from a read-only file', () => {
    const deployment = parse(read(repo.root, `${STAGING}/payments/payments-api/deployment.yaml`)) as { spec: { template: { spec: { containers: Array<{ env: unknown[]; volumeMounts: unknown[] }> } } } };
    const container = deployment.spec.template.spec.containers[0];
    expect(container.env).toContainEqual({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'payments-api-secrets', key: 'db-password' } } });
    expect(container.volumeMounts).toContainEqual({ name: 'secrets-0', mountPath: '/etc/secrets/provider', readOnly: true });
    expect(JSON.stringify(deployment)).not.toContain('hunter2');
  });

  it('kubectl kustomize accepts every environment with its secrets layer', () => {
    if (!hasKubectl()) {
      console.warn('catalog-secrets: kubectl is not installed: the kustomize check is skipped');
      return;
    }
    for (const env of ['staging', 'ops-staging', 'preprod', 'prod']) {
      const res = runKustomize(repo.root, env);
      expect(res.status, res.stderr).toBe(0);
      expect(res.stdout).toContain('kind: ExternalSecret');
      expect(res.stdout).toContain('kind: ClusterSecretStore');
    }
  });

  it('explain names the file and line of each secrets field', () => {
    const res = runEleventh(repo.root, ['explain', 'staging/payments/payments-api', 'secrets.provider-api-key.path']);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain(`${OVERRIDES}:`);
    expect(res.stdout).toContain('payments/payments-api/provider');
  });

  it('names that only mention a credential (SECRET_NAME, TOKEN_TTL_SECONDS, DB_PASSWORD_FILE) are accepted', () => {
    try {
      sub(repo.root, OVERRIDES, '  PAYMENTS_PROVIDER: sandbox', '  PAYMENTS_PROVIDER: sandbox\n  SECRET_NAME: payments-api-secrets\n  TOKEN_TTL_SECONDS: "300"\n  DB_PASSWORD_FILE: /etc/secrets/provider/api-key');
      const res = runEleventh(repo.root, ['render', '--env', 'staging']);
      expect(res.status, res.stderr).toBe(0);
    } finally {
      reset(repo.root);
    }
  });

  it('Sealed Secrets: a SealedSecret with the ciphertexts and the controller in the platform layer, no ExternalSecret', () => {
    try {
      const root = repo.root;
      sub(root, DEPLOY, DB_ENTRY, '');
      write(root, ENV, read(root, ENV).replace(/^secretStore:\n(?:[ #][^\n]*\n)*/m, 'secretStore:\n  provider: sealed-secrets\n'));
      STORES.slice(1).forEach((f) => withoutStore(root, f));
      write(root, OVERRIDES, read(root, OVERRIDES).replace(/secrets:\n[\s\S]*$/, `secrets:\n  db-password:\n    sealed: ${CIPHERTEXT}\n    env: DB_PASSWORD\n`));
      const res = runEleventh(root, ['render', '--env', 'staging']);
      expect(res.status, res.stderr).toBe(0);
      const sealed = parse(read(root, `${STAGING}/payments/payments-api/sealed-secret.yaml`)) as { apiVersion: string; spec: { encryptedData: Record<string, string>; template: { metadata: { name: string } } } };
      expect(sealed.apiVersion).toBe('bitnami.com/v1alpha1');
      expect(sealed.spec.encryptedData).toEqual({ 'db-password': CIPHERTEXT });
      expect(sealed.spec.template.metadata.name).toBe('payments-api-secrets');
      expect(rendered(root, 'ExternalSecret').filter((s) => s.file.startsWith(`${STAGING}/`))).toEqual([]);
      const releases = rendered(root, 'HelmRelease').filter((s) => s.file.startsWith(`${STAGING}/_platform/secrets/`));
      expect(releases.map((r) => (r.object as { metadata: { name: string } }).metadata.name)).toEqual(['secrets-sealed-secrets']);
      expect(read(root, `${STAGING}/_platform/kustomization.yaml`)).toContain('- secrets');
      if (hasKubectl()) expect(runKustomize(root, 'staging').status).toBe(0);
    } finally {
      reset(repo.root);
    }
  });
});

function runKustomize(root: string, env: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('kubectl', ['kustomize', join(root, 'environments', env)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
