/**
 * Run a generator against a folder on disk, as `nx g` does: an FsTree collects the changes, and they are
 * written only when the generator returned (a refusal writes nothing). The plopfile runs the generators
 * this way, so plop and Nx render the same templates through the same code.
 */
import type { Tree } from '@nx/devkit';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { listEnvironments, listNamespaces, rootEnvironment } from './environments';
import { releaseOf } from '../generators/environment/lib/release-mode';

export type Generator<T> = (tree: Tree, options: T) => Promise<unknown>;

export interface DiskChange {
  readonly type: 'CREATE' | 'UPDATE' | 'DELETE';
  /** Workspace-relative path. */
  readonly path: string;
}

/**
 * Run `generator` on the workspace at `root`; unless `dryRun`, write its changes, then run the task it
 * returned (e.g. the infra generator's `git init`), as `nx g` does.
 */
export async function runOnDisk<T>(generator: Generator<T>, root: string, options: T, dryRun = false): Promise<DiskChange[]> {
  const tree = new FsTree(root, false);
  const task = await generator(tree, options);
  const changes = tree.listChanges();
  if (!dryRun) {
    flushChanges(root, changes);
    if (typeof task === 'function') await task();
  }
  return changes.map((c) => ({ type: c.type, path: c.path }));
}

/** The environments of the workspace at `root` (for prompts). */
export function environmentNames(root: string): string[] {
  return listEnvironments(new FsTree(root, false)).map((env) => env.name);
}

/** The namespaces of the workspace at `root`, from its root environment (for prompts). */
export function namespaceNames(root: string): string[] {
  const tree = new FsTree(root, false);
  const envs = listEnvironments(tree);
  return envs.length === 0 ? [] : listNamespaces(tree, rootEnvironment(tree, envs).name);
}

/** How environment `env` of the workspace at `root` gets its releases (for prompts): follows-main, promoted or mirror. */
export function releaseModeOf(root: string, env: string): string {
  const found = listEnvironments(new FsTree(root, false)).find((e) => e.name === env);
  return found ? releaseOf(found).mode : 'follows-main';
}
