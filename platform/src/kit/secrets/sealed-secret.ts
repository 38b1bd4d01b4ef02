/**
 * Bitnami Sealed Secrets `SealedSecret` (bitnami.com/v1alpha1). `@kubernetes-models/sealed-secrets` pins an
 * old base (2.0.2: base 2.0.1) or is ESM on base 6 (6.0.0), so this is a small Model of our own like the
 * Kyverno one: `validate()` checks a declared shape, which also lets `checkObject` find unknown fields.
 * `encryptedData` holds ciphertexts only (`kubeseal --raw`); the controller in the cluster decrypts them
 * into a Secret of the same name and namespace (strict scope: the ciphertext is bound to both).
 */
import { Model } from '@kubernetes-models/base';
import { checkShape, type Shape } from '../kyverno/shape';

export const SEALED_SECRETS_API = 'bitnami.com/v1alpha1';

const METADATA: Shape = { fields: { name: 'string', namespace: 'string', labels: 'strings', annotations: 'strings' }, required: ['name'] };

const SHAPE: Shape = {
  fields: {
    apiVersion: { enum: [SEALED_SECRETS_API] },
    kind: { enum: ['SealedSecret'] },
    metadata: METADATA,
    spec: {
      fields: { encryptedData: 'strings', template: { fields: { metadata: METADATA, type: 'string' } } },
      required: ['encryptedData'],
    },
  },
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
};

interface Meta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface ISealedSecret {
  apiVersion: typeof SEALED_SECRETS_API;
  kind: 'SealedSecret';
  metadata: Meta;
  spec: { encryptedData: Record<string, string>; template?: { metadata?: Meta; type?: string } };
}

export class SealedSecret extends Model<ISealedSecret> {
  static readonly apiVersion = SEALED_SECRETS_API;
  static readonly kind = 'SealedSecret';
  declare apiVersion: ISealedSecret['apiVersion'];
  declare kind: ISealedSecret['kind'];
  declare metadata: ISealedSecret['metadata'];
  declare spec: ISealedSecret['spec'];
  constructor(data: Omit<ISealedSecret, 'apiVersion' | 'kind'>) {
    super();
    this.setDefinedProps({ apiVersion: SealedSecret.apiVersion, kind: SealedSecret.kind, ...data } as ISealedSecret);
  }
  override validate(): void {
    const findings = checkShape(this, SHAPE, '');
    if (findings.length > 0) throw new Error(findings.join('; '));
  }
}
