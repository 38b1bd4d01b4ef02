/**
 * The Flux objects add-ons are made of, at the API versions current Flux serves: HelmRelease
 * `helm.toolkit.fluxcd.io/v2`, HelmRepository and OCIRepository `source.toolkit.fluxcd.io/v1`.
 *
 * `@kubernetes-models/flux-cd` 2.3.4 predates those GA versions: it ships v2beta2 / v1beta2 only. The GA
 * versions are the betas with deprecated fields removed (Flux 2.3 and 2.6 release notes), and our builders
 * never set a deprecated field, so each class here validates with the package's beta validator, seeing the
 * beta apiVersion. Reads go through to the object itself, so `checkObject`'s recording proxy (unknown
 * fields at any depth) works unchanged.
 */
import { Model } from '@kubernetes-models/base';
import { asBeta, type Data, type Retyped } from '../beta-bridge';
import { HelmRelease as BetaHelmRelease, type IHelmRelease as IBetaHelmRelease } from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2beta2/HelmRelease';
import { HelmRepository as BetaHelmRepository, type IHelmRepository as IBetaHelmRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1beta2/HelmRepository';
import { OCIRepository as BetaOCIRepository, type IOCIRepository as IBetaOCIRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1beta2/OCIRepository';

export const HELM_RELEASE_API = 'helm.toolkit.fluxcd.io/v2';
export const SOURCE_API = 'source.toolkit.fluxcd.io/v1';

export type IHelmRelease = Retyped<IBetaHelmRelease, typeof HELM_RELEASE_API>;
export type IHelmRepository = Retyped<IBetaHelmRepository, typeof SOURCE_API>;
export type IOCIRepository = Retyped<IBetaOCIRepository, typeof SOURCE_API>;

export class HelmRelease extends Model<IHelmRelease> {
  static readonly apiVersion = HELM_RELEASE_API;
  static readonly kind = 'HelmRelease';
  declare apiVersion: IHelmRelease['apiVersion'];
  declare kind: IHelmRelease['kind'];
  declare metadata: IHelmRelease['metadata'];
  declare spec: IHelmRelease['spec'];
  constructor(data: Data<IHelmRelease>) {
    super();
    this.setDefinedProps({ apiVersion: HelmRelease.apiVersion, kind: HelmRelease.kind, ...data } as IHelmRelease);
  }
  override validate(): void {
    BetaHelmRelease.prototype.validate.call(asBeta(this, BetaHelmRelease.apiVersion));
  }
}

export class HelmRepository extends Model<IHelmRepository> {
  static readonly apiVersion = SOURCE_API;
  static readonly kind = 'HelmRepository';
  declare apiVersion: IHelmRepository['apiVersion'];
  declare kind: IHelmRepository['kind'];
  declare metadata: IHelmRepository['metadata'];
  declare spec: IHelmRepository['spec'];
  constructor(data: Data<IHelmRepository>) {
    super();
    this.setDefinedProps({ apiVersion: HelmRepository.apiVersion, kind: HelmRepository.kind, ...data } as IHelmRepository);
  }
  override validate(): void {
    BetaHelmRepository.prototype.validate.call(asBeta(this, BetaHelmRepository.apiVersion));
  }
}

export class OCIRepository extends Model<IOCIRepository> {
  static readonly apiVersion = SOURCE_API;
  static readonly kind = 'OCIRepository';
  declare apiVersion: IOCIRepository['apiVersion'];
  declare kind: IOCIRepository['kind'];
  declare metadata: IOCIRepository['metadata'];
  declare spec: IOCIRepository['spec'];
  constructor(data: Data<IOCIRepository>) {
    super();
    this.setDefinedProps({ apiVersion: OCIRepository.apiVersion, kind: OCIRepository.kind, ...data } as IOCIRepository);
  }
  override validate(): void {
    BetaOCIRepository.prototype.validate.call(asBeta(this, BetaOCIRepository.apiVersion));
  }
}
