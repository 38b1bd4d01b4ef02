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

/** A recipe's `manifest:` line: the identity of the engine and kit code that rendered the service. */
const MANIFEST_LINE = /^( {4}manifest: )"?([0-9a-f]{64})"?$/gm;

/**
 * `masked`: every recipe's `manifest:` identities replaced by a placeholder, after checking each is one. An
 * identity hashes the renderer's own code (engine/identity.ts), so a faster renderer that writes the same
 * manifests changes only those lines; the masked digest then still proves the rest of the tree unchanged.
 */
export function treeDigest(dir: string, opts: { masked?: boolean } = {}): { digest: string; files: number } {
  const list: string[] = [];
  files(dir, '', list);
  list.sort();
  const h = createHash('sha256');
  for (const path of list) {
    let content: Buffer | string = readFileSync(join(dir, path));
    if (opts.masked && path.endsWith('recipe.yaml')) content = content.toString('utf8').replace(MANIFEST_LINE, '$1<identity>');
    h.update(path).update('\0').update(content).update('\0');
  }
  return { digest: `sha256:${h.digest('hex')}`, files: list.length };
}
