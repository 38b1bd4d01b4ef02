/** The writer's refusals: bad input (exit 2), found while planning, so nothing has been written. */
import { ElevenError } from '../errors';

export interface WriteFinding {
  /** Repository-relative path (POSIX separators). */
  readonly file: string;
  readonly problem: string;
}

/** Desired files that would overwrite hand-written or foreign files: every one is reported, exit 2. */
export class WriteRefusedError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly findings: readonly WriteFinding[]) {
    super(findings.map((f) => `${f.file}: ${f.problem}`).join('\n'));
    this.name = 'WriteRefusedError';
  }
  report(): string {
    return this.message;
  }
}

const WHAT_TO_DO: Readonly<Record<string, string>> = {
  EACCES: "check the folder's permissions",
  EPERM: "check the folder's permissions",
  EROFS: 'the file system is read-only: run where the repository is writable',
  ENOSPC: 'free some disk space',
  EDQUOT: 'free some disk space (quota exceeded)',
  EFBIG: 'the file is over the file-size limit (ulimit -f)',
  EISDIR: 'a folder sits where this file goes: move it away',
  ENOTDIR: 'a file sits where a folder of this path goes: move it away',
  EEXIST: 'a file sits where a folder of this path goes: move it away',
  ENOTEMPTY: 'a folder sits where this file goes: move it away',
  EMFILE: 'too many open files: raise the limit (ulimit -n)',
};

const WHAT_IT_IS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'already exists',
  ENOTEMPTY: 'directory not empty',
  EMFILE: 'too many open files',
};

/**
 * The disk refused a write while applying a plan: `path: cannot write (EACCES: permission denied) — what to
 * do; nothing was written` (applyPlan has put back everything it had done), exit 2.
 */
export class WriteFailedError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly file: string, readonly code: string, options?: { cause?: unknown }) {
    super(`${file}: cannot write (${code}: ${WHAT_IT_IS[code] ?? 'error'}) — ${WHAT_TO_DO[code] ?? 'check the disk and the path'}; nothing was written`, options);
    this.name = 'WriteFailedError';
  }
  report(): string {
    return this.message;
  }
}
