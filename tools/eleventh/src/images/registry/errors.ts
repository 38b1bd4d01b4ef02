import { ElevenError } from '../../errors';

/**
 * The registry could not be asked, or refused: unreachable, authentication failed, an unexpected status.
 * Exit 2, one line naming the registry and what to do; never a stack trace.
 */
export class RegistryError extends ElevenError {
  readonly exitCode = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegistryError';
  }
  report(): string {
    return this.message;
  }
}
