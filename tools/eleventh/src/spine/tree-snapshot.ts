/** Test helpers: every file under environments/ with its bytes and mtime, to prove "nothing written". */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FileState {
  readonly content: string;
  readonly mtimeMs: number;
}

export function snapshotTree(root: string, dir = 'environments'): Map<string, FileState> {
  const out = new Map<string, FileState>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const r = `${rel}/${name}`;
      const st = statSync(join(root, r));
      if (st.isDirectory()) walk(r);
      else out.set(r, { content: readFileSync(join(root, r), 'utf8'), mtimeMs: st.mtimeMs });
    }
  };
  walk(dir);
  return out;
}

/** Paths whose bytes or mtime differ, plus added and removed ones. */
export function changedFiles(before: ReadonlyMap<string, FileState>, after: ReadonlyMap<string, FileState>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => {
    const a = before.get(p);
    const b = after.get(p);
    return !a || !b || a.content !== b.content || a.mtimeMs !== b.mtimeMs;
  }).sort();
}
