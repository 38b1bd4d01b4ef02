/** Cluster bootstrap: Flux (`_flux/`) and the Argo CD alternative (`_argocd/`) for one environment. */
export { renderGitRepository, type GitSourceProps } from './git-repository';
export { renderFluxBootstrap, platformKustomizationName, type FluxBootstrapProps } from './flux-bootstrap';
export { renderArgoBootstrap, ARGOCD_NAMESPACE, type ArgoBootstrapProps } from './argo';
