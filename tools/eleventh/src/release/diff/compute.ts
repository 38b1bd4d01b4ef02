/** Compare two recipes (two refs of one environment, or two environments at HEAD) with their resolved config and release notes. */
import { loadConfig, type ConfigSet } from '../../config/load';
import { withSources, type WorkTreeState } from '../../engine/worktree';
import type { Recipe } from '../../model';
import { releaseNotes, type NotesOptions } from '../notes/notes';
import type { ReleaseNotes } from '../notes/notes';
import type { ConfigChange, RecipeDiff, ServiceRef, SideBySide } from './model';
import { addonMovesBetween } from '../addon-moves';

export interface DiffSide {
  readonly label: string;
  /** The environment the recipe belongs to. */
  readonly environment: string;
  /** The commit the recipe stands at (its manifest sources when it follows main). */
  readonly at: string;
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

/** One side: `recipe` (the environment's recipe at `commit`) and the resolved config there (one worktree when not HEAD). `state`: the work tree as the run read it once. */
export async function sideAt(root: string, side: { commit: string; environment: string; label: string; recipe?: Recipe }, state?: WorkTreeState): Promise<DiffSide> {
  const config = await withSources(root, side.commit, (src) => resolvedConfig(loadConfig(src), side.recipe), state);
  return { label: side.label, environment: side.environment, at: side.commit, recipe: side.recipe, config };
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

export interface DiffPair {
  readonly mode: RecipeDiff['mode'];
  readonly a: DiffSide;
  readonly b: DiffSide;
  /** The `extends` chain of b's environment (root first). */
  readonly chain: readonly string[];
}

function assemble(pair: DiffPair, notes: ReleaseNotes): RecipeDiff {
  const { a, b } = pair;
  const sa = a.recipe?.services ?? {};
  const sb = b.recipe?.services ?? {};
  const ref = (name: string, e: { namespace: string; commit: string }): ServiceRef => ({ service: name, namespace: e.namespace, commit: e.commit });
  const names = [...new Set([...Object.keys(sa), ...Object.keys(sb)])].sort();
  const pick = (e: { commit: string; digest: string } | undefined) => (e ? { commit: e.commit, digest: e.digest } : undefined);
  const services = names.map((n): SideBySide => ({ service: n, namespace: (sb[n] ?? sa[n]).namespace, ...(sa[n] ? { a: pick(sa[n]) } : {}), ...(sb[n] ? { b: pick(sb[n]) } : {}) }));
  return {
    mode: pair.mode,
    a: a.label,
    b: b.label,
    added: names.filter((n) => !sa[n] && sb[n]).map((n) => ref(n, sb[n])),
    removed: names.filter((n) => sa[n] && !sb[n]).map((n) => ref(n, sa[n])),
    moved: notes.moves,
    rerendered: notes.manifest.rerendered,
    manifest: notes.manifest.commits,
    services,
    config: configChanges(a, b, names.filter((n) => sa[n] && sb[n])),
    addons: addonMovesBetween(a.recipe, b.recipe),
  };
}

/** Every pair at once: one set of release-notes git processes for all of them. */
export async function diffPairs(root: string, pairs: readonly DiffPair[], opts: NotesOptions = {}): Promise<RecipeDiff[]> {
  const notes = await releaseNotes(
    root,
    pairs.map((p) => ({ chain: p.chain, before: p.a.recipe, after: p.b.recipe, at: { before: p.a.at, after: p.b.at }, config: p.mode === 'revisions' })),
    opts,
  );
  return pairs.map((p, i) => assemble(p, notes[i]));
}
