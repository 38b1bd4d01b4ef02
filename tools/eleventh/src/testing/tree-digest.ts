/** One digest of a folder's files (paths sorted, `path\0content\0` each): equal digests, byte-identical trees. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string, rel: string, out: string[]): void {
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files(dir, path, out);
    else out.push(path);
  }
}

export function treeDigest(dir: string): { digest: string; files: number } {
  const list: string[] = [];
  files(dir, '', list);
  list.sort();
  const h = createHash('sha256');
  for (const path of list) h.update(path).update('\0').update(readFileSync(join(dir, path))).update('\0');
  return { digest: `sha256:${h.digest('hex')}`, files: list.length };
}
