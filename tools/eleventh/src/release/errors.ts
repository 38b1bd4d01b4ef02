/** Release errors: a refused promotion or rollback (exit 2, nothing written), a push that kept losing its race (exit 75). */
import { ElevenError } from '../errors';
import { DEFAULT_PUSH_TIMEOUT_SECONDS, formatSeconds, PUSH_TIMEOUT_ENV } from './push-retry';

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

export interface PushRace {
  readonly remote: string;
  readonly branch: string;
  readonly attempts: number;
  readonly elapsedMs: number;
  readonly timeoutMs: number;
}

/** Every push was rejected because other jobs kept landing first, until the time budget ran out: exit 75 (EX_TEMPFAIL). */
export class PushRaceError extends ElevenError {
  readonly exitCode = 75;
  constructor(readonly race: PushRace) {
    super(
      `push to ${race.remote}/${race.branch} gave up after ${race.attempts} rejected attempt${race.attempts === 1 ? '' : 's'} in ${formatSeconds(race.elapsedMs)} ` +
        `(time budget ${formatSeconds(race.timeoutMs)}): other jobs kept landing first. Nothing of ours was pushed; the generated commits were dropped ` +
        `and your own commits are left as they were.\nhint: run the command again, or give it longer with ${PUSH_TIMEOUT_ENV}=SECONDS (default ${DEFAULT_PUSH_TIMEOUT_SECONDS})`,
    );
    this.name = 'PushRaceError';
  }
  report(): string {
    return `eleventh: ${this.message}`;
  }
}
