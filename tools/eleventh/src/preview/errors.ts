/** Bad input to `eleventh preview` (an unknown --base, nothing to compare with): one line, exit 2. */
import { ElevenError } from '../errors';

export class PreviewError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly option: string, readonly problem: string, readonly expected: string) {
    super(`${option}: ${problem} (expected ${expected})`);
    this.name = 'PreviewError';
  }
  report(): string {
    return this.message;
  }
}
