/**
 * The environment policies, in the order they report: every rule runs on the whole environment and every
 * finding is reported (the engine applies the exceptions declared in config).
 */
import type { EnvironmentPolicyRule, NamedEnvironmentFinding, PolicyEnvironment } from './types';
import { requestsWithinLimits } from './rules/requests-within-limits';
import { quotaAdmitsPeak } from './rules/quota-admits-peak';
import { runAsUserNumeric } from './rules/run-as-user-numeric';
import { noPrivileged } from './rules/no-privileged';
import { noHostNamespaces } from './rules/no-host-namespaces';
import { noHostPath } from './rules/no-host-path';
import { noAddedCapabilities } from './rules/no-added-capabilities';
import { ownNamespace } from './rules/own-namespace';
import { noClusterScoped } from './rules/no-cluster-scoped';
import { noClusterAdminBinding } from './rules/no-cluster-admin-binding';
import { noWildcardRole } from './rules/no-wildcard-role';
import { configMapSize } from './rules/config-map-size';
import { replicatedHasPdb } from './rules/replicated-has-pdb';
import { replicatedHasSpread } from './rules/replicated-has-spread';
import { httpProbes, workerLiveness } from './rules/probes';

export const ENVIRONMENT_POLICY_RULES: readonly EnvironmentPolicyRule[] = [
  requestsWithinLimits, quotaAdmitsPeak, runAsUserNumeric, noPrivileged, noHostNamespaces, noHostPath, noAddedCapabilities,
  ownNamespace, noClusterScoped, noClusterAdminBinding, noWildcardRole, configMapSize, replicatedHasPdb, replicatedHasSpread,
  httpProbes, workerLiveness,
];

/** Run every rule on the environment; never stops at the first finding. */
export function runEnvironmentPolicies(env: PolicyEnvironment, rules: readonly EnvironmentPolicyRule[] = ENVIRONMENT_POLICY_RULES): NamedEnvironmentFinding[] {
  return rules.flatMap((rule) => rule.check(env).map((f) => ({ ...f, rule: rule.name })));
}

export type { AvailabilitySettings, EnvironmentFinding, EnvironmentPolicyRule, NamedEnvironmentFinding, PolicyEnvironment, PolicyOrigin, PolicyService, PolicyTenant, RenderedObject } from './types';
export { servicePeaks, podRequests, surgeOf, type WorkloadPeak } from './peak';
export { CONFIG_MAP_LIMIT } from './rules/config-map-size';
