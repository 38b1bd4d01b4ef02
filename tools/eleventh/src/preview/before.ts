/**
 * The "before" of a preview: the generated files of the environments tree as committed at the base —
 * what the clusters reconcile — read with one `git ls-tree` and one `git cat-file --batch`.
 */
import { git } from '../git/run';
import { GENERATED_HEADER } from '../model';
import { CatFile } from '../pins/cat-file';
import { parseRecipe, recipePath } from '../recipe/recipe';
import type { Recipe } from '../model';
import { isHandWrittenName } from '../write/paths';

export interface CommittedTree {
  /** Environments that have an environment.yaml at the commit. */
  readonly environments: readonly string[];
  /** Generated files (they start with the generated header), recipes included. */
  readonly files: ReadonlyMap<string, string>;
}

interface Entry {
  readonly oid: string;
  readonly path: string;
}

function listEnvironments(root: string, commit: string): Entry[] {
  const out = git(['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--full-tree', commit, '--', 'environments'], { cwd: root }).stdout;
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, oid] = line.slice(0, tab).split(' ');
      return { mode, type, oid, path: line.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && e.path.split('/').length >= 3);
}

export async function committedTree(root: string, commit: string): Promise<CommittedTree> {
  const entries = listEnvironments(root, commit);
  const environments = entries.filter((e) => /^environments\/[^/]+\/environment\.yaml$/.test(e.path)).map((e) => e.path.split('/')[1]).sort();
  const wanted = entries.filter((e) => !isHandWrittenName(e.path));
  const files = new Map<string, string>();
  const cat = new CatFile(root);
  try {
    const contents = await Promise.all(wanted.map((e) => cat.read(e.oid)));
    wanted.forEach((e, i) => {
      const text = contents[i]?.content.toString('utf8');
      if (text?.startsWith(GENERATED_HEADER)) files.set(e.path, text);
    });
  } finally {
    cat.close();
  }
  return { environments, files };
}

/** An environment's recipe in a committed tree, if it has one. */
export function committedRecipe(tree: CommittedTree, env: string): Recipe | undefined {
  const file = recipePath(env);
  const text = tree.files.get(file);
  return text === undefined ? undefined : parseRecipe(text, file);
}
