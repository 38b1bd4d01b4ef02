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
