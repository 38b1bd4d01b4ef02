/**
 * @eleventh/platform: the typed contract, the kit's builders, checks, policies, add-ons and profiles.
 * Loaded by the engine from source (CommonJS through @swc-node/register), so everything under src/
 * imports only node builtins, kubernetes-models* and relative files.
 */
export * from './kit/types';
export { KitError } from './errors';
export { editDistance, nearest, didYouMean } from './suggest';
export { defineService } from './kit/define-service';
export { renderService, renderDefaults } from './kit/render-service';
export { renderTenant } from './kit/tenant';
export { renderPlatform, renderPlatformLayers, listAddons, BASE_LAYER, POLICY_ENGINE, policyLayerName, type PlatformLayer, type PlatformContext } from './layers/platform';
export { renderClusterPolicy, ClusterPolicy, KYVERNO_API, type ClusterPolicyProps, type ClusterPolicyRule, type ResourceFilter } from './kit/kyverno';
export * from './kit/helm';
export { renderFluxNamespace, FLUX_NAMESPACE, DEFAULT_SOURCE_NAME } from './kit/flux';
export { listProfiles, getProfile, type Profile, type ProfileContext, type ServiceConfigDefaults } from './profiles';
export { platformLabels } from './addons/labels';
export { renderBaseAddons, SYSTEM_NAMESPACE, BASE_ADDONS, releaseNameOf, defineAddon, type AddonDefinition, type AddonSetting, type AddonContext } from './addons';
export { checkObject, checkObjects, describeObject, findUnknownFields, type UnknownField } from './kit/check';
export { runPolicies, POLICY_RULES, isPinnedImage, type PolicyFinding, type PolicyRule } from './policies';
export {
  runEnvironmentPolicies,
  ENVIRONMENT_POLICY_RULES,
  servicePeaks,
  type AvailabilitySettings,
  type EnvironmentPolicyRule,
  type NamedEnvironmentFinding,
  type PolicyEnvironment,
  type PolicyService,
  type PolicyTenant,
  type RenderedObject,
} from './policies/environment';
export { isDnsSubdomain, isLabelValue } from './kit/names';
export { isDnsLabel, nameProblem, groupProblem, GROUP_EXPECTED, DNS_LABEL_EXPECTED, RESERVED_NAMES, KUBERNETES_NAMESPACES, GITOPS_NAMESPACES, PLATFORM_NAMESPACES, type NameKind, type NameProblem } from './names';
export {
  SECRET_PROVIDERS,
  SECRETS_HINT,
  SECRET_NAME_EXPECTED,
  STORE_PATH_EXPECTED,
  SECRET_PROPERTY_EXPECTED,
  SECRET_VERSION_EXPECTED,
  MOUNT_PATH_EXPECTED,
  STORE_SERVER_EXPECTED,
  VAULT_ROLE_EXPECTED,
  VAULT_PATH_EXPECTED,
  SEALED_EXPECTED,
  secretNameProblem,
  storePathProblem,
  secretPropertyProblem,
  secretVersionProblem,
  mountPathProblem,
  storeServerProblem,
  vaultRoleProblem,
  vaultRoleOf,
  vaultPathProblem,
  sealedValueProblem,
  looksLikeCredential,
  isCredentialLiteral,
  keySegments,
  type SecretProvider,
} from './secrets';
export {
  ExternalSecret,
  ClusterSecretStore,
  EXTERNAL_SECRETS_API,
  SealedSecret,
  SEALED_SECRETS_API,
  renderExternalSecret,
  renderSealedSecret,
  renderSecretsObject,
  renderSecretStores,
  checkVaultStore,
  checkSecretFields,
  checkSecretsInContext,
  mergedSecrets,
  secretEnvVars,
  secretFiles,
  secretsObjectName,
  secretStoreName,
  SECRET_FIELDS,
  SECRETS_SERVICE_ACCOUNT,
  type SecretStoreConfig,
  type VaultStoreConfig,
  type SealedStoreConfig,
  type SecretsObjectProps,
} from './kit/secrets';
export { SECRETS_LAYER } from './layers/secrets';
export { registryProblem, gitUrlProblem, branchProblem, tagPatternProblem, REGISTRY_EXPECTED, GIT_URL_EXPECTED, BRANCH_EXPECTED, TAG_PATTERN_EXPECTED } from './refs';
export { LABEL, ANNOTATION, MANAGED_BY, serviceLabels, selectorLabels } from './kit/labels';
export { sortedJson, valuesConfigMapName, VALUES_KEY, VALUES_MOUNT_PATH } from './kit/config-map';
export { SERVICE_TYPES } from './kit/validate-spec';
export { checkCronSchedule } from './kit/cron';
export { DEFAULT_PORT, DEFAULT_HEALTH_PATH, SERVICE_PRIORITY_CLASS } from './kit/workload';
export { ENVIRONMENT_VARIABLE } from './kit/validate-config';
export { TENANT_CLUSTER_ROLE } from './kit/tenant/rbac';
export { DEFAULT_CONTAINER_RESOURCES } from './kit/tenant/limit-range';
export { renderGitRepository, renderFluxBootstrap, platformKustomizationName, renderArgoBootstrap, ARGOCD_NAMESPACE, type GitSourceProps, type FluxBootstrapProps, type ArgoBootstrapProps } from './kit/bootstrap';
