/**
 * A revision named on the command line (`preview --base`, `recipe --base/--head`): resolved to a full SHA,
 * or one line, exit 2: `--base: unknown revision 'garbage' (expected a branch, tag or commit)`.
 */
import { ElevenError, SHALLOW_HINT } from '../errors';
import { git, isShallow } from './run';

/** A bad revision or history question in a command-line option: `option: problem (expected …)`, exit 2. */
export class RevisionError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly option: string, readonly problem: string, readonly expected: string) {
    super(`${option}: ${problem} (expected ${expected})`);
    this.name = 'RevisionError';
  }
  report(): string {
    return this.message;
  }
}

/** Full SHA of `rev` as a commit, undefined when it names none (an option-looking `-x` names none). */
export function commitOf(root: string, rev: string): string | undefined {
  if (rev.startsWith('-') || rev === '') return undefined;
  const res = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: root, okCodes: [0, 1, 128] });
  return res.status === 0 ? res.stdout.trim() : undefined;
}

/**
 * The commit an option names. In a shallow clone an unknown revision may just be history that was not
 * fetched: the message says so too.
 */
export function resolveRevision(root: string, option: string, rev: string): string {
  const commit = commitOf(root, rev);
  if (commit) return commit;
  const shallow = isShallow(root) ? `; ${SHALLOW_HINT}` : '';
  throw new RevisionError(option, `unknown revision '${rev}'`, `a branch, tag or commit${shallow}`);
}
