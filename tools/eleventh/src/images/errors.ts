import { ElevenError, withExpected } from '../errors';

/**
 * A service's image cannot be assembled or built: an input missing at its pin, installed packages that are
 * not the locked ones, a bundle reaching outside its inputs, a builder that failed. Exit 2, one line
 * naming the service (the builder's last lines follow when it failed).
 */
export class ImageBuildError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly service: string, problem: string, expected?: string, readonly detail?: string) {
    super(`${service}: ${withExpected(problem, expected)}`);
    this.name = 'ImageBuildError';
  }
  report(): string {
    return this.detail ? `${this.message}\n${this.detail}` : this.message;
  }
}

/** The chosen builder (docker, podman, buildah) is not installed: exit 2, naming it. */
export class BuilderMissingError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly builder: string) {
    super(`images: the builder '${builder}' is not on PATH (expected ${builder} installed, or --builder docker|podman|buildah naming one that is)`);
    this.name = 'BuilderMissingError';
  }
  report(): string {
    return this.message;
  }
}
