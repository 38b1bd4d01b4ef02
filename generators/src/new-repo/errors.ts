/** A command `eleventh new` runs (npm pack, npm install) failed: carries the command, its exit and stderr. */
export class CommandError extends Error {
  readonly exitCode = 2;
  constructor(readonly command: readonly string[], readonly status: number | null, readonly stderr: string) {
    super(`${command.join(' ')}: exited ${status ?? 'by signal'}${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-5).join('\n')}` : ''}`);
    this.name = 'CommandError';
  }
  report(): string {
    return this.message;
  }
}
