/**
 * Which add-ons moved between two recipes: added, removed, a chart version bump, or the same version with
 * new values (the values digest). Shown beside service moves by diff, history, recipe and promote.
 */
import type { Recipe, RecipeAddon } from '../model';

export interface AddonMove {
  readonly addon: string;
  /** Absent: the add-on is new. */
  readonly from?: RecipeAddon;
  /** Absent: the add-on was removed (turned off). */
  readonly to?: RecipeAddon;
}

const same = (a: RecipeAddon | undefined, b: RecipeAddon | undefined): boolean =>
  a?.chart === b?.chart && a?.version === b?.version && a?.repository === b?.repository && a?.values === b?.values;

export function addonMovesBetween(before: Recipe | undefined, after: Recipe | undefined): AddonMove[] {
  const a = before?.addons ?? {};
  const b = after?.addons ?? {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((n) => !same(a[n], b[n]))
    .map((n) => ({ addon: n, ...(a[n] ? { from: a[n] } : {}), ...(b[n] ? { to: b[n] } : {}) }));
}

const digest = (d: string): string => d.replace(/^sha256:/, '').slice(0, 12);

/** `cert-manager v1.21.1 → v1.21.2`, `traefik 40.0.0 (values 1a2b… → 3c4d…)`, `(new)` / `(removed)`. */
export function describeAddonMove(m: AddonMove): string {
  if (!m.from) return `${m.addon} (new) → ${m.to!.version}`;
  if (!m.to) return `${m.addon} ${m.from.version} → (removed)`;
  const chart = m.from.chart !== m.to.chart || m.from.repository !== m.to.repository ? ` (chart ${m.from.repository}/${m.from.chart} → ${m.to.repository}/${m.to.chart})` : '';
  if (m.from.version !== m.to.version) return `${m.addon} ${m.from.version} → ${m.to.version}${chart}`;
  return `${m.addon} ${m.to.version} (values ${digest(m.from.values)} → ${digest(m.to.values)})${chart}`;
}
