/**
 * A service's `secrets:` as one object: an ExternalSecret (Vault, through External Secrets Operator) or a
 * SealedSecret (Sealed Secrets), either way producing the Secret `<service>-secrets` with one key per entry.
 */
import type { IdentityProps } from '../labels';
import { serviceLabels, serviceMetadata } from '../labels';
import type { SecretReference, ServiceSecretStore } from '../types';
import { ExternalSecret } from './eso-models';
import { SealedSecret } from './sealed-secret';
import { REFRESH_INTERVAL, secretStoreName, secretsObjectName } from './names';

export interface SecretsObjectProps extends IdentityProps {
  /** The merged `secrets:` entries (checked: complete and fit for `store`). */
  readonly secrets: Readonly<Record<string, SecretReference>>;
  readonly store: ServiceSecretStore;
}

/** The ExternalSecret: one `data` item per entry, sorted by name; the Secret it makes is owned by it. */
export function renderExternalSecret(props: SecretsObjectProps): ExternalSecret {
  const name = secretsObjectName(props.name);
  return new ExternalSecret({
    metadata: serviceMetadata(props, name),
    spec: {
      refreshInterval: REFRESH_INTERVAL,
      secretStoreRef: { kind: 'ClusterSecretStore', name: secretStoreName(props.namespace) },
      target: { name, creationPolicy: 'Owner', deletionPolicy: 'Retain', template: { metadata: { labels: serviceLabels(props) } } },
      data: Object.keys(props.secrets)
        .sort()
        .map((secretKey) => {
          const s = props.secrets[secretKey];
          return { secretKey, remoteRef: { key: s.path ?? '', property: s.key, ...(s.version !== undefined ? { version: s.version } : {}) } };
        }),
    },
  });
}

/** The SealedSecret: each entry's ciphertext under its name; the controller unseals it into the Secret. */
export function renderSealedSecret(props: SecretsObjectProps): SealedSecret {
  const name = secretsObjectName(props.name);
  const encryptedData = Object.fromEntries(
    Object.keys(props.secrets)
      .sort()
      .map((k) => [k, props.secrets[k].sealed ?? '']),
  );
  return new SealedSecret({
    metadata: serviceMetadata(props, name),
    spec: { encryptedData, template: { metadata: { name, namespace: props.namespace, labels: serviceLabels(props) }, type: 'Opaque' } },
  });
}

/** The object the environment's store wants. */
export function renderSecretsObject(props: SecretsObjectProps): ExternalSecret | SealedSecret {
  return props.store.provider === 'sealed-secrets' ? renderSealedSecret(props) : renderExternalSecret(props);
}
