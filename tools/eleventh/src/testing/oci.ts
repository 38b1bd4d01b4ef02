/**
 * Real OCI parts for specs: the CNCF distribution registry (`docker-registry`, Debian's package) started on
 * 127.0.0.1 by the spec itself, and a local Node base image made from the host's own `node` binary and the
 * shared libraries it links (no image can be pulled on these machines). See ../../../../../shared notes:
 * oci-local.md. Every helper says when a tool is missing instead of failing obscurely.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/** The OCI tools the image specs need that this machine lacks (empty when all are there). */
export function missingOciTools(tools: readonly string[] = ['docker-registry', 'buildah', 'skopeo']): string[] {
  return tools.filter((t) => !hasTool(t));
}

export interface LocalRegistry {
  /** `127.0.0.1:PORT` */
  readonly host: string;
  readonly storage: string;
  /** Every request the registry has served so far, `METHOD /path`, in order (its access log). */
  requests(): string[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForV2(host: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}: ${log()}`);
    try {
      const res = await fetch(`http://${host}/v2/`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer on ${host} within 15 s: ${log()}`);
}

/**
 * Start a registry on a free loopback port; `stop()` kills the PID it started and removes its storage.
 * Its output goes to a file, not a pipe: a spec that blocks in spawnSync (the CLI asking this registry)
 * would otherwise stop reading, the pipe would fill, and the registry would hang mid-request.
 */
export async function startRegistry(): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const storage = join(dir, 'storage');
  mkdirSync(storage);
  const config = join(dir, 'config.yml');
  writeFileSync(config, stringify({ version: 0.1, log: { level: 'warn', accesslog: { disabled: false } }, storage: { filesystem: { rootdirectory: storage }, delete: { enabled: true } }, http: { addr: host } }));
  const logFile = join(dir, 'registry.log');
  const out = openSync(logFile, 'a');
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', out, out] });
  closeSync(out);
  const log = (): string => {
    try {
      return readFileSync(logFile, 'utf8').slice(-2000);
    } catch {
      return '';
    }
  };
  await waitForV2(host, child, log);
  return {
    host,
    storage,
    requests: () => [...readFileSync(logFile, 'utf8').matchAll(/"([A-Z]+) (\/\S*) HTTP\/[\d.]+"/g)].map((m) => `${m[1]} ${m[2]}`),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** buildah with vfs storage under `root` and chroot isolation: works as root with no OCI runtime. */
export function buildah(root: string, args: readonly string[]): string {
  return execFileSync('buildah', ['--root', join(root, 'root'), '--runroot', join(root, 'run'), '--storage-driver', 'vfs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, BUILDAH_ISOLATION: 'chroot' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  }).trim();
}

/** The shared libraries `ldd` lists for a binary, and its loader. */
function sharedLibraries(binary: string): string[] {
  const out = execFileSync('ldd', [binary], { encoding: 'utf8' });
  return [...out.matchAll(/(\/\S+)\s+\(0x/g)].map((m) => m[1]!).sort();
}

/**
 * A Node base image from the host's node (`process.execPath`), its libraries, `/etc/passwd` with the numeric
 * user 10001 and `/tmp`, pushed as `<host>/eleventh-test/node:<node version>`; returns `name:tag@sha256:…`.
 */
export function pushLocalNodeBase(registryHost: string, scratch: string): string {
  const ctr = buildah(scratch, ['from', '--quiet', 'scratch']);
  const node = process.execPath;
  for (const path of [...sharedLibraries(node), node]) buildah(scratch, ['copy', '--quiet', ctr, path, path]);
  if (node !== '/usr/local/bin/node') buildah(scratch, ['copy', '--quiet', ctr, node, '/usr/local/bin/node']);
  const etc = join(scratch, 'etc');
  mkdirSync(join(etc, 'tmp'), { recursive: true });
  writeFileSync(join(etc, 'passwd'), 'root:x:0:0:root:/root:/sbin/nologin\nnode:x:10001:10001:node:/home/node:/sbin/nologin\n');
  writeFileSync(join(etc, 'group'), 'root:x:0:\nnode:x:10001:\n');
  buildah(scratch, ['copy', '--quiet', ctr, join(etc, 'passwd'), '/etc/passwd']);
  buildah(scratch, ['copy', '--quiet', ctr, join(etc, 'group'), '/etc/group']);
  buildah(scratch, ['copy', '--quiet', '--chmod', '1777', ctr, join(etc, 'tmp'), '/tmp']);
  buildah(scratch, ['config', '--user', '10001:10001', '--env', 'PATH=/usr/local/bin:/usr/bin:/bin', '--workingdir', '/app', ctr]);
  const name = `${registryHost}/eleventh-test/node`;
  const tag = process.version.slice(1);
  buildah(scratch, ['commit', '--quiet', '--timestamp', '0', ctr, `${name}:${tag}`]);
  const digestFile = join(scratch, 'base.digest');
  buildah(scratch, ['push', '--quiet', '--tls-verify=false', '--digestfile', digestFile, `${name}:${tag}`, `docker://${name}:${tag}`]);
  buildah(scratch, ['rm', ctr]);
  return `${name}:${tag}@${readFileSync(digestFile, 'utf8').trim()}`;
}

/** `skopeo inspect`'s digest of a pushed image (the independent witness the specs compare against). */
export function skopeoDigest(ref: string): string {
  return execFileSync('skopeo', ['inspect', '--tls-verify=false', '--format', '{{.Digest}}', `docker://${ref}`], { encoding: 'utf8' }).trim();
}
