/**
 * The External Secrets Operator objects at the API version the pinned chart serves: `external-secrets.io/v1`.
 *
 * ESO stopped serving `v1beta1` in v0.17 (its chart 2.13.0, the add-on's version, serves `v1` only), and
 * `v1` is `v1beta1` promoted with deprecated parts removed (the v1alpha1 kinds, template engine v1, the fake
 * provider's ValueMap). `@kubernetes-models/external-secrets` 2.0.0 models `v1` but is ESM-only on
 * `@kubernetes-models/base` 6 (its exports have no `require` condition, and a second base would break
 * `instanceof` and the kit's checks), so the kit takes 0.5.2 (CommonJS, base 5 like ours), which models
 * `v1beta1`, and validates each `v1` object with the `v1beta1` validator, seeing the beta apiVersion — the
 * same bridge as the Flux models (../helm/flux-models.ts). The builders set no deprecated field.
 */
import { Model } from '@kubernetes-models/base';
import { asBeta, type Data, type Retyped } from '../beta-bridge';
import { ExternalSecret as BetaExternalSecret, type IExternalSecret as IBetaExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import { ClusterSecretStore as BetaClusterSecretStore, type IClusterSecretStore as IBetaClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ClusterSecretStore';

export const EXTERNAL_SECRETS_API = 'external-secrets.io/v1';

export type IExternalSecret = Retyped<IBetaExternalSecret, typeof EXTERNAL_SECRETS_API>;
export type IClusterSecretStore = Retyped<IBetaClusterSecretStore, typeof EXTERNAL_SECRETS_API>;

export class ExternalSecret extends Model<IExternalSecret> {
  static readonly apiVersion = EXTERNAL_SECRETS_API;
  static readonly kind = 'ExternalSecret';
  declare apiVersion: IExternalSecret['apiVersion'];
  declare kind: IExternalSecret['kind'];
  declare metadata: IExternalSecret['metadata'];
  declare spec: IExternalSecret['spec'];
  constructor(data: Data<IExternalSecret>) {
    super();
    this.setDefinedProps({ apiVersion: ExternalSecret.apiVersion, kind: ExternalSecret.kind, ...data } as IExternalSecret);
  }
  override validate(): void {
    BetaExternalSecret.prototype.validate.call(asBeta(this, BetaExternalSecret.apiVersion));
  }
}

export class ClusterSecretStore extends Model<IClusterSecretStore> {
  static readonly apiVersion = EXTERNAL_SECRETS_API;
  static readonly kind = 'ClusterSecretStore';
  declare apiVersion: IClusterSecretStore['apiVersion'];
  declare kind: IClusterSecretStore['kind'];
  declare metadata: IClusterSecretStore['metadata'];
  declare spec: IClusterSecretStore['spec'];
  constructor(data: Data<IClusterSecretStore>) {
    super();
    this.setDefinedProps({ apiVersion: ClusterSecretStore.apiVersion, kind: ClusterSecretStore.kind, ...data } as IClusterSecretStore);
  }
  override validate(): void {
    BetaClusterSecretStore.prototype.validate.call(asBeta(this, BetaClusterSecretStore.apiVersion));
  }
}
