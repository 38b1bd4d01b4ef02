import { describe, expect, it } from 'vitest';
import { ExternalSecret as BetaExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import { defineService } from '../define-service';
import { KitError } from '../../errors';
import { checkObject } from '../check';
import { context } from '../test-fixtures';
import type { KubeObject, RenderContext, SecretReference, ServiceSpec } from '../types';
import { ExternalSecret, ClusterSecretStore, EXTERNAL_SECRETS_API } from './eso-models';
import { SealedSecret } from './sealed-secret';
import { renderSecretStores } from './secret-store';
import { renderTenant } from '../tenant';

const SEALED = 'AgB'.padEnd(120, 'x') + '==';
const DB: SecretReference = { path: 'payments/db', key: 'password', env: 'DB_PASSWORD' };
const TLS: SecretReference = { path: 'payments/tls', key: 'key', version: '3', mount: '/etc/secrets/tls/tls.key' };
const VAULT = { provider: 'vault' as const };

function ctxWith(secrets: Record<string, SecretReference>, store: RenderContext['secretStore'] | null = VAULT, env: Record<string, string> = {}): RenderContext {
  return { ...context({ secrets, env }), ...(store ? { secretStore: store } : {}) };
}

function render(spec: Partial<ServiceSpec>, ctx: RenderContext): KubeObject[] {
  return defineService({ name: 'payments-api', namespace: 'payments', type: 'http', ...spec }).render(ctx);
}

function find(objects: KubeObject[], kind: string): Record<string, any> {
  const o = objects.find((x) => x.kind === kind);
  if (!o) throw new Error(`no ${kind}`);
  return JSON.parse(JSON.stringify(o));
}

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KitError);
    return (err as Error).message;
  }
  throw new Error('did not throw');
}

describe('secrets by reference: the ExternalSecret', () => {
  const objects = render({ secrets: { 'db-password': DB } }, ctxWith({ tls: TLS }));
  const es = find(objects, 'ExternalSecret');

  it('renders one ExternalSecret external-secrets.io/v1 payments-api-secrets from the namespace store, entries sorted', () => {
    expect(es.apiVersion).toBe(EXTERNAL_SECRETS_API);
    expect(es.metadata).toMatchObject({ name: 'payments-api-secrets', namespace: 'payments' });
    expect(es.spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'secrets-payments' });
    expect(es.spec.target).toMatchObject({ name: 'payments-api-secrets', creationPolicy: 'Owner', deletionPolicy: 'Retain' });
    expect(es.spec.data).toEqual([
      { secretKey: 'db-password', remoteRef: { key: 'payments/db', property: 'password' } },
      { secretKey: 'tls', remoteRef: { key: 'payments/tls', property: 'key', version: '3' } },
    ]);
  });

  it("validates against the operator's schema (the model's validate()) and passes checkObject", () => {
    const model = objects.find((o) => o.kind === 'ExternalSecret')!;
    expect(model).toBeInstanceOf(ExternalSecret);
    expect(() => model.validate()).not.toThrow();
    expect(objects.flatMap((o) => checkObject(o))).toEqual([]);
  });

  it("the operator's schema refuses a bad ExternalSecret (the validator really runs)", () => {
    const bad = new ExternalSecret({ metadata: { name: 'x' }, spec: { data: [{ secretKey: 'a' } as never] } });
    expect(() => bad.validate()).toThrow(/remoteRef/);
    expect(checkObject(new ExternalSecret({ metadata: { name: 'x', namespace: 'p' }, spec: { dta: [] } as never }))).toEqual([expect.stringContaining("unknown field 'spec.dta' (did you mean 'data'?)")]);
  });

  it('keeps the v1 apiVersion while validating with the v1beta1 validator', () => {
    const model = objects.find((o) => o.kind === 'ExternalSecret')!;
    expect(model.apiVersion).toBe('external-secrets.io/v1');
    expect(BetaExternalSecret.apiVersion).toBe('external-secrets.io/v1beta1');
  });

  it('env secrets are secretKeyRef variables, mount secrets read-only files in a secret volume per folder', () => {
    const pod = find(objects, 'Deployment').spec.template.spec;
    const container = pod.containers[0];
    expect(container.env).toContainEqual({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'payments-api-secrets', key: 'db-password' } } });
    expect(container.env.map((e: { name: string }) => e.name)).toEqual([...container.env.map((e: { name: string }) => e.name)].sort());
    expect(container.volumeMounts).toContainEqual({ name: 'secrets-0', mountPath: '/etc/secrets/tls', readOnly: true });
    expect(pod.volumes).toContainEqual({ name: 'secrets-0', secret: { secretName: 'payments-api-secrets', defaultMode: 0o440, items: [{ key: 'tls', path: 'tls.key' }] } });
  });

  it('a changed reference changes the pod annotation (rolls the pods); no secrets, no annotation and no ExternalSecret', () => {
    const annotation = (o: KubeObject[]) => find(o, 'Deployment').spec.template.metadata.annotations['eleventh.dev/secrets-sha256'];
    const other = render({ secrets: { 'db-password': { ...DB, version: '2' } } }, ctxWith({ tls: TLS }));
    expect(annotation(objects)).toMatch(/^[0-9a-f]{64}$/);
    expect(annotation(other)).not.toBe(annotation(objects));
    const none = render({}, { ...context(), secretStore: VAULT });
    expect(none.map((o) => o.kind)).not.toContain('ExternalSecret');
    expect(annotation(none)).toBeUndefined();
  });

  it('config entries merge over the defineService option, field by field', () => {
    const merged = find(render({ secrets: { 'db-password': DB } }, ctxWith({ 'db-password': { path: 'payments/db-v2' } })), 'ExternalSecret');
    expect(merged.spec.data).toEqual([{ secretKey: 'db-password', remoteRef: { key: 'payments/db-v2', property: 'password' } }]);
  });

  it('a config entry that switches to sealed or to mount drops what it replaces', () => {
    const sealed = render({ secrets: { 'db-password': DB } }, ctxWith({ 'db-password': { sealed: SEALED, mount: '/etc/secrets/db/password' } }, { provider: 'sealed-secrets' }));
    expect(find(sealed, 'SealedSecret').spec.encryptedData).toEqual({ 'db-password': SEALED });
    const container = find(sealed, 'Deployment').spec.template.spec.containers[0];
    expect(container.env.map((e: { name: string }) => e.name)).not.toContain('DB_PASSWORD');
    expect(container.volumeMounts).toContainEqual({ name: 'secrets-0', mountPath: '/etc/secrets/db', readOnly: true });
  });

  it('a cron job consumes its secrets too', () => {
    const cron = defineService({ name: 'nightly', namespace: 'payments', type: 'cron', schedule: '0 3 * * *', secrets: { 'db-password': DB } }).render({ ...context(), secretStore: VAULT });
    expect(find(cron, 'CronJob').spec.jobTemplate.spec.template.spec.containers[0].env).toContainEqual({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'nightly-secrets', key: 'db-password' } } });
  });
});

