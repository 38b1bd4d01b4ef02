/**
 * The image builders: buildah, podman and the docker CLI, each building an assembled context
 * reproducibly — `--timestamp` = SOURCE_DATE_EPOCH of the pin (buildah, podman: the image's created time
 * and every file in its layers), OCI format, no layer cache — and pushing with the pin as tag.
 *
 * Storage (buildah, podman): `$ELEVENTH_OCI_ROOT` (default `<tmpdir>/eleventh-oci-<uid>`; each builder its
 * own folder in it) with the driver `$ELEVENTH_OCI_DRIVER` (default vfs), unless `CONTAINERS_STORAGE_CONF`
 * names a storage configuration of your own, which is then used as it is. Isolation: `$BUILDAH_ISOLATION`,
 * default chroot (no OCI runtime needed; the Dockerfiles run nothing anyway). Credentials: the Docker
 * credential file — `--authfile $DOCKER_CONFIG/config.json` when DOCKER_CONFIG is set, else the tools' own
 * default, which falls back to ~/.docker/config.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuilderMissingError, ImageBuildError } from './errors';
import type { BuildContext } from './context';

export const BUILDERS = ['buildah', 'podman', 'docker'] as const;
export type BuilderName = (typeof BUILDERS)[number];

export interface BuildRequest {
  readonly service: string;
  readonly context: BuildContext;
  /** The base image (ARG BASE_IMAGE). */
  readonly base: string;
  /** The local name to build (the first destination reference). */
  readonly tag: string;
  /** Whether `host` is spoken to over plain HTTP (loopback or --insecure-registry). */
  readonly plainHttp: (host: string) => boolean;
}

export interface Builder {
  readonly name: BuilderName;
  build(request: BuildRequest): void;
  /** Push the local image `tag` to `ref` (host/path:pin). */
  push(service: string, tag: string, ref: string, plainHttp: boolean): void;
}

export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$0"', command], { encoding: 'utf8' }).status === 0;
}

/** The named builder, or the first of buildah, podman, docker on PATH; absent: BuilderMissingError. */
export function chooseBuilder(name: BuilderName | undefined, env: NodeJS.ProcessEnv = process.env): Builder {
  const chosen = name ?? BUILDERS.find(onPath);
  if (!chosen) throw new BuilderMissingError(BUILDERS.join(', '));
  if (!onPath(chosen)) throw new BuilderMissingError(chosen);
  return chosen === 'docker' ? dockerBuilder(env) : containersBuilder(chosen, env);
}

function run(service: string, cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, what: string): string {
  const res = spawnSync(cmd, args as string[], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (res.status !== 0) {
    const tail = `${res.stdout ?? ''}\n${res.stderr ?? res.error?.message ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new ImageBuildError(service, `${what} failed: ${cmd} exited ${res.status ?? res.signal}`, undefined, tail);
  }
  return res.stdout;
}

/** `--authfile` for the Docker credential file named by DOCKER_CONFIG (nothing when unset or absent). */
export function authArgs(env: NodeJS.ProcessEnv): string[] {
  const file = env.DOCKER_CONFIG ? join(env.DOCKER_CONFIG, 'config.json') : undefined;
  return file && existsSync(file) ? ['--authfile', file] : [];
}

/** The global storage options of buildah and podman (none when CONTAINERS_STORAGE_CONF configures them). */
export function storageArgs(name: BuilderName, env: NodeJS.ProcessEnv): string[] {
  if (env.CONTAINERS_STORAGE_CONF && !env.ELEVENTH_OCI_ROOT) return [];
  const base = env.ELEVENTH_OCI_ROOT ?? join(tmpdir(), `eleventh-oci-${process.getuid?.() ?? 'user'}`);
  return ['--root', join(base, name, 'root'), '--runroot', join(base, name, 'run'), '--storage-driver', env.ELEVENTH_OCI_DRIVER ?? 'vfs'];
}

const hostOf = (ref: string): string => ref.slice(0, ref.indexOf('/'));

function containersBuilder(name: 'buildah' | 'podman', env: NodeJS.ProcessEnv): Builder {
  const global = storageArgs(name, env);
  const auth = authArgs(env);
  return {
    name,
    build(r) {
      const isolation = env.BUILDAH_ISOLATION ?? 'chroot';
      run(r.service, name, [
        ...global, 'build', '--quiet', '--format', 'oci', '--layers=false', '--isolation', isolation,
        '--timestamp', String(r.context.epoch), '--build-arg', `BASE_IMAGE=${r.base}`,
        `--tls-verify=${!r.plainHttp(hostOf(r.base))}`, ...auth,
        '-f', join(r.context.dir, 'Dockerfile'), '-t', r.tag, r.context.dir,
      ], { ...env, SOURCE_DATE_EPOCH: String(r.context.epoch) }, `${name} build`);
    },
    push(service, tag, ref, plainHttp) {
      run(service, name, [...global, 'push', '--quiet', `--tls-verify=${!plainHttp}`, ...auth, tag, `docker://${ref}`], env, `${name} push ${ref}`);
    },
  };
}

/**
 * The docker CLI (against a Docker engine, or podman's Docker API as DOCKER_HOST). It has no `--timestamp`:
 * SOURCE_DATE_EPOCH goes in as a build argument, which BuildKit honours for the image's times; the legacy
 * builder and podman's API ignore it, so their images differ build to build (see images/README.md).
 */
function dockerBuilder(env: NodeJS.ProcessEnv): Builder {
  return {
    name: 'docker',
    build(r) {
      run(r.service, 'docker', [
        'build', '--quiet', '--no-cache', '--build-arg', `BASE_IMAGE=${r.base}`, '--build-arg', `SOURCE_DATE_EPOCH=${r.context.epoch}`,
        '-f', join(r.context.dir, 'Dockerfile'), '-t', r.tag, r.context.dir,
      ], { ...env, SOURCE_DATE_EPOCH: String(r.context.epoch) }, 'docker build');
    },
    push(service, tag, ref) {
      if (tag !== ref) run(service, 'docker', ['tag', tag, ref], env, `docker tag ${ref}`);
      run(service, 'docker', ['push', '--quiet', ref], env, `docker push ${ref}`);
    },
  };
}
