/** A service's digest recomputed from files (on disk or at a revision), per DESIGN's rule (render/files.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAND_WRITTEN } from '../model';
import { digestFiles } from '../render/files';
import { serviceDir } from '../render/service';

const handWritten = new Set<string>(HAND_WRITTEN);

/** The generated files of one service folder on disk (hand-written overrides.yaml excluded); undefined when missing. */
export function serviceFilesOnDisk(root: string, env: string, ns: string, name: string): Map<string, string> | undefined {
  const dir = serviceDir(env, ns, name);
  let names: string[];
  try {
    names = readdirSync(join(root, dir), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return undefined;
  }
  const files = new Map<string, string>();
  for (const n of names) if (!handWritten.has(n)) files.set(`${dir}/${n}`, readFileSync(join(root, dir, n), 'utf8'));
  return files;
}

/** Digest of the generated files below `dir` in `files` (any map of repository-relative paths). */
export function digestOf(files: ReadonlyMap<string, string>, dir: string): string {
  const only = new Map([...files].filter(([p]) => p.startsWith(`${dir}/`) && !handWritten.has(p.slice(p.lastIndexOf('/') + 1)) && !p.slice(dir.length + 1).includes('/')));
  return digestFiles(only, `${dir}/`);
}

/** `files` split by the folder each file sits directly in: one pass, so per-service lookups do not rescan every file. */
export function byFolder(files: ReadonlyMap<string, string>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [path, text] of files) {
    const dir = path.slice(0, path.lastIndexOf('/'));
    let group = out.get(dir);
    if (!group) out.set(dir, (group = new Map()));
    group.set(path, text);
  }
  return out;
}
