/**
 * A first run on a new machine (no engine cache) must type-check and load every deploy.ts before it can
 * render: at 5,000 services that was 10 s in the main thread, after the Nx graph and the history walk, and
 * the render workers then loaded every file again. The warm-up starts the render pool at once and has its
 * workers type-check and load their share of `services/<name>/deploy.ts` while Nx builds the graph; what
 * they found goes into the engine's caches, so the run's own type-check and header reads find it there.
 *
 * It only saves time: it writes nothing but the caches, reports nothing (a file that fails is checked and
 * reported by the run itself), and follows the render's chunking, so each worker has loaded the very files
 * it will render (with their config and kit). A full render (`render`, `verify`, `policy`) starts it whatever
 * the caches hold: its workers load every deploy.ts anyway, and do it while Nx works instead of after. A
 * `recipe` whose header cache already knows about as many files as there are (an incremental recipe) does not
 * start it: it renders only what changed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cachedHeaderCount, recordHeaders } from '../load/services';
import { recordPassed } from '../load/typecheck';
import { CHUNK, RenderPool } from './render-pool';

/** Below this many deploy.ts files a cold start is cheap enough in the main thread (ELEVENTH_WARM_UP_MIN). */
const MIN_FILES = 1000;

function minFiles(): number {
  const setting = Number(process.env.ELEVENTH_WARM_UP_MIN);
  return Number.isInteger(setting) && setting > 0 ? setting : MIN_FILES;
}

export interface WarmUp {
  readonly pool: RenderPool;
  /** Resolves once the workers are done and the caches hold what they found (never rejects). */
  readonly done: Promise<void>;
}

/** Every `services/<name>/deploy.ts`, sorted as the Nx graph lists service projects (by name). */
function deployFiles(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, 'services')).sort();
  } catch {
    return [];
  }
  return names.map((n) => `services/${n}/deploy.ts`).filter((f) => existsSync(join(root, f)));
}

/**
 * Start the warm-up when the repository is large and the run renders every service (`full`: the workers
 * load every deploy.ts anyway), or the caches are cold; undefined otherwise.
 */
export function startWarmUp(root: string, full = false): WarmUp | undefined {
  if (process.env.ELEVENTH_RENDER_THREADS === '0') return undefined;
  const files = deployFiles(root);
  if (files.length < minFiles() || (!full && cachedHeaderCount() >= files.length / 2)) return undefined;
  const pool = RenderPool.forWarmUp();
  if (!pool) return undefined;
  // Chunk k of a render goes to worker k % size (render-pool.ts): each worker gets all of its chunks at once,
  // so it builds one TypeScript program.
  const shares: string[][] = Array.from({ length: pool.size }, () => []);
  for (let i = 0; i < files.length; i += CHUNK) shares[(i / CHUNK) % pool.size].push(...files.slice(i, i + CHUNK));
  const done = Promise.all(shares.map((share, w) => pool.warm(w, root, share).catch(() => undefined))).then((results) => {
    recordPassed(results.flatMap((r) => r?.passed ?? []));
    recordHeaders(results.flatMap((r) => r?.headers ?? []));
  });
  return { pool, done: done.catch(() => undefined) };
}
