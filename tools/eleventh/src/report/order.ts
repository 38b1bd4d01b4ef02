/** The report's column order and each environment's comparison base. */
import type { ConfigSet } from '../config/load';

export interface EnvironmentColumn {
  readonly name: string;
  /** Promotion source, mirrored environment, or (for one that follows main) the `extends` parent. */
  readonly base?: string;
  readonly followsMain: boolean;
  readonly commitUrl?: string;
}

function baseOf(config: ConfigSet, env: string): string | undefined {
  const e = config.environment(env);
  if (e.promotion?.mirrorOf) return e.promotion.mirrorOf;
  if (e.promotion?.from) return e.promotion.from;
  return e.chain.length > 1 ? e.chain[e.chain.length - 2] : undefined;
}

/**
 * Each environment that follows main, then what is promoted from it (depth first, by name), so the
 * release path reads left to right: staging, preprod, prod, then ops-staging (which feeds nothing).
 */
export function environmentColumns(config: ConfigSet): EnvironmentColumn[] {
  const fed = new Map<string, string[]>();
  const roots: string[] = [];
  for (const env of config.environments) {
    const e = config.environment(env);
    const source = e.promotion?.mirrorOf ?? e.promotion?.from;
    if (source) fed.set(source, [...(fed.get(source) ?? []), env]);
    else roots.push(env);
  }
  const size = (env: string): number => (fed.get(env) ?? []).reduce((n, c) => n + 1 + size(c), 0);
  roots.sort((a, b) => size(b) - size(a) || a.localeCompare(b));
  const out: EnvironmentColumn[] = [];
  const visit = (env: string): void => {
    if (out.some((c) => c.name === env)) return;
    const commitUrl = config.environment(env).commitUrl;
    const base = baseOf(config, env);
    out.push({ name: env, ...(base ? { base } : {}), followsMain: config.followsMain(env), ...(commitUrl ? { commitUrl } : {}) });
    for (const child of [...(fed.get(env) ?? [])].sort()) visit(child);
  };
  roots.forEach(visit);
  for (const env of config.environments) visit(env);
  return out;
}
