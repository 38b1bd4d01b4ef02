/** Typed Flux Helm objects: HelmRelease, HelmRepository, OCIRepository (GA API versions). */
export { HelmRelease, HelmRepository, OCIRepository, HELM_RELEASE_API, SOURCE_API } from './flux-models';
export { renderHelmRelease, type HelmReleaseProps } from './helm-release';
export { renderHelmRepository, renderOciRepository, type HelmRepositoryProps, type OciRepositoryProps } from './helm-repository';
export { assertExactVersion, isExactVersion, EXACT_VERSION_EXPECTED } from './chart-version';
