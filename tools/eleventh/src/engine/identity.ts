/** Identities that decide whether a service's manifests must be re-rendered. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function hashTree(h: ReturnType<typeof createHash>, dir: string, rel: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.endsWith('.spec.ts')) continue;
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) hashTree(h, abs, `${rel}/${name}`);
    else h.update(`${rel}/${name}`).update('\0').update(readFileSync(abs)).update('\0');
  }
}

/** Hash of a folder's files (specs and node_modules excluded). */
export function folderIdentity(dir: string): string {
  const h = createHash('sha256');
  hashTree(h, dir, '.');
  return h.digest('hex');
}

let engineId: string | undefined;

/** The renderer's own code: a change to it re-renders everything. */
export function engineIdentity(): string {
  engineId ??= createHash('sha256')
    .update(folderIdentity(join(__dirname, '..', 'render')))
    .update(folderIdentity(join(__dirname, '..', 'yaml')))
    .digest('hex');
  return engineId;
}

/** Identity of everything that shapes one service's manifests in one environment. */
export function manifestIdentity(parts: {
  engine: string;
  kit: string;
  deployHash: string;
  environment: string;
  namespace: string;
  image: string;
  config: unknown;
  availability: unknown;
  /** The environment's secret store provider (absent without one, so identities without secrets stay as they were). */
  secretStore?: unknown;
}): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
