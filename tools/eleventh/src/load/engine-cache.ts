/**
 * The engine's cache folder (node_modules/.cache/eleventh next to the engine, or ELEVENTH_CACHE_DIR) and its
 * one way of writing there. Everything in it only saves time: a cache that cannot be written is skipped.
 * (load/ts-hook.js, plain JavaScript that runs before any TypeScript, finds the same folder on its own.)
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** `name` inside the engine's cache folder. */
export function engineCacheFile(name: string): string {
  const base = process.env.ELEVENTH_CACHE_DIR ?? join(__dirname, '..', '..', '..', '..', 'node_modules', '.cache', 'eleventh');
  return join(base, name);
}

/**
 * Write `file` whole or not at all: through a temporary name unique to this process and thread (render workers
 * share a pid and write the same caches), renamed into place.
 */
export function writeCacheFile(file: string, data: string): void {
  const tmp = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}
