/**
 * The secrets a service renders with in one environment: defineService's, then config's over them, entry by
 * entry and field by field — except that a later source which switches how an entry is stored or consumed
 * starts that part afresh: `sealed` drops an earlier `path`/`key`/`version` (and the other way round), `mount`
 * drops an earlier `env` (and the other way round). So an environment on Sealed Secrets can extend one on
 * Vault, and one environment can mount what another passes as a variable.
 */
import type { SecretReference, ServiceSpec, RenderContext } from '../types';

/** Fields that exclude each other: setting one group in a later source drops the other group's earlier fields. */
export const EXCLUSIVE: ReadonlyArray<readonly [ReadonlyArray<keyof SecretReference>, ReadonlyArray<keyof SecretReference>]> = [
  [['sealed'], ['path', 'key', 'version']],
  [['env'], ['mount']],
];

/** `later` over `earlier`, with the exclusive groups above. */
export function mergeSecret(earlier: SecretReference | undefined, later: SecretReference): SecretReference {
  const base: Record<string, unknown> = { ...earlier };
  for (const [a, b] of EXCLUSIVE) {
    if (a.some((k) => later[k] !== undefined)) for (const k of b) delete base[k];
    if (b.some((k) => later[k] !== undefined)) for (const k of a) delete base[k];
  }
  return { ...base, ...later } as SecretReference;
}

export function mergedSecrets(spec: ServiceSpec, ctx: RenderContext): Record<string, SecretReference> {
  const out: Record<string, SecretReference> = {};
  for (const source of [spec.secrets ?? {}, ctx.config.secrets ?? {}]) {
    for (const [name, entry] of Object.entries(source)) out[name] = mergeSecret(out[name], entry);
  }
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}
