/**
 * Environment policies: rules that see a whole environment (every service's rendered objects, its resolved
 * config and its namespace's quota), the way a platform reviewer reads it. Each rule is a named function;
 * the engine runs them all and reports every finding.
 */
import type { ResolvedServiceConfig } from '../../kit/types';

/** Where a value came from (a config file and line), when the engine knows it. */
export interface PolicyOrigin {
  readonly file: string;
  readonly line?: number;
  /** Position in the resolution of a service's config: a higher rank was set later (nearer the service). */
  readonly rank?: number;
}

/** One rendered object and the repository-relative file it is rendered into. */
export interface RenderedObject {
  readonly file: string;
  readonly object: Readonly<Record<string, unknown>>;
}

/** Whether replicated services get a PodDisruptionBudget and topology spread in this environment. */
export interface AvailabilitySettings {
  readonly pdb: boolean;
  readonly spread: boolean;
}

/** One service as the environment renders it. */
export interface PolicyService {
  readonly name: string;
  readonly namespace: string;
  readonly objects: readonly RenderedObject[];
  readonly config: ResolvedServiceConfig;
  /** The file:line that set a resolved config key (`resources.cpu`, `limits.memory`, …). */
  readonly origin: (key: string) => PolicyOrigin | undefined;
}

/** One namespace's quota as resolved from tenant.yaml. */
export interface PolicyTenant {
  readonly namespace: string;
  readonly quota: { readonly cpu: string; readonly memory: string; readonly pods: number };
  /** The file:line that set `quota.cpu`, `quota.memory` or `quota.pods`. */
  readonly origin: (key: string) => PolicyOrigin | undefined;
  /** The tenant.yaml of this namespace in this environment (when no origin is known). */
  readonly file: string;
}

export interface PolicyEnvironment {
  readonly environment: string;
  readonly availability: AvailabilitySettings;
  readonly services: readonly PolicyService[];
  readonly tenants: readonly PolicyTenant[];
}

/** What a rule finds: where, which service/namespace (for exceptions), what is wrong. */
export interface EnvironmentFinding {
  readonly file: string;
  readonly line?: number;
  readonly namespace: string;
  readonly service?: string;
  readonly message: string;
}

/** A finding with the name of the rule that made it. */
export interface NamedEnvironmentFinding extends EnvironmentFinding {
  readonly rule: string;
}

export interface EnvironmentPolicyRule {
  /** Kebab-case; reported as `policy/<name>`. */
  readonly name: string;
  /** One line for docs and `--help`. */
  readonly description: string;
  readonly check: (env: PolicyEnvironment) => EnvironmentFinding[];
}
