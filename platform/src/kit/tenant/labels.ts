/**
 * Labels on every tenancy object.
 */
import { LABEL, MANAGED_BY } from '../labels';
import type { TenantContext } from '../types';

/** A group name as a label value and name part: `acme/payments-team` → `acme-payments-team`. */
export function teamSlug(team: string): string {
  return team.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 52).replace(/-+$/, '');
}

/** Standard labels of a namespace's tenancy objects. */
export function tenantLabels(ctx: TenantContext): Record<string, string> {
  return {
    [LABEL.partOf]: ctx.namespace,
    [LABEL.managedBy]: MANAGED_BY,
    [LABEL.team]: teamSlug(ctx.team),
    [LABEL.environment]: ctx.environment,
  };
}

/** Standard metadata of one namespaced tenancy object. */
export function tenantMetadata(ctx: TenantContext, name: string) {
  return { name, namespace: ctx.namespace, labels: tenantLabels(ctx) };
}
