/**
 * Services whose bytes passed every check, remembered across runs (the engine's cache folder, passed-checks.txt).
 *
 * A service's checks (kubernetes-models' `validate()`, the unknown-field and name checks, the kit's policies) read
 * only its objects. When every object is exact (render/plain.ts: nothing JSON changes or drops), the objects are what
 * the YAML says. So a folder whose digest (its paths and bytes), whose objects' classes and whose checker (the
 * renderer, the kit and the packages the kit loads, by name and version) all match a folder that passed passes too,
 * and its checks are not run again. `render --check` after `recipe`, or a second `render`, checks nothing that did
 * not change. `verify` reads nothing from here: it checks every service (it still records what passed).
 *
 * Keys are only ever added for folders that passed; a lost or unreadable file only costs the checks again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PassedChecks } from '../render/service';
import { engineCacheFile, writeCacheFile } from '../load/engine-cache';
import { kitPackagesIdentity } from './kit-packages';

// 1: sha256(checker, digest, classes), 32 hex digits, newest first.
const FORMAT = 'eleventh passed-checks 1';
/** Keys kept: at 5,000 services × 3 environments, the last several runs' worth of distinct folders. */
export const KEEP = 120_000;

const cacheFile = (): string => engineCacheFile('passed-checks.txt');

let known: { file: string; keys: ReadonlySet<string> } | undefined;

/** This thread's read of the file: once per process (and cache folder), so every render of a run sees the same set. */
function knownKeys(): ReadonlySet<string> {
  const file = cacheFile();
  if (known?.file !== file) {
    let keys: ReadonlySet<string>;
    try {
      const lines = readFileSync(file, 'utf8').split('\n');
      keys = lines[0] === FORMAT ? new Set(lines.slice(1).filter((l) => l.length === 32)) : new Set();
    } catch {
      keys = new Set();
    }
    known = { file, keys };
  }
  return known.keys;
}

/** What one render (or one worker's chunk) used and added: merged into the run's record on the main thread. */
export interface ChecksRecord {
  readonly used: string[];
  readonly fresh: string[];
}

const checkers = new Map<string, string>();

/** The identity of everything a check's verdict depends on besides the objects. */
export function checkerIdentity(engineId: string, kitId: string, sourceRoot: string): string {
  const id = `${engineId}\0${kitId}\0${sourceRoot}`;
  let checker = checkers.get(id);
  if (!checker) {
    checker = createHash('sha256').update(`${FORMAT}\0${engineId}\0${kitId}\0${kitPackagesIdentity(sourceRoot)}`).digest('hex');
    checkers.set(id, checker);
  }
  return checker;
}

/** One render's view of the cache. `reuse: false` (verify) checks everything and only records what passed. */
export class RenderChecks implements PassedChecks {
  readonly record: ChecksRecord = { used: [], fresh: [] };

  private checker: string | undefined;

  /** `checker`: made on the first service rendered (a run that keeps every service needs none). */
  constructor(private readonly checkerOf: () => string, private readonly reuse: boolean) {}

  has(digest: string, classes: string): boolean {
    if (!this.reuse) return false;
    const key = this.key(digest, classes);
    if (!knownKeys().has(key)) return false;
    this.record.used.push(key);
    return true;
  }

  add(digest: string, classes: string): void {
    this.record.fresh.push(this.key(digest, classes));
  }

  private key(digest: string, classes: string): string {
    this.checker ??= this.checkerOf();
    return createHash('sha256').update(`${this.checker}\0${digest}\0${classes}`).digest('hex').slice(0, 32);
  }
}

/** The run's record (main thread): what its renders used and added, saved once at the end. */
const run: ChecksRecord = { used: [], fresh: [] };

export function recordChecks(record: ChecksRecord | undefined): void {
  if (!record) return;
  for (const k of record.used) run.used.push(k);
  for (const k of record.fresh) run.fresh.push(k);
}

/**
 * Write the run's keys first, then the older ones, up to KEEP. Nothing is written when the run added nothing:
 * a run that only reused keeps the file as it is.
 */
export function savePassedChecks(): void {
  const used = run.used.splice(0);
  const fresh = run.fresh.splice(0);
  if (process.env.ELEVENTH_TIMING) process.stderr.write(`eleventh: checks ${used.length} remembered, ${fresh.length} passed\n`);
  if (fresh.length === 0) return;
  const keys = new Set([...fresh, ...used]);
  for (const k of knownKeys()) {
    if (keys.size >= KEEP) break;
    keys.add(k);
  }
  const kept = [...keys].slice(0, KEEP);
  const file = cacheFile();
  writeCacheFile(file, [FORMAT, ...kept].join('\n') + '\n');
  known = { file, keys: new Set(kept) };
}