describe('secrets by reference: Sealed Secrets', () => {
  const objects = render({}, ctxWith({ 'db-password': { sealed: SEALED, env: 'DB_PASSWORD' } }, { provider: 'sealed-secrets' }));

  it('renders a SealedSecret with the ciphertext and no ExternalSecret; the shape check runs', () => {
    const sealed = find(objects, 'SealedSecret');
    expect(sealed.apiVersion).toBe('bitnami.com/v1alpha1');
    expect(sealed.spec.encryptedData).toEqual({ 'db-password': SEALED });
    expect(sealed.spec.template.metadata).toMatchObject({ name: 'payments-api-secrets', namespace: 'payments' });
    expect(objects.map((o) => o.kind)).not.toContain('ExternalSecret');
    expect(objects.flatMap((o) => checkObject(o))).toEqual([]);
    expect(() => new SealedSecret({ metadata: { name: 'x' }, spec: { encryptedData: { a: 1 as never } } }).validate()).toThrow("'spec.encryptedData.a' must be a string");
  });
});

describe('secrets: construction and render checks quote the bad value', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown field', { 'db-password': { ...DB, paht: 'x' } }, "unknown field 'paht' in 'secrets.db-password' (did you mean 'path'?) (expected one of: path, key, version, sealed, env, mount)"],
    ['a bad name', { DB_Password: DB }, "secret name 'DB_Password' in 'secrets' is not a lower-case DNS-1123 label"],
    ['a bad env name', { db: { ...DB, env: '1DB' } }, "'secrets.db.env' ('1DB') is not an environment variable name"],
    ['a relative mount', { db: { path: 'a/b', key: 'k', mount: 'etc/secrets/x' } }, "'secrets.db.mount' ('etc/secrets/x') is not an absolute path"],
    ['a mount that hides /etc', { db: { path: 'a/b', key: 'k', mount: '/etc/password' } }, "'secrets.db.mount' ('/etc/password') would hide the image's folder '/etc'"],
    ['a mount in /tmp', { db: { path: 'a/b', key: 'k', mount: '/tmp/x/y' } }, "'secrets.db.mount' ('/tmp/x/y') is inside /tmp"],
    ['a mount with ..', { db: { path: 'a/b', key: 'k', mount: '/etc/secrets/../x' } }, "has a '.' or '..' part"],
    ['both env and mount', { db: { ...DB, mount: '/etc/secrets/db/p' } }, "'secrets.db' has both 'env' and 'mount' (expected exactly one of 'env'"],
    ['a path with //', { db: { ...DB, path: 'payments//db' } }, "'secrets.db.path' ('payments//db') has an empty part ('//')"],
    ['a number as key', { db: { ...DB, key: 3 } }, "'secrets.db.key' (3) is not a string"],
    ['a plaintext in sealed', { db: { sealed: 'hunter2', env: 'DB_PASSWORD' } }, "'secrets.db.sealed' ('hunter2') is too short for a kubeseal ciphertext (is it the plaintext?)"],
    ['sealed and a path', { db: { ...DB, sealed: SEALED } }, "'secrets.db' has both 'sealed' and a store reference"],
  ])('defineService refuses %s', (_, secrets, message) => {
    expect(thrown(() => defineService({ name: 'api', namespace: 'payments', type: 'http', secrets: secrets as never }))).toContain(message);
  });

  it.each<[string, Record<string, SecretReference>, RenderContext['secretStore'] | null, Record<string, string>, string]>([
    ['no store', { db: DB }, null, {}, "'secrets.db' needs a secret store, but environment 'staging' names none"],
    ['a missing key', { db: { path: 'payments/db', env: 'DB_PASSWORD' } }, VAULT, {}, "'secrets.db' lacks 'key'"],
    ['a missing path', { db: { key: 'password', env: 'DB_PASSWORD' } }, VAULT, {}, "'secrets.db' lacks 'path'"],
    ['neither env nor mount', { db: { path: 'payments/db', key: 'password' } }, VAULT, {}, "'secrets.db' has neither 'env' nor 'mount'"],
    ['an env also in env', { db: DB }, VAULT, { DB_PASSWORD: 'x' }, "'secrets.db.env' ('DB_PASSWORD') is also a literal in 'env.DB_PASSWORD'"],
    ['two secrets, one variable', { a: DB, b: { ...DB, key: 'user' } }, VAULT, {}, "'secrets.b.env' ('DB_PASSWORD') is also 'secrets.a.env'"],
    ['ELEVENTH_ENVIRONMENT', { db: { ...DB, env: 'ELEVENTH_ENVIRONMENT' } }, VAULT, {}, "is set by the platform"],
    ['a mount inside another', { a: { ...TLS }, b: { ...TLS, mount: '/etc/secrets/tls/tls.key/x' } }, VAULT, {}, "'secrets.b.mount' ('/etc/secrets/tls/tls.key/x') clashes with 'secrets.a.mount'"],
    ['a path with Sealed Secrets', { db: DB }, { provider: 'sealed-secrets' }, {}, "'secrets.db.path' is a store reference, but the secret store is Sealed Secrets"],
    ['sealed with Vault', { db: { sealed: SEALED, env: 'X' } }, VAULT, {}, "'secrets.db.sealed' is a Sealed Secrets ciphertext, but the secret store is vault"],
  ])('render refuses %s', (_, secrets, store, env, message) => {
    expect(thrown(() => render({}, ctxWith(secrets, store, env)))).toContain(message);
  });
});

