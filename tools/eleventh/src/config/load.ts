/**
 * Load the hand-written configuration (platform/defaults.yaml + environments/**), check all of it, and
 * answer resolved questions about it. See environments/README.md for the rules.
 */
import { ConfigError, ConfigErrors } from '../errors';
import type { Origin, ResolvedEnvironment, ResolvedServiceWithProvenance, ResolvedTenantConfig } from '../model';
import { readInputs } from './inputs';
import { Resolver } from './resolver';
import { runRules } from './rules';
import { didYouMean } from './suggest';
import { leafAt } from './layers';
import type { YamlDoc } from '../yaml/read';

export interface ConfigSet {
  readonly root: string;
  /** Sorted. */
  readonly environments: readonly string[];
  /** Unknown name → ConfigError naming the known ones. */
  environment(name: string): ResolvedEnvironment;
  /** True when the environment has no `promotion.from`. */
  followsMain(env: string): boolean;
  /** The namespaces (declared by tenant.yaml), sorted; the same in every environment. */
  namespaces(env: string): readonly string[];
  tenant(env: string, ns: string): ResolvedTenantConfig;
  service(env: string, ns: string, svc: string): ResolvedServiceWithProvenance;
  /** Every overrides.yaml in the environment's own folder. */
  overrides(env: string): ReadonlyArray<{ namespace: string; service: string; file: string }>;
  /** What the policies read: the environment's own environment.yaml and tenant.yaml files, and where each resolved tenant key was set. */
  policySources(env: string): PolicySources;
}

export interface PolicySources {
  readonly environment: YamlDoc;
  /** Namespace → its tenant.yaml in this environment. */
  readonly tenants: ReadonlyMap<string, YamlDoc>;
  tenantOrigin(ns: string, key: string): Origin | undefined;
}

export interface LoadOptions {
  /**
   * The overrides.yaml files (repository-relative) this run's config already found: only those are read. A
   * render worker gets them from its main thread (ConfigSet.overridesFiles), so the 15,000 service folders of a
   * large tree are asked for an overrides.yaml once per run, not once per thread.
   */
  readonly overridesOnly?: ReadonlySet<string>;
}

/** Read and check everything; throws ConfigErrors listing every problem found. */
export function loadConfig(root: string, options: LoadOptions = {}): ConfigSet {
  const resolver = new Resolver(readInputs(root, undefined, options.overridesOnly));
  const errors = runRules(resolver);
  if (errors.length > 0) throw new ConfigErrors(errors);
  return new LoadedConfig(resolver);
}

class LoadedConfig implements ConfigSet {
  readonly root: string;
  readonly environments: readonly string[];
  private readonly namespaceList: readonly string[];

  constructor(private readonly resolver: Resolver) {
    this.root = resolver.inputs.root;
    this.environments = [...resolver.inputs.docs.keys()].sort();
    this.namespaceList = resolver.inputs.namespaces;
  }

  environment(name: string): ResolvedEnvironment {
    return this.resolver.environment(this.knownEnvironment(name));
  }

  followsMain(env: string): boolean {
    return this.environment(env).promotion === undefined;
  }

  namespaces(env: string): readonly string[] {
    this.knownEnvironment(env);
    return this.namespaceList;
  }

  tenant(env: string, ns: string): ResolvedTenantConfig {
    return this.resolver.tenant(this.knownEnvironment(env), this.knownNamespace(env, ns)).config;
  }

  service(env: string, ns: string, svc: string): ResolvedServiceWithProvenance {
    return this.resolver.service(this.knownEnvironment(env), this.knownNamespace(env, ns), svc).resolved;
  }

  overrides(env: string): ReadonlyArray<{ namespace: string; service: string; file: string }> {
    const scanned = this.resolver.inputs.scan.environments.get(this.knownEnvironment(env))!;
    const out: Array<{ namespace: string; service: string; file: string }> = [];
    for (const [namespace, ns] of scanned.namespaces) {
      for (const [service, doc] of ns.services) out.push({ namespace, service, file: doc.file });
    }
    return out;
  }

  policySources(env: string): PolicySources {
    const scanned = this.resolver.inputs.scan.environments.get(this.knownEnvironment(env))!;
    const tenants = new Map<string, YamlDoc>();
    for (const [ns, n] of scanned.namespaces) if (n.tenant) tenants.set(ns, n.tenant);
    return {
      environment: scanned.doc,
      tenants,
      tenantOrigin: (ns, key) => {
        const leaf = leafAt(this.resolver.tenant(env, this.knownNamespace(env, ns)).leaves, key.split('.'));
        return leaf ? { file: leaf.file, line: leaf.line } : undefined;
      },
    };
  }

  private knownEnvironment(name: string): string {
    if (this.resolver.inputs.docs.has(name)) return name;
    const known = this.environments.join(', ');
    throw new ConfigError({ file: `environments/${name}` }, `unknown environment '${name}'${didYouMean(name, this.environments)}`, `one of: ${known}`);
  }

  private knownNamespace(env: string, ns: string): string {
    if (this.namespaceList.includes(ns)) return ns;
    const file = `environments/${env}/${ns}/tenant.yaml`;
    throw new ConfigError({ file }, `unknown namespace '${ns}'${didYouMean(ns, this.namespaceList)}`, `one of: ${this.namespaceList.join(', ')}`);
  }
}

/**
 * Overrides must name a service that exists (`services`: name → namespace from deploy.ts) and sit in
 * that service's namespace folder.
 */
export function checkOverrides(config: ConfigSet, services: ReadonlyMap<string, string>): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const env of config.environments) {
    for (const o of config.overrides(env)) {
      const actual = services.get(o.service);
      if (actual === undefined) {
        const hint = didYouMean(o.service, services.keys());
        errors.push(new ConfigError({ file: o.file }, `override for unknown service '${o.service}'${hint}`, 'a service declared by services/<name>/deploy.ts'));
      } else if (actual !== o.namespace) {
        errors.push(new ConfigError({ file: o.file }, `override for '${o.service}' in namespace '${o.namespace}', but the service lives in namespace '${actual}'`, `environments/${env}/${actual}/${o.service}/overrides.yaml`));
      }
    }
  }
  return errors;
}
