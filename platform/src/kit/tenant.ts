/**
 * `renderTenant`: a namespace's base in one environment — Namespace, quota, limits, network
 * policies and the team's RoleBinding.
 */
import { KitError, show } from '../errors';
import type { KubeObject, TenantContext } from './types';
import { assertDnsLabel } from './names';
import { GROUP_EXPECTED, groupProblem } from '../names';
import { tenantNamespace } from './tenant/namespace';
import { tenantQuota } from './tenant/quota';
import { tenantLimitRange } from './tenant/limit-range';
import { allowEgress, allowTenants, defaultDeny } from './tenant/network';
import { tenantRoleBinding } from './tenant/rbac';
import { secretsServiceAccount } from './tenant/secrets-account';

function validateTenant(ctx: TenantContext): void {
  assertDnsLabel('environment', ctx.environment);
  assertDnsLabel('namespace', ctx.namespace);
  if (typeof ctx.team !== 'string' || groupProblem(ctx.team) !== undefined) throw new KitError(`'team' (${show(ctx.team)}) is not a group name`, GROUP_EXPECTED);
  ctx.allowFrom.forEach((ns, i) => assertDnsLabel(`network.allowFrom[${i}]`, ns));
  (ctx.egressTo ?? []).forEach((ns, i) => assertDnsLabel(`egressTo[${i}]`, ns));
  const { cpu, memory, pods } = ctx.quota;
  for (const [key, value] of [['quota.cpu', cpu], ['quota.memory', memory]] as const) {
    if (typeof value !== 'string' || value === '') {
      throw new KitError(`'${key}' (${show(value)}) is not a quantity`, "a Kubernetes quantity string, e.g. '8' or '16Gi'");
    }
  }
  if (!Number.isInteger(pods) || pods < 0) {
    throw new KitError(`'quota.pods' (${show(pods)}) is not a pod count`, 'an integer ≥ 0');
  }
}

/** Build every tenancy object of `ctx.namespace`, in a fixed order. */
export function renderTenant(ctx: TenantContext): KubeObject[] {
  validateTenant(ctx);
  return [
    tenantNamespace(ctx),
    tenantQuota(ctx),
    tenantLimitRange(ctx),
    defaultDeny(ctx),
    ...allowTenants(ctx),
    ...allowEgress(ctx),
    tenantRoleBinding(ctx),
    ...secretsServiceAccount(ctx),
  ];
}
