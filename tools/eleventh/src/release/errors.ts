/** Release errors: a refused promotion or rollback (exit 2, nothing written), a push that kept losing its race. */
import { ElevenError } from '../errors';

export class ReleaseRefusedError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly action: string, readonly findings: readonly string[]) {
    super(`${action} refused; nothing written:\n${findings.map((f) => `  ${f}`).join('\n')}`);
    this.name = 'ReleaseRefusedError';
  }
  report(): string {
    return `eleventh: ${this.message}`;
  }
}

export class PushRaceError extends ElevenError {
  readonly exitCode = 1;
  constructor(readonly remote: string, readonly attempts: number) {
    super(`push to ${remote} was rejected ${attempts} times (others kept landing first); nothing of ours was pushed — run the command again`);
    this.name = 'PushRaceError';
  }
  report(): string {
    return `eleventh: ${this.message}`;
  }
}
