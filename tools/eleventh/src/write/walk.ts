/** One directory walk over the scope folders: what is on disk before anything is planned. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DiskTree {
  /** Regular files, repository-relative. */
  readonly files: Set<string>;
  /** Symbolic links, sockets and the like: never generated, never touched. */
  readonly others: Set<string>;
  /** Folders below the scope folders (the scope folders themselves excluded). */
  readonly dirs: Set<string>;
  /** Folders left exactly as they are (WriteScope.skipDir): not read, not pruned, never empty. */
  readonly skipped: Set<string>;
}

export type SkipDir = (relDir: string) => boolean;

function walkDir(root: string, rel: string, tree: DiskTree, skip: SkipDir | undefined): void {
  let entries;
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const e of entries) {
    const child = `${rel}/${e.name}`;
    if (e.isDirectory()) {
      if (skip?.(child)) {
        tree.skipped.add(child);
        continue;
      }
      tree.dirs.add(child);
      walkDir(root, child, tree, skip);
    } else if (e.isFile()) tree.files.add(child);
    else tree.others.add(child);
  }
}

/** Walk every scope folder once; a missing folder is empty. */
export function walkScope(root: string, dirs: readonly string[], skip?: SkipDir): DiskTree {
  const tree: DiskTree = { files: new Set(), others: new Set(), dirs: new Set(), skipped: new Set() };
  for (const d of dirs) walkDir(root, d, tree, skip);
  return tree;
}
