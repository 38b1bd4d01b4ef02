/**
 * Reading a hand-written file (environment.yaml, tenant.yaml, overrides.yaml, platform/defaults.yaml,
 * recipe.yaml, a profile's source) safely: it must be a regular file inside the repository, no larger than
 * MAX_HAND_WRITTEN_BYTES, checked before a byte is read — a symlink to /dev/zero or to a file outside the
 * repository, a FIFO or a folder is one ConfigError (exit 2), never a hang, an out-of-memory or a stack.
 */
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { ConfigError } from '../errors';

/** 1 MiB: the Kubernetes API's limit for one object; no hand-written file needs more. */
export const MAX_HAND_WRITTEN_BYTES = 1024 * 1024;
/** A recipe lists every service of an environment (5,000 services ≈ 2 MiB): its own, larger limit. */
export const MAX_RECIPE_BYTES = 64 * 1024 * 1024;

export interface ReadLimits {
  /** @default MAX_HAND_WRITTEN_BYTES */
  readonly maxBytes?: number;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const realRoots = new Map<string, string>();
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) realRoots.set(root, (real = realpathSync.native(root)));
  return real;
}

function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

/**
 * Check that `root/rel` may be read as a hand-written file; undefined when it does not exist. A symlink
 * must resolve inside the repository to a regular file. Exported for callers that load the file by other
 * means (deploy.ts, profile modules): they check first, then require.
 */
export function checkHandWritten(root: string, rel: string, limits: ReadLimits = {}): Stats | undefined {
  const max = limits.maxBytes ?? MAX_HAND_WRITTEN_BYTES;
  const abs = join(root, rel);
  let st: Stats | undefined;
  try {
    // No exception for a missing file: config reads an overrides.yaml per service folder, and at 15,000
    // folders the thrown ENOENTs alone cost half a second.
    st = lstatSync(abs, { throwIfNoEntry: false });
    if (st === undefined) return undefined;
  } catch (err) {
    const code = codeOf(err);
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new ConfigError({ file: rel }, 'a file sits where a folder of this path must be', 'folders down to the file; move the file away');
    throw new ConfigError({ file: rel }, `cannot read file (${code})`, 'a readable file', { cause: err });
  }
  // Every path is resolved, not only a symlinked file: a linked folder above it leaves the repository too.
  let real: string;
  try {
    real = realpathSync.native(abs);
  } catch (err) {
    throw new ConfigError({ file: rel }, `is a symlink that cannot be resolved (${codeOf(err)})`, 'a regular file inside the repository', { cause: err });
  }
  const inside = relative(realRoot(root), real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new ConfigError({ file: rel }, `resolves to '${real}', outside the repository (a symlink)`, 'a regular file inside the repository; copy the content in instead of linking');
  }
  if (st.isSymbolicLink()) st = statSync(real);
  if (!st.isFile()) throw new ConfigError({ file: rel }, `is ${kindOf(st)}`, 'a file');
  if (st.size > max) throw tooLarge(rel, st.size, max);
  return st;
}

const MiB = 1024 * 1024;

function tooLarge(rel: string, size: number, max: number): ConfigError {
  const limit = `${max / MiB} MiB`;
  return new ConfigError({ file: rel }, `is ${(size / MiB).toFixed(1)} MiB, over the ${limit} limit for this file`, `at most ${limit}`);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decode(rel: string, bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new ConfigError({ file: rel }, 'is not UTF-8 text (binary data?)', 'a UTF-8 text file');
  }
}

/** Read `root/rel` (UTF-8) if it exists, refusing what checkHandWritten refuses; undefined when absent. */
export function readHandWrittenIfPresent(root: string, rel: string, limits: ReadLimits = {}): string | undefined {
  if (!checkHandWritten(root, rel, limits)) return undefined;
  const max = limits.maxBytes ?? MAX_HAND_WRITTEN_BYTES;
  let fd: number;
  try {
    fd = openSync(join(root, rel), 'r');
  } catch (err) {
    throw new ConfigError({ file: rel }, `cannot read file (${codeOf(err)})`, 'a readable file', { cause: err });
  }
  try {
    // The file may have changed since the check: never read more than the limit (+1 to notice).
    const size = fstatSync(fd).size;
    if (size > max) throw tooLarge(rel, size, max);
    const buf = Buffer.alloc(Math.min(size, max) + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, n);
    if (n > max) throw tooLarge(rel, n, max);
    return decode(rel, buf.subarray(0, n));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError({ file: rel }, `cannot read file (${codeOf(err)})`, 'a readable file', { cause: err });
  } finally {
    closeSync(fd);
  }
}

/** Read `root/rel` (UTF-8); a missing file is a ConfigError too. */
export function readHandWritten(root: string, rel: string, limits: ReadLimits = {}): string {
  const text = readHandWrittenIfPresent(root, rel, limits);
  if (text === undefined) throw new ConfigError({ file: rel }, 'cannot read file (ENOENT)', 'a readable file');
  return text;
}
