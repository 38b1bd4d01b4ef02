/** Repository-relative paths as the writer accepts them: POSIX, normalised, inside the repository. */
import { GENERATED_HEADER, HAND_WRITTEN } from '../model';

/** Empty, `.` or `..` segments, backslashes, a leading or trailing slash. */
const NOT_NORMALISED = /(^|\/)\.{0,2}(\/|$)|\\/;

/** Throw (a caller bug, not bad input) unless `rel` is a normalised relative POSIX path. */
export function checkRelative(rel: string, what: string): void {
  if (NOT_NORMALISED.test(rel)) throw new Error(`${what} '${rel}' must be a normalised repository-relative POSIX path`);
}

/** Scope folders, normalised, with folders inside another scope folder dropped (walk each file once). */
export function normaliseScope(dirs: readonly string[]): string[] {
  dirs.forEach((d) => checkRelative(d, 'scope folder'));
  const sorted = [...new Set(dirs)].sort();
  return sorted.filter((d) => !sorted.some((o) => o !== d && d.startsWith(`${o}/`)));
}

export function isUnder(rel: string, dirs: readonly string[]): boolean {
  return dirs.some((d) => rel.startsWith(d) && rel.charCodeAt(d.length) === 0x2f);
}

/** Every folder above `rel`, nearest first, up to (not including) the repository root. */
export function ancestors(rel: string): string[] {
  const out: string[] = [];
  for (let i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) out.push(rel.slice(0, i));
  return out;
}

function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

/** `environment.yaml`, `tenant.yaml` and `overrides.yaml` are hand-written, header or not. */
export function isHandWrittenName(rel: string): boolean {
  return (HAND_WRITTEN as readonly string[]).includes(baseName(rel));
}

const TEMP = /^\..+\.eleventh-tmp-\d+$/;

/** The temporary name a file is written to before it is renamed into place. */
export function tempName(base: string, pid: number = process.pid): string {
  return `.${base}.eleventh-tmp-${pid}`;
}

/** A temporary file left by a writer that died: always safe to remove. */
export function isStaleTemp(rel: string): boolean {
  return TEMP.test(baseName(rel));
}

const HEADER = Buffer.from(GENERATED_HEADER, 'utf8');

/** The first line is exactly the generated header. */
export function hasGeneratedHeader(bytes: Buffer): boolean {
  if (bytes.length < HEADER.length || bytes.compare(HEADER, 0, HEADER.length, 0, HEADER.length) !== 0) return false;
  const next = bytes[HEADER.length];
  return next === undefined || next === 0x0a || next === 0x0d;
}
