/**
 * Shared inputs for the kit's specs (not exported from the package).
 */
import type { RenderContext, ResolvedServiceConfig } from './types';

export const PIN = '0123456789abcdef0123456789abcdef01234567';

export const CONFIG: ResolvedServiceConfig = {
  replicas: 2,
  resources: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '256Mi' },
  autoscaling: false,
  env: {},
  values: {},
};

/** A render context with `config` overrides merged over the platform defaults. */
export function context(config: Partial<ResolvedServiceConfig> = {}, environment = 'staging'): RenderContext {
  return {
    environment,
    image: `registry.example.com/payments-api:${PIN}`,
    commit: PIN,
    config: { ...CONFIG, ...config },
  };
}
