/**
 * The contract between a service's `deploy.ts`, the platform kit and the engine (tools/eleventh).
 * The engine resolves configuration and pins; the kit turns them into kubernetes-models objects.
 */
import type { Model } from '@kubernetes-models/base';

/** A Kubernetes object built by the kit: a kubernetes-models instance (has `validate()` and `toJSON()`). */
export type KubeObject = Model<unknown> & { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } };

export type ServiceType = 'http' | 'worker' | 'cron';

/** Autoscaling as configured: bounds and CPU target, or `false` for a fixed replica count. */
export interface AutoscalingConfig {
  readonly min: number;
  readonly max: number;
  readonly cpuPercent: number;
}

/** CPU / memory quantities, e.g. `{ cpu: '100m', memory: '128Mi' }`. */
export interface ResourceAmounts {
  readonly cpu: string;
  readonly memory: string;
}

/**
 * The service configuration after inheritance (platform defaults → environment → tenant → overrides).
 * Every key here must reach a field of the rendered objects.
 */
export interface ResolvedServiceConfig {
  /** Pod replicas when autoscaling is off; the HPA's floor is `autoscaling.min` otherwise. */
  readonly replicas: number;
  /** Container requests. */
  readonly resources: ResourceAmounts;
  /** Container limits. */
  readonly limits: ResourceAmounts;
  /** HorizontalPodAutoscaler bounds, or false for none (http and worker only). */
  readonly autoscaling: AutoscalingConfig | false;
  /** Environment variables of the main container, sorted by name when rendered. */
  readonly env: Readonly<Record<string, string>>;
  /** Free-form values, typed and consumed by the service's own `deploy.ts` (`configMap` by default). */
  readonly values: Readonly<Record<string, unknown>>;
  /**
   * Secrets by reference (config key `secrets:`), merged over the `defineService` option by name, entry by
   * entry. Rendered as one ExternalSecret (or SealedSecret) `<name>-secrets` and consumed by env or file. @default {}
   */
  readonly secrets?: Readonly<Record<string, SecretReference>>;
}

/**
 * One secret, by reference: where it lives in the environment's store and how the container sees it.
 * External stores (Vault) take `path` + `key` (+ `version`); Sealed Secrets takes `sealed`. Exactly one of
 * `env` and `mount`.
 */
export interface SecretReference {
  /** Where the secret lives in the store, e.g. `payments/db` (Vault: under the store's KV mount). ESO `remoteRef.key`. */
  readonly path?: string;
  /** The property inside the stored secret, e.g. `password`. ESO `remoteRef.property`. */
  readonly key?: string;
  /** A version of the stored secret (Vault KV v2: its number). @default the latest */
  readonly version?: string;
  /** Sealed Secrets: the value as `kubeseal --raw` encrypted it for this environment's cluster. */
  readonly sealed?: string;
  /** Expose it as this environment variable (`valueFrom.secretKeyRef`). */
  readonly env?: string;
  /** Expose it as this file (read-only; its folder is a secret volume). */
  readonly mount?: string;
}

/** The store an environment names (`secretStore` in environment.yaml), as the services see it. */
export interface ServiceSecretStore {
  readonly provider: 'vault' | 'sealed-secrets';
}

/** What the engine hands to a service when rendering it into one environment. */
export interface RenderContext {
  /** Environment name, e.g. `staging`. */
  readonly environment: string;
  /** Full image reference ending in the 40-hex pin, e.g. `registry.example.com/payments-api:<sha>`. */
  readonly image: string;
  /** The 40-hex pin (commit of the newest change to the image inputs). */
  readonly commit: string;
  /** The resolved configuration for this service in this environment. */
  readonly config: ResolvedServiceConfig;
  /**
   * Replicated services (more than one pod at the floor) get a PodDisruptionBudget (`pdb`) and
   * topologySpreadConstraints (`spread`): environment.yaml `availability`. @default { pdb: true, spread: false }
   */
  readonly availability?: { readonly pdb: boolean; readonly spread: boolean };
  /** The environment's secret store (environment.yaml `secretStore`); none: a service may declare no secrets. */
  readonly secretStore?: ServiceSecretStore;
}

/** What `deploy.ts` declares. */
export interface ServiceSpec {
  /** DNS-1123 label; must equal the folder name under `services/`. */
  readonly name: string;
  /** The tenant namespace the service runs in (must have a tenant.yaml in every environment). */
  readonly namespace: string;
  readonly type: ServiceType;
  /** Container port for http services. @default 8080 */
  readonly port?: number;
  /** Cron schedule, required for `cron` services. */
  readonly schedule?: string;
  /** Container command override. */
  readonly command?: readonly string[];
  /** HTTP path for readiness/liveness probes (http services). @default '/healthz' */
  readonly healthPath?: string;
  /** Namespaces (besides its own) allowed to reach an http service. @default [] */
  readonly allowFrom?: readonly string[];
  /**
   * Secrets by reference, name → where it lives in the store and how the container sees it, e.g.
   * `{ 'db-password': { path: 'payments/db', key: 'password', env: 'DB_PASSWORD' } }`. Config `secrets:` entries
   * of the same name merge over these. @default {}
   */
  readonly secrets?: Readonly<Record<string, SecretReference>>;
  /**
   * Optional hook: change or add objects after the kit built its defaults.
   * Receives the defaults and the context; returns the final list.
   */
  readonly customize?: (objects: KubeObject[], ctx: RenderContext) => KubeObject[];
}

/** The value `defineService` returns and `deploy.ts` default-exports. */
export interface ServiceDefinition {
  readonly kind: 'eleventh.dev/service';
  readonly spec: ServiceSpec;
  /** Build every object of this service for one environment (unvalidated; the engine validates). */
  render(ctx: RenderContext): KubeObject[];
}

/** A namespace's tenancy in one environment (from the resolved tenant.yaml). */
export interface TenantContext {
  readonly environment: string;
  readonly namespace: string;
  /** The owning team's group (bound to the platform's tenant role). */
  readonly team: string;
  readonly quota: { readonly cpu: string; readonly memory: string; readonly pods: number };
  /** Other namespaces allowed to send traffic into this one. */
  readonly allowFrom: readonly string[];
  /**
   * Other namespaces this one may send traffic to (their `allowFrom` lists this one). The engine
   * derives it from every tenant; without it, default-deny blocks cross-namespace egress. @default []
   */
  readonly egressTo?: readonly string[];
  /** Container requests/limits the LimitRange applies when a pod states none. @default platform defaults */
  readonly containerDefaults?: { readonly requests: ResourceAmounts; readonly limits: ResourceAmounts };
  /** The environment's secret store: with Vault, the namespace gets the ServiceAccount its store logs in as. @default none */
  readonly secretStore?: ServiceSecretStore;
}

/** One Flux Kustomization per namespace per environment (applied by the cluster's bootstrap). */
export interface FluxNamespaceContext {
  readonly environment: string;
  readonly namespace: string;
  /** Repository-relative path Flux builds, e.g. `./environments/staging/payments`. */
  readonly path: string;
  /** Name of the Flux GitRepository source. @default 'eleventh' */
  readonly sourceName?: string;
}
