/** Resolution on demand, memoised per environment / namespace / service: cheap when asked 15,000 times. */
import type { ResolvedEnvironment, ResolvedServiceWithProvenance, ResolvedTenantConfig } from '../model';
import { resolveEnvironment } from './environment';
import type { ConfigInputs } from './inputs';
import type { Leaves } from './layers';
import { hasOverrides, layersFor, resolveService } from './service';
import { tenantLeaves, toTenantConfig } from './tenant';

export interface ResolvedServiceEntry {
  readonly resolved: ResolvedServiceWithProvenance;
  readonly leaves: Leaves;
}

export class Resolver {
  private readonly environments = new Map<string, ResolvedEnvironment>();
  private readonly tenants = new Map<string, { leaves: Leaves; config: ResolvedTenantConfig }>();
  private readonly services = new Map<string, ResolvedServiceEntry>();

  constructor(readonly inputs: ConfigInputs) {}

  chain(env: string): readonly string[] {
    const chain = this.inputs.chains.chains.get(env);
    if (!chain) throw new Error(`environment ${env} has no sound extends chain`);
    return chain;
  }

  environment(env: string): ResolvedEnvironment {
    let resolved = this.environments.get(env);
    if (!resolved) {
      resolved = resolveEnvironment(env, this.chain(env), this.inputs.docs, this.inputs.platform);
      this.environments.set(env, resolved);
    }
    return resolved;
  }

  tenant(env: string, ns: string): { leaves: Leaves; config: ResolvedTenantConfig } {
    const key = `${env}/${ns}`;
    let entry = this.tenants.get(key);
    if (!entry) {
      const leaves = tenantLeaves(this.inputs.platform, this.chain(env), this.inputs.scan.environments, ns);
      entry = { leaves, config: toTenantConfig(leaves) };
      this.tenants.set(key, entry);
    }
    return entry;
  }

  /** Without `svc` (or when no environment along the chain overrides it): the namespace-level result. */
  service(env: string, ns: string, svc?: string): ResolvedServiceEntry {
    const chain = this.chain(env);
    const own = svc !== undefined && hasOverrides(this.inputs.layers, chain, ns, svc);
    const key = own ? `${env}/${ns}/${svc}` : `${env}/${ns}/`;
    let entry = this.services.get(key);
    if (!entry) {
      entry = resolveService(layersFor(this.inputs.layers, chain, ns, own ? svc : undefined, this.environment(env).profiles));
      this.services.set(key, entry);
    }
    return entry;
  }
}
