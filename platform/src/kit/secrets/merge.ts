/** The secrets a service renders with in one environment: defineService's, then config's over them, entry by entry. */
import type { SecretReference, ServiceSpec, RenderContext } from '../types';

export function mergedSecrets(spec: ServiceSpec, ctx: RenderContext): Record<string, SecretReference> {
  const out: Record<string, SecretReference> = {};
  for (const source of [spec.secrets ?? {}, ctx.config.secrets ?? {}]) {
    for (const [name, entry] of Object.entries(source)) out[name] = { ...out[name], ...entry };
  }
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}
