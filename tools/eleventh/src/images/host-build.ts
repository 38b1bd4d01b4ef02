/**
 * The classes whose artefact is compiled on the host, reproducibly, before the image build (so the
 * Dockerfile only copies it and runs nothing): go (a static binary, `-trimpath`, empty build id) and java
 * (the pom's jar; its `project.build.outputTimestamp` fixes the entries' times). Each runs in the pin's
 * checked-out inputs (source.ts), never in the work tree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImageBuildError } from './errors';

export interface HostBuild {
  readonly service: string;
  /** The service's folder in the checked-out inputs. */
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

function run(b: HostBuild, cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): void {
  const res = spawnSync(cmd, args as string[], { cwd: b.cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.error && (res.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new ImageBuildError(b.service, `'${cmd}' is not on PATH`, `${cmd} installed: the ${cmd === 'go' ? 'go' : 'java'} class compiles on the host`);
  }
  if (res.status !== 0) {
    const tail = `${res.stdout ?? ''}\n${res.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new ImageBuildError(b.service, `${cmd} ${args.join(' ')} exited ${res.status}`, undefined, tail);
  }
}

const GOARCH: Readonly<Record<string, string>> = { x64: 'amd64', arm64: 'arm64' };

/** `CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags='-s -w -buildid='`: the same binary for the same inputs and Go. */
export function buildGo(b: HostBuild): Buffer {
  const out = join(b.cwd, '.eleventh-service');
  const env = { ...process.env, ...b.env, CGO_ENABLED: '0', GOOS: 'linux', GOARCH: process.env.GOARCH ?? GOARCH[process.arch] ?? process.arch, GOFLAGS: '-mod=readonly', GOWORK: 'off', GOTOOLCHAIN: 'local' };
  run(b, 'go', ['build', '-trimpath', '-buildvcs=false', '-ldflags=-s -w -buildid=', '-o', out, '.'], env);
  return readFileSync(out);
}

/** `mvn -B -q -DskipTests package` (plus ELEVENTH_MAVEN_ARGS, e.g. `-o` where Maven Central is out of reach) → target/app.jar. */
export function buildJava(b: HostBuild): Buffer {
  const extra = (process.env.ELEVENTH_MAVEN_ARGS ?? '').split(/\s+/).filter(Boolean);
  run(b, 'mvn', ['-B', '-q', '-DskipTests', ...extra, 'package'], { ...process.env, ...b.env });
  const jar = join(b.cwd, 'target', 'app.jar');
  if (!existsSync(jar)) throw new ImageBuildError(b.service, 'mvn package wrote no target/app.jar', '<finalName>app</finalName> in pom.xml, as the java template writes it');
  return readFileSync(jar);
}
