/**
 * Images in a repository made by `eleventh new`, from a clean clone (`git clone` + `npm install`): a service of
 * every template class is generated, platform/images.yaml names the local base (made from the host's node
 * and pushed to a registry on 127.0.0.1: nothing can be pulled here), and `eleventh images --push` builds
 * each from its pin's context with buildah; the node service again with podman (the same digest) and with
 * the docker CLI against podman's Docker API where both are here; the go binary is built on the host
 * reproducibly; `nx affected -t image` builds exactly the service a commit changed.
 * What cannot run here is said in the output: java needs Maven's plugins in ~/.m2 (no Maven Central).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { hasTool, missingOciTools, pushLocalNodeBase, skopeoDigest, startRegistry, type LocalRegistry } from '@eleventh/cli/testing';
import { attempt, commitAll, E2E_ENV, step } from '../testing/steps';
import { createNewRepository } from './new-repo';

const missing = missingOciTools(['docker-registry', 'buildah', 'skopeo']);
if (missing.length) console.warn(`new-repo images e2e: ${missing.join(', ')} missing: skipped (CI installs them)`);

const CLASSES = [['t-node', 'node', 'http'], ['t-worker', 'node', 'worker'], ['t-go', 'go', 'http'], ['t-python', 'python', 'http'], ['t-web', 'web', 'http'], ['t-java', 'java', 'http']] as const;

interface Pushed {
  readonly service: string;
  readonly image: string;
  readonly digest?: string;
  readonly built: boolean;
  readonly pushed: boolean;
  readonly buildSeconds?: number;
  readonly pushSeconds?: number;
}

function setYaml(file: string, path: readonly string[], value: unknown): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(path, value);
  writeFileSync(file, doc.toString());
}

describe.skipIf(missing.length > 0)('images in a clean clone of a repository made by eleventh new (e2e, slow)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'eleventh-new-images-'));
  const clone = join(scratch, 'clone');
  let registry: LocalRegistry;
  let env: NodeJS.ProcessEnv;
  let built: Pushed[] = [];
  const images = (args: readonly string[], extra: NodeJS.ProcessEnv = {}): Pushed[] => {
    const out = step(`eleventh images ${args.join(' ')}`, clone, 'npx', ['eleventh', 'images', '--json', ...args], { ...env, ...extra });
    return (JSON.parse(out) as { images: Pushed[] }).images;
  };
  const remove = async (r: Pushed): Promise<void> => {
    const [, repository] = /^[^/]+\/(.*):[0-9a-f]{40}$/.exec(r.image)!;
    expect((await fetch(`http://${registry.host}/v2/${repository}/manifests/${r.digest}`, { method: 'DELETE' })).status).toBe(202);
  };

  beforeAll(async () => {
    registry = await startRegistry();
    const base = pushLocalNodeBase(registry.host, join(scratch, 'base'));
    const origin = join(scratch, 'acme');
    await createNewRepository(origin);
    step('namespace', origin, 'npx', ['nx', 'g', '@eleventh/nx:namespace', 'risk', '--team=risk-engineers']);
    for (const [name, template, type] of CLASSES) {
      step(`service ${name}`, origin, 'npx', ['nx', 'g', '@eleventh/nx:service', name, '--namespace=risk', `--template=${template}`, `--type=${type}`, '--no-interactive']);
    }
    setYaml(join(origin, 'environments/staging/environment.yaml'), ['registry'], `${registry.host}/acme`);
    // Every class starts from the local base: the build copies files onto it and runs nothing, so any base builds.
    for (const cls of ['node', 'java', 'python', 'go', 'web']) setYaml(join(origin, 'platform/images.yaml'), ['bases', cls], base);
    commitAll(origin, 'risk: a service of every class, the local registry and base');
    step('git clone', scratch, 'git', ['clone', '-q', origin, clone]);
    // `npm install`, not `npm ci`: npm 11 finds the lockfile `eleventh new` writes out of sync (nx's optional platform packages)
    step('npm install (the clean clone)', clone, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
    env = { ...E2E_ENV, ELEVENTH_OCI_ROOT: join(scratch, 'oci'), ELEVENTH_MAVEN_ARGS: '-o' };
  }, 900_000);
  afterAll(async () => {
    await registry?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('builds and pushes the node, go, python and web services with buildah from their pins', () => {
    built = images(['--push', '--service', 't-node,t-worker,t-go,t-python,t-web']);
    expect(built.map((r) => r.service)).toEqual(['t-go', 't-node', 't-python', 't-web', 't-worker']);
    for (const r of built) {
      expect(r, r.service).toMatchObject({ built: true, pushed: true });
      expect(skopeoDigest(r.image)).toBe(r.digest);
    }
    console.info(`new-repo images e2e: ${built.map((r) => `${r.service} build ${r.buildSeconds} s + push ${r.pushSeconds} s`).join(', ')}`);
  }, 300_000);

  it('java builds where Maven has the pom\'s plugins offline, and says so where it has not', () => {
    const res = attempt(clone, 'npx', ['eleventh', 'images', '--json', '--push', '--service', 't-java'], env);
    if (res.status !== 0 && /offline|Could not resolve|Cannot access/.test(res.stderr)) {
      console.warn(`new-repo images e2e: Maven cannot resolve the pom's plugins offline here (no Maven Central): java's image was not built\n${res.stderr.split('\n').slice(0, 3).join('\n')}`);
      expect(res.status).toBe(2);
      return;
    }
    expect(res.status, res.stderr).toBe(0);
    const [java] = (JSON.parse(res.stdout) as { images: Pushed[] }).images;
    expect(java).toMatchObject({ service: 't-java', built: true, pushed: true });
    expect(skopeoDigest(java!.image)).toBe(java!.digest);
    console.info(`new-repo images e2e: t-java (mvn package on the host, offline from ~/.m2) build ${java!.buildSeconds} s + push ${java!.pushSeconds} s`);
  }, 300_000);

  it('the go binary and the node bundle are reproducible: rebuilt from fresh storage (go, node) and with podman (node), the same digests', async () => {
    const go = built.find((r) => r.service === 't-go')!;
    const node = built.find((r) => r.service === 't-node')!;
    await remove(go);
    await remove(node);
    const again = images(['--push', '--service', 't-go,t-node'], { ELEVENTH_OCI_ROOT: join(scratch, 'oci-again') });
    expect(again.map((r) => [r.service, r.built, r.digest])).toEqual([['t-go', true, go.digest], ['t-node', true, node.digest]]);
    if (!hasTool('podman')) return void console.warn('new-repo images e2e: podman is not on PATH: skipped the podman build');
    await remove(node);
    expect(images(['--push', '--service', 't-node', '--builder', 'podman'])).toMatchObject([{ service: 't-node', built: true, digest: node.digest }]);
  }, 300_000);

  it('the docker CLI builds and pushes through podman\'s Docker API (not reproducibly: the classic builder stamps the time)', async () => {
    if (!hasTool('docker') || !hasTool('podman')) return void console.warn('new-repo images e2e: docker or podman is not on PATH: skipped the docker build');
    const dir = join(scratch, 'podman-service');
    mkdirSync(dir);
    writeFileSync(join(dir, 'registries.conf'), '[[registry]]\nlocation = "127.0.0.1"\ninsecure = true\n');
    const socket = join(dir, 'podman.sock');
    const service = spawn('podman', ['--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs', 'system', 'service', '--time=0', `unix://${socket}`], { env: { ...process.env, CONTAINERS_REGISTRIES_CONF: join(dir, 'registries.conf') }, stdio: 'ignore' });
    try {
      const dockerEnv = { DOCKER_HOST: `unix://${socket}` };
      for (let i = 0; i < 50 && spawnSync('docker', ['version'], { env: { ...process.env, ...dockerEnv } }).status !== 0; i++) await new Promise((r) => setTimeout(r, 200));
      const node = built.find((r) => r.service === 't-node')!;
      await remove(node);
      const [docker] = images(['--push', '--service', 't-node', '--builder', 'docker'], dockerEnv);
      expect(docker).toMatchObject({ service: 't-node', built: true, pushed: true });
      expect(skopeoDigest(docker!.image)).toBe(docker!.digest);
      console.info(`new-repo images e2e: docker (podman's API) built t-node in ${docker!.buildSeconds} s: ${docker!.digest === node.digest ? 'the same digest as buildah' : 'a digest of its own (the build time is in it)'}`);
    } finally {
      const exited = new Promise((r) => service.once('exit', r));
      service.kill('SIGTERM');
      await exited;
    }
  }, 300_000);

  it('nx affected -t image builds and pushes exactly the service a commit changed', () => {
    const file = join(clone, 'services/t-worker/src/t-worker.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}export const VERSION = 2;\n`);
    commitAll(clone, 't-worker: one line');
    const out = step('nx affected -t image', clone, 'npx', ['nx', 'affected', '-t', 'image', '--base=HEAD~1', '--head=HEAD', '--outputStyle=static', '--push'], env);
    expect(out).toContain('nx run t-worker:image');
    expect(out).not.toMatch(/nx run t-(node|go|python|web|java):image/);
    const moved = images(['--push', '--service', 't-worker']);
    expect(moved).toMatchObject([{ service: 't-worker', built: false }]);
    expect(moved[0]!.digest).not.toBe(built.find((r) => r.service === 't-worker')!.digest);
    expect(skopeoDigest(moved[0]!.image)).toBe(moved[0]!.digest);
  }, 300_000);
});
