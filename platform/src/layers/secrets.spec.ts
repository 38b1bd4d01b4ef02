import { describe, expect, it } from 'vitest';
import { listAddons, renderPlatformLayers } from './platform';
import { checkObject } from '../kit/check';
import { renderFluxBootstrap } from '../kit/bootstrap';
import { KitError } from '../errors';
import type { SecretStoreConfig } from '../kit/secrets';

const VAULT: SecretStoreConfig = { provider: 'vault', server: 'https://vault.example.com:8200', auth: { kubernetes: { role: 'eleventh-{namespace}' } } };

function layers(store?: SecretStoreConfig, addons = {}) {
  return renderPlatformLayers({ environment: 'staging', profiles: [], namespaces: ['risk', 'payments'], addons, ...(store ? { secretStore: store } : {}) });
}

describe('the secrets layer', () => {
  it('no store: no secrets layer', () => {
    expect(layers().map((l) => l.layer)).toEqual(['base']);
  });

  it('Vault: one ClusterSecretStore per namespace in _platform/secrets, after the platform layer, which the namespaces do not wait for', () => {
    const secrets = layers(VAULT).find((l) => l.layer === 'secrets')!;
    expect(secrets).toMatchObject({ afterPlatform: true, namespacesWait: false });
    expect(secrets.objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual(['ClusterSecretStore/secrets-payments', 'ClusterSecretStore/secrets-risk']);
    const json = JSON.parse(JSON.stringify(secrets.objects[0]));
    expect(json.metadata.labels['eleventh.dev/layer']).toBe('secrets');
    expect(json.spec.provider.vault).toMatchObject({ path: 'secret', version: 'v2', auth: { kubernetes: { mountPath: 'kubernetes', role: 'eleventh-payments' } } });
    expect(secrets.objects.flatMap((o) => checkObject(o))).toEqual([]);
  });

  it('Sealed Secrets: the controller (HelmRelease secrets-sealed-secrets) in the platform layer itself, pinned to an exact chart version', () => {
    const secrets = layers({ provider: 'sealed-secrets' }).find((l) => l.layer === 'secrets')!;
    expect(secrets.afterPlatform).toBeUndefined();
    expect(secrets.objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual(['HelmRepository/secrets-sealed-secrets', 'HelmRelease/secrets-sealed-secrets']);
    const release = JSON.parse(JSON.stringify(secrets.objects[1]));
    expect(release.spec).toMatchObject({ targetNamespace: 'sealed-secrets', chart: { spec: { chart: 'sealed-secrets', version: '2.17.0' } } });
    expect(release.spec.values.fullnameOverride).toBe('sealed-secrets-controller');
    expect(secrets.objects.flatMap((o) => checkObject(o))).toEqual([]);
    const pinned = layers({ provider: 'sealed-secrets' }, { 'secrets-sealed-secrets': { version: '2.17.1' } }).find((l) => l.layer === 'secrets')!;
    expect(JSON.parse(JSON.stringify(pinned.objects[1])).spec.chart.spec.version).toBe('2.17.1');
  });

  it('platform.addons knows the Sealed Secrets controller only with that provider', () => {
    expect(listAddons([], [], { provider: 'sealed-secrets' })).toContain('secrets-sealed-secrets');
    expect(listAddons([], [], VAULT)).not.toContain('secrets-sealed-secrets');
    expect(() => layers(VAULT, { 'secrets-sealed-secrets': { version: '2.17.1' } })).toThrow("unknown add-on 'secrets-sealed-secrets'");
  });

  it('refuses a Vault store without external-secrets, and a profile called secrets', () => {
    expect(() => layers(VAULT, { 'external-secrets': { enabled: false } })).toThrow(KitError);
    expect(() => layers(VAULT, { 'external-secrets': { enabled: false } })).toThrow("'secretStore' (vault) needs add-on 'external-secrets', which is turned off");
    expect(() => renderPlatformLayers({ environment: 'staging', profiles: ['secrets'] })).toThrow("profile name 'secrets' is reserved for the secrets layer");
  });

  it('Flux applies the secrets layer after the platform layer, without health checks, and no namespace waits for it', () => {
    const objects = JSON.parse(JSON.stringify(renderFluxBootstrap({ environment: 'staging', url: 'https://git.example.com/acme/platform.git', branch: 'main', namespaces: ['payments'], alongsideNamespaces: ['secrets'] })));
    const secrets = objects.find((o: { metadata: { name: string } }) => o.metadata.name === 'staging-secrets');
    expect(secrets.spec).toMatchObject({ path: './environments/staging/_platform/secrets', wait: false, dependsOn: [{ name: 'staging-platform' }] });
    const payments = objects.find((o: { metadata: { name: string } }) => o.metadata.name === 'staging-payments');
    expect(payments.spec.dependsOn).toEqual([{ name: 'staging-platform' }]);
  });
});
