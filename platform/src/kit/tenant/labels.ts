/**
 * Labels on every tenancy object.
 */
import { LABEL, MANAGED_BY } from '../labels';
import type { TenantContext } from '../types';

/** Standard labels of a namespace's tenancy objects. */
export function tenantLabels(ctx: TenantContext): Record<string, string> {
  return {
    [LABEL.partOf]: ctx.namespace,
    [LABEL.managedBy]: MANAGED_BY,
    [LABEL.team]: ctx.team,
    [LABEL.environment]: ctx.environment,
  };
}

/** Standard metadata of one namespaced tenancy object. */
export function tenantMetadata(ctx: TenantContext, name: string) {
  return { name, namespace: ctx.namespace, labels: tenantLabels(ctx) };
}
