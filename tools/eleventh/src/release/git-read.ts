/** Reading files and recipes as they stand at a revision, without touching the working tree. */
import { git, gitText } from '../git/run';
import type { Recipe } from '../model';
import { parseRecipe, recipePath } from '../recipe/recipe';

/** The file's text at `rev`, or undefined when the path does not exist there. */
export function showFile(root: string, rev: string, path: string): string | undefined {
  const res = git(['cat-file', '-e', `${rev}:${path}`], { cwd: root, okCodes: [0, 1, 128] });
  if (res.status !== 0) return undefined;
  return git(['show', `${rev}:${path}`], { cwd: root }).stdout;
}

/** The environment's recipe at `rev` (undefined when it has none there); bad recipes throw ConfigError. */
export function recipeAt(root: string, rev: string, env: string): Recipe | undefined {
  const text = showFile(root, rev, recipePath(env));
  return text === undefined ? undefined : parseRecipe(text, `${rev}:${recipePath(env)}`);
}

/** Every file below `dir` at `rev` with its content, repository-relative paths (one ls-tree + one cat-file). */
export function filesAt(root: string, rev: string, dir: string): Map<string, string> {
  const listing = gitText(['ls-tree', '-r', '-z', '--full-tree', rev, '--', dir], { cwd: root });
  const entries = listing.split('\0').filter(Boolean).map((line) => {
    const [meta, path] = line.split('\t');
    return { oid: meta.split(' ')[2], path };
  });
  const out = new Map<string, string>();
  if (entries.length === 0) return out;
  const raw = git(['cat-file', '--batch'], { cwd: root, input: entries.map((e) => `${e.oid}\n`).join('') }).stdout;
  const buf = Buffer.from(raw, 'utf8');
  let pos = 0;
  for (const e of entries) {
    const nl = buf.indexOf(10, pos);
    const size = Number(buf.subarray(pos, nl).toString('utf8').split(' ')[2]);
    out.set(e.path, buf.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    pos = nl + 1 + size + 1;
  }
  return out;
}

/** True when `commit` exists (as a commit) in the repository. */
export function commitExists(root: string, commit: string): boolean {
  return git(['cat-file', '-e', `${commit}^{commit}`], { cwd: root, okCodes: [0, 1, 128] }).status === 0;
}
