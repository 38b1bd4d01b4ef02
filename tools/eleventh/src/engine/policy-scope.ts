/**
 * Which namespaces a `recipe` run must put through the environment policies again. A kept service has the
 * same manifest identity as when its recipe was written (kit, engine, deploy.ts, config, image, availability
 * and namespace), so its objects and its own findings are what that run checked and accepted. What can still
 * change a namespace's verdict: a service rendered, added or removed there (the quota is a sum over its
 * services), or the policy inputs that the identity does not cover, the quota and the exceptions
 * (platform/defaults.yaml, environment.yaml, tenant.yaml). Those are compared with the commit that last wrote
 * the recipe: what that run checked. Anything unclear (no such commit, a recipe changed since, a git error)
 * means every namespace, as before; `render` and `verify` always check every namespace.
 */
import { git } from '../git/run';
import type { Recipe } from '../model';
import { recipePath } from '../recipe/recipe';

/** Files whose change can move a policy verdict without moving any service's manifest identity. */
const POLICY_INPUTS = ['platform/defaults.yaml', ':(glob)environments/*/environment.yaml', ':(glob)environments/*/*/tenant.yaml'];

export type PolicyScope = 'all' | ReadonlySet<string>;

export interface ScopeInput {
  readonly root: string;
  readonly environment: string;
  readonly previous: Recipe | undefined;
  /** The services now, with their namespaces. */
  readonly services: ReadonlyArray<{ readonly name: string; readonly namespace: string }>;
  /** Services this run renders (not kept). */
  readonly rendered: readonly string[];
}

function lastWrite(root: string, file: string): string | undefined {
  const res = git(['log', '-1', '--format=%H', '--', file], { cwd: root, okCodes: [0, 128] });
  const sha = res.status === 0 ? res.stdout.trim() : '';
  return /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/** Paths among the policy inputs (and the recipe) that differ between `commit` and the working tree. */
function changedSince(root: string, commit: string, recipe: string): string[] | undefined {
  const res = git(['-c', 'core.quotePath=false', 'diff', '--no-renames', '--name-only', commit, '--', recipe, ...POLICY_INPUTS], { cwd: root, okCodes: [0, 128] });
  return res.status === 0 ? res.stdout.split('\n').filter(Boolean) : undefined;
}

export function policyScope(input: ScopeInput): PolicyScope {
  if (!input.previous) return 'all';
  const recipe = recipePath(input.environment);
  const commit = lastWrite(input.root, recipe);
  const changed = commit ? changedSince(input.root, commit, recipe) : undefined;
  if (!changed) return 'all';
  const namespaces = new Set<string>();
  for (const path of changed) {
    const tenant = /^environments\/[^/]+\/([^/]+)\/tenant\.yaml$/.exec(path);
    if (!tenant) return 'all'; // the recipe itself, an environment.yaml or the platform defaults
    namespaces.add(tenant[1]);
  }
  const rendered = new Set(input.rendered);
  const now = new Map(input.services.map((s) => [s.name, s.namespace] as const));
  for (const s of input.services) if (rendered.has(s.name)) namespaces.add(s.namespace);
  for (const [name, entry] of Object.entries(input.previous.services)) {
    if (now.get(name) !== entry.namespace || rendered.has(name)) namespaces.add(entry.namespace);
  }
  return namespaces;
}

/** The services the policies must see under `scope`. */
export function inScope<T extends { readonly namespace: string }>(services: readonly T[], scope: PolicyScope): readonly T[] {
  return scope === 'all' ? services : services.filter((s) => scope.has(s.namespace));
}
