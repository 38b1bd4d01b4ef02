/** Reading clusters/ from a Tree: where a cluster's own Flux files (flux bootstrap's flux-system/) may live. */
import type { Tree } from '@nx/devkit';

export const CLUSTERS_DIR = 'clusters';

/** Every YAML file under `dir` (default clusters/) as [path, text], sorted by path. */
export function clusterYamlFiles(tree: Tree, dir = CLUSTERS_DIR): Array<readonly [string, string]> {
  if (!tree.exists(dir)) return [];
  if (tree.isFile(dir)) return /\.ya?ml$/.test(dir) ? [[dir, tree.read(dir, 'utf8') ?? '']] : [];
  return tree.children(dir).sort().flatMap((child) => clusterYamlFiles(tree, `${dir}/${child}`));
}