describe('the secret store: one ClusterSecretStore per namespace', () => {
  const store = { provider: 'vault' as const, server: 'https://vault.example.com:8200', path: 'secret', auth: { kubernetes: { role: 'eleventh-{environment}-{namespace}', mountPath: 'kubernetes/staging' } } };
  const stores = renderSecretStores({ environment: 'staging', store, namespaces: ['risk', 'payments'], labels: { a: 'b' } });

  it('is usable from its own namespace only, logging in as that namespace with its own role', () => {
    expect(stores.map((s) => s.metadata?.name)).toEqual(['secrets-payments', 'secrets-risk']);
    const payments = JSON.parse(JSON.stringify(stores[0]));
    expect(payments.apiVersion).toBe('external-secrets.io/v1');
    expect(payments.spec.conditions).toEqual([{ namespaces: ['payments'] }]);
    expect(payments.spec.provider.vault).toEqual({
      server: 'https://vault.example.com:8200',
      path: 'secret',
      version: 'v2',
      auth: { kubernetes: { mountPath: 'kubernetes/staging', role: 'eleventh-staging-payments', serviceAccountRef: { name: 'eleventh-secrets', namespace: 'payments' } } },
    });
    expect(stores[0]).toBeInstanceOf(ClusterSecretStore);
    expect(stores.flatMap((s) => checkObject(s))).toEqual([]);
  });

  it('the namespace base gets the ServiceAccount its store logs in as (Vault only)', () => {
    const tenant = { environment: 'staging', namespace: 'payments', team: 'payments', quota: { cpu: '8', memory: '16Gi', pods: 50 }, allowFrom: [] };
    expect(renderTenant({ ...tenant, secretStore: VAULT }).filter((o) => o.kind === 'ServiceAccount').map((o) => o.metadata?.name)).toEqual(['eleventh-secrets']);
    expect(renderTenant({ ...tenant, secretStore: { provider: 'sealed-secrets' } }).filter((o) => o.kind === 'ServiceAccount')).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an http server', { server: 'http://vault:8200' }, "'secretStore.server' ('http://vault:8200') uses http:// (secrets travel over https only)"],
    ['credentials in the server URL', { server: 'https://u:p@vault.example.com' }, 'has credentials in the URL'],
    ['one role for every tenant', { auth: { kubernetes: { role: 'eleventh' } } }, "names no '{namespace}': every tenant would share one role"],
    ['no Kubernetes auth', { auth: {} }, "'secretStore.auth.kubernetes' is missing"],
    ['an unknown placeholder', { auth: { kubernetes: { role: 'x-{team}' } } }, "has an unknown placeholder '{team}'"],
  ])('refuses %s', (_, change, message) => {
    expect(thrown(() => renderSecretStores({ environment: 'staging', store: { ...store, ...change } as never, namespaces: ['payments'], labels: {} }))).toContain(message);
  });
});
