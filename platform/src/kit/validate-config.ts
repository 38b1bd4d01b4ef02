/**
 * Checks on the resolved configuration and context a service is rendered with. All rules run; the
 * first finding is thrown with the key and the bad value quoted.
 */
import { KitError, show } from '../errors';
import type { RenderContext, ResolvedServiceConfig } from './types';
import { assertDnsLabel } from './names';

/** Environment variable the platform sets itself; config may not override it. */
export const ENVIRONMENT_VARIABLE = 'ELEVENTH_ENVIRONMENT';

function isCount(n: unknown, min: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min;
}

function checkReplicas(c: ResolvedServiceConfig): void {
  if (!isCount(c.replicas, 0)) {
    throw new KitError(`'replicas' (${show(c.replicas)}) is not a replica count`, 'an integer ≥ 0');
  }
}

function checkAmounts(c: ResolvedServiceConfig): void {
  for (const key of ['resources', 'limits'] as const) {
    for (const part of ['cpu', 'memory'] as const) {
      const value = c[key]?.[part];
      if (typeof value !== 'string' || value === '') {
        throw new KitError(`'${key}.${part}' (${show(value)}) is not a quantity`, "a Kubernetes quantity string, e.g. '100m' or '128Mi'");
      }
    }
  }
}

function checkAutoscaling(c: ResolvedServiceConfig): void {
  const a = c.autoscaling;
  if (a === false) return;
  if (a === null || typeof a !== 'object') {
    throw new KitError(`'autoscaling' (${show(a)}) is neither bounds nor false`, '{ min, max, cpuPercent } or false');
  }
  if (!isCount(a.min, 1)) throw new KitError(`'minReplicas' (${show(a.min)}) must be ≥ 1`, 'an integer ≥ 1');
  if (!isCount(a.max, 1)) throw new KitError(`'maxReplicas' (${show(a.max)}) must be ≥ 1`, 'an integer ≥ 1');
  if (a.max < a.min) throw new KitError(`'maxReplicas' (${a.max}) must be ≥ 'minReplicas' (${a.min})`);
  if (!isCount(a.cpuPercent, 1)) {
    throw new KitError(`'cpuPercent' (${show(a.cpuPercent)}) must be ≥ 1`, 'an integer percentage of the CPU request');
  }
}

function checkEnv(c: ResolvedServiceConfig): void {
  for (const [name, value] of Object.entries(c.env ?? {})) {
    if (name === ENVIRONMENT_VARIABLE) {
      throw new KitError(`'env.${name}' is set by the platform`, `no '${ENVIRONMENT_VARIABLE}' in env`);
    }
    if (typeof value !== 'string') {
      throw new KitError(`'env.${name}' (${show(value)}) is not a string`, "a string value, e.g. '8080' (quote numbers)");
    }
  }
}

function checkValues(c: ResolvedServiceConfig): void {
  if (c.values === null || typeof c.values !== 'object' || Array.isArray(c.values)) {
    throw new KitError(`'values' (${show(c.values)}) is not a map`, 'a map of free-form values');
  }
}

function checkSecretStore(ctx: RenderContext): void {
  const store = ctx.secretStore;
  if (store !== undefined && store.provider !== 'vault' && store.provider !== 'sealed-secrets') {
    throw new KitError(`'secretStore.provider' (${show(store.provider)}) is not a secret store`, 'vault or sealed-secrets');
  }
}

function checkContext(ctx: RenderContext): void {
  checkSecretStore(ctx);
  assertDnsLabel('environment', ctx.environment);
  if (typeof ctx.commit !== 'string' || !/^[0-9a-f]{40}$/.test(ctx.commit)) {
    throw new KitError(`'commit' (${show(ctx.commit)}) is not a full commit SHA`, '40 lowercase hex characters');
  }
  if (typeof ctx.image !== 'string' || ctx.image === '') {
    throw new KitError(`'image' (${show(ctx.image)}) is not an image reference`, 'e.g. registry.example.com/app:<40-hex>');
  }
}

/** The render-time rules, in the order they are checked. */
export const CONFIG_RULES: ReadonlyArray<(c: ResolvedServiceConfig) => void> = [
  checkReplicas,
  checkAmounts,
  checkAutoscaling,
  checkEnv,
  checkValues,
];

/** Throw a KitError for the first problem in the render context or its config. */
export function validateRenderContext(ctx: RenderContext): void {
  checkContext(ctx);
  for (const rule of CONFIG_RULES) rule(ctx.config);
}
