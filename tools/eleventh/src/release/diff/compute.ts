/** Compare two recipes (two refs of one environment, or two environments at HEAD) with their resolved config. */
import { loadConfig, type ConfigSet } from '../../config/load';
import { withSources } from '../../engine/worktree';
import { git, revParse } from '../../git/run';
import type { Recipe } from '../../model';
import { isAncestor, recipeAt } from '../git-read';
import type { ConfigChange, RecipeDiff, ServiceMove, ServiceRef } from './model';

export interface DiffSide {
  readonly label: string;
  readonly recipe?: Recipe;
  /** service → dotted key → resolved value. */
  readonly config: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, value);
}

function resolvedConfig(config: ConfigSet, recipe: Recipe | undefined): Map<string, Map<string, unknown>> {
  const out = new Map<string, Map<string, unknown>>();
  for (const [name, e] of Object.entries(recipe?.services ?? {})) {
    const flat = new Map<string, unknown>();
    try {
      flatten(config.service(recipe!.environment, e.namespace, name).config, '', flat);
    } catch {
      continue; // the service's namespace or environment is unknown on that side: only its pin is compared
    }
    out.set(name, flat);
  }
  return out;
}

/** One side: the environment's recipe at `rev` and the resolved config there (one worktree when rev is not HEAD). */
export async function sideAt(root: string, rev: string, env: string, label: string): Promise<DiffSide> {
  const commit = revParse(rev, root);
  const recipe = recipeAt(root, commit, env);
  const config = await withSources(root, commit, (src) => resolvedConfig(loadConfig(src), recipe));
  return { label, recipe, config };
}

function subjects(root: string, range: string, service: string): string[] {
  const out = git(['log', '--format=%s', range, '--', `services/${service}`], { cwd: root }).stdout.trim();
  return out ? out.split('\n') : [];
}

function move(root: string, service: string, from: string, to: string): ServiceMove {
  if (isAncestor(root, from, to)) return { service, from, to, direction: 'forward', commits: subjects(root, `${from}..${to}`, service) };
  if (isAncestor(root, to, from)) return { service, from, to, direction: 'backward', commits: subjects(root, `${to}..${from}`, service) };
  return { service, from, to, direction: 'unrelated', commits: [] };
}

function configChanges(a: DiffSide, b: DiffSide, names: readonly string[]): ConfigChange[] {
  const out: ConfigChange[] = [];
  for (const service of names) {
    const ca = a.config.get(service);
    const cb = b.config.get(service);
    if (!ca || !cb) continue;
    for (const key of [...new Set([...ca.keys(), ...cb.keys()])].sort()) {
      if (JSON.stringify(ca.get(key)) === JSON.stringify(cb.get(key))) continue;
      out.push({ service, key, ...(ca.has(key) ? { a: ca.get(key) } : {}), ...(cb.has(key) ? { b: cb.get(key) } : {}) });
    }
  }
  return out;
}

export function diffSides(root: string, a: DiffSide, b: DiffSide): RecipeDiff {
  const sa = a.recipe?.services ?? {};
  const sb = b.recipe?.services ?? {};
  const ref = (name: string, e: { namespace: string; commit: string }): ServiceRef => ({ service: name, namespace: e.namespace, commit: e.commit });
  const names = [...new Set([...Object.keys(sa), ...Object.keys(sb)])].sort();
  return {
    a: a.label,
    b: b.label,
    added: names.filter((n) => !sa[n] && sb[n]).map((n) => ref(n, sb[n])),
    removed: names.filter((n) => sa[n] && !sb[n]).map((n) => ref(n, sa[n])),
    moved: names.filter((n) => sa[n] && sb[n] && sa[n].commit !== sb[n].commit).map((n) => move(root, n, sa[n].commit, sb[n].commit)),
    config: configChanges(a, b, names.filter((n) => sa[n] && sb[n])),
  };
}
