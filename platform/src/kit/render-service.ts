/**
 * Assemble a service's objects for one environment, per service type, in a fixed order.
 */
import type { KubeObject, RenderContext, ServiceSpec } from './types';
import { identityOf } from './labels';
import { serviceAccount } from './service-account';
import { valuesConfigMap } from './config-map';
import { deployment } from './deployment';
import { httpService } from './http-service';
import { autoscaler } from './autoscaling';
import { disruptionBudget, minReplicas } from './disruption-budget';
import { availabilityOf } from './availability';
import { ingressPolicy } from './network-policy';
import { cronJob } from './cron-job';
import { DEFAULT_PORT } from './workload';
import { validateRenderContext } from './validate-config';
import { KitError, show } from '../errors';
import { checkSecretsInContext } from './secrets/check';
import { mergedSecrets } from './secrets/merge';
import { renderSecretsObject } from './secrets/external-secret';

function longRunning(spec: ServiceSpec, ctx: RenderContext): KubeObject[] {
  const identity = identityOf(spec, ctx);
  const { config } = ctx;
  const objects: KubeObject[] = [deployment({ spec, ctx })];
  if (spec.type === 'http') {
    objects.push(httpService(identity));
    objects.push(ingressPolicy({ ...identity, port: spec.port ?? DEFAULT_PORT, allowFrom: spec.allowFrom }));
  }
  if (config.autoscaling !== false) objects.push(autoscaler({ ...identity, autoscaling: config.autoscaling }));
  if (availabilityOf(ctx).pdb && minReplicas(config) > 1) objects.push(disruptionBudget(identity));
  return objects;
}

/** Build every object of `spec` in `ctx`, before the `customize` hook. */
export function renderDefaults(spec: ServiceSpec, ctx: RenderContext): KubeObject[] {
  validateRenderContext(ctx);
  const identity = identityOf(spec, ctx);
  const secrets = mergedSecrets(spec, ctx);
  checkSecretsInContext(secrets, { environment: ctx.environment, store: ctx.secretStore, env: ctx.config.env });
  const head: KubeObject[] = [serviceAccount(identity), valuesConfigMap({ ...identity, values: ctx.config.values })];
  if (Object.keys(secrets).length > 0 && ctx.secretStore) head.push(renderSecretsObject({ ...identity, secrets, store: ctx.secretStore }) as unknown as KubeObject);
  const body = spec.type === 'cron' ? [cronJob({ spec, ctx })] : longRunning(spec, ctx);
  return [...head, ...body];
}

const CUSTOMIZE_RETURNS = 'customize to return the list of objects, e.g. (objects) => objects';

/** What `customize` returned, checked to be a list of Kubernetes objects (each with apiVersion and kind). */
export function checkCustomized(value: unknown): KubeObject[] {
  if (!Array.isArray(value)) {
    const what = value === undefined ? 'nothing (undefined)' : show(value);
    throw new KitError(`'customize' returned ${what}, not a list of objects`, CUSTOMIZE_RETURNS);
  }
  value.forEach((object: unknown, i) => {
    const o = object as { apiVersion?: unknown; kind?: unknown } | null;
    if (o === null || typeof o !== 'object' || Array.isArray(o) || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
      throw new KitError(`'customize' returned a list whose item ${i} (${show(object)}) is not a Kubernetes object`, `${CUSTOMIZE_RETURNS}; every item with apiVersion and kind`);
    }
  });
  return value as KubeObject[];
}

/** Build every object, then apply the service's `customize` hook. */
export function renderService(spec: ServiceSpec, ctx: RenderContext): KubeObject[] {
  const objects = renderDefaults(spec, ctx);
  return spec.customize ? checkCustomized(spec.customize(objects, ctx)) : objects;
}
