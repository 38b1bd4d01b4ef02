/**
 * `defineService`: what a service's `deploy.ts` default-exports. The spec is checked here, at
 * construction; the configuration is checked when the engine renders it into an environment.
 */
import type { RenderContext, ServiceDefinition, ServiceSpec } from './types';
import { validateSpec } from './validate-spec';
import { renderService } from './render-service';

/**
 * Declare a service.
 * @example export default defineService({ name: 'payments-api', namespace: 'payments', type: 'http' });
 * @throws KitError when a name, the type, the schedule, the port or a `secrets` entry is invalid.
 */
export function defineService(spec: ServiceSpec): ServiceDefinition {
  validateSpec(spec);
  const frozen: ServiceSpec = Object.freeze({
    ...spec,
    ...(spec.command ? { command: Object.freeze([...spec.command]) } : {}),
    ...(spec.allowFrom ? { allowFrom: Object.freeze([...spec.allowFrom]) } : {}),
    ...(spec.secrets ? { secrets: Object.freeze(Object.fromEntries(Object.entries(spec.secrets).map(([k, v]) => [k, Object.freeze({ ...v })]))) } : {}),
  });
  return Object.freeze({
    kind: 'eleventh.dev/service' as const,
    spec: frozen,
    render: (ctx: RenderContext) => renderService(frozen, ctx),
  });
}
