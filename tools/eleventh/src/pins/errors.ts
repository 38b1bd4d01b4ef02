/** Errors of pin computation that the user can act on (printed without a stack trace). */
import { ElevenError } from '../errors';

/** Image inputs have uncommitted changes: a pin would not name the code an image is built from. */
export class DirtyInputsError extends ElevenError {
  readonly exitCode = 2;
  constructor(
    /** Repository-relative paths with staged, unstaged or untracked changes. */
    readonly files: readonly string[],
    /** The services whose image inputs they are, sorted. */
    readonly services: readonly string[],
  ) {
    const shown = files.slice(0, 20).map((f) => `  ${f}`);
    if (files.length > shown.length) shown.push(`  … and ${files.length - shown.length} more`);
    super(
      [
        `uncommitted changes to image inputs of ${services.join(', ')}: commit them or pass --allow-dirty`,
        ...shown,
      ].join('\n'),
    );
    this.name = 'DirtyInputsError';
  }
  report(): string {
    return this.message;
  }
}

/** The Nx project graph could not be built (bad tsconfig, nx.json, plugin…). */
export class GraphError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly root: string, readonly detail: string) {
    super(`${root}: cannot build the Nx project graph (expected a valid Nx workspace): ${detail.trim().split('\n').slice(-8).join('\n')}`);
    this.name = 'GraphError';
  }
  report(): string {
    return this.message;
  }
}
