/**
 * The generated main job's image steps, run for real: its `run` scripts, read from the YAML the generator
 * writes, executed in order with `sh -e` in a copy of the example organisation, against a registry on
 * 127.0.0.1 that requires a login (htpasswd), with the real buildah and eleventh. So the login writes a Docker
 * credential file that buildah and eleventh's registry client both use, `images --push` pushes every pin and
 * its SBOM, the recipe records both digests, commits and pushes, and `verify --images` agrees. Not run here: checkout, npm install, the toolchain install (apt) and `nx affected -t test build`.
 * The one stand-in: the registry speaks plain HTTP, so `buildah login` gets `--tls-verify=false` from a wrapper
 * (eleventh and its builders speak plain HTTP to loopback registries themselves).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument, stringify } from 'yaml';
import { createExampleRepo, freePort, missingOciTools, pushLocalNodeBase, startRegistry, type ExampleRepo, type LocalRegistry } from '@eleventh/cli/testing';
import { toYaml } from './add-ci';
import { IMAGE_COMMANDS, loginScript } from './ci-images';
import { githubWorkflow } from './github-workflow';

const missing = missingOciTools(['docker-registry', 'buildah', 'skopeo']);
if (missing.length) console.warn(`ci-images.e2e: ${missing.join(', ')} missing: the pipeline's image steps are not run (CI installs them)`);

const USER = 'ci';
const PASSWORD = 's3cret';
/**
 * USER and the bcrypt of PASSWORD (the distribution registry's htpasswd takes bcrypt only), at bcrypt's lowest
 * cost, 4: the registry checks the hash on every authenticated request, and at cost 12 that took ~0.25 s of its
 * CPU each time (the job makes over a hundred requests: the suite spent ~50 s of this spec there).
 */
const HTPASSWD = `${USER}:$2a$04$WjZJpJGtg0OFgWzlkoUoMuM9yMGUHYAZfYSJDGGytsCXG6Cn0xS3e\n`;
const SERVICES = ['customer-api', 'fraud-scorer', 'ledger-worker', 'notification-worker', 'payments-api', 'risk-report'];

interface AuthRegistry { host: string; stop(): Promise<void> }

/** A distribution registry on a free loopback port that answers 401 without Basic credentials. */
async function startAuthRegistry(dir: string): Promise<AuthRegistry> {
  const host = `127.0.0.1:${await freePort()}`;
  mkdirSync(join(dir, 'storage'), { recursive: true });
  writeFileSync(join(dir, 'htpasswd'), HTPASSWD);
  const config = { version: 0.1, log: { level: 'warn' }, storage: { filesystem: { rootdirectory: join(dir, 'storage') } }, http: { addr: host }, auth: { htpasswd: { realm: 'eleventh-ci', path: join(dir, 'htpasswd') } } };
  writeFileSync(join(dir, 'config.yml'), stringify(config));
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
  const deadline = Date.now() + 15_000;
  for (;;) {
    const status = await fetch(`http://${host}/v2/`).then((r) => r.status, () => 0);
    if (status === 401) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the registry on ${host} did not start (last status ${status})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { host, stop: async () => void (child.exitCode === null && (child.kill('SIGTERM'), await new Promise((r) => child.once('exit', r)))) };
}

function git(cwd: string, ...args: string[]): string {
  const res = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`git ${args.join(' ')}: ${res.stderr}`);
  return res.stdout.trim();
}

function setYaml(file: string, path: string[], value: unknown): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(path, value);
  writeFileSync(file, doc.toString());
}

describe.skipIf(missing.length > 0)("the generated main job's image steps, against a registry that requires a login", () => {
  let scratch: string;
  let baseRegistry: LocalRegistry;
  let registry: AuthRegistry;
  let repo: ExampleRepo;
  let job: { env: Record<string, string>; steps: { run?: string; env?: Record<string, string> }[] };
  const pushed = new Map<string, string>();
  const sboms = new Map<string, string | undefined>();

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'eleventh-ci-e2e-'));
    baseRegistry = await startRegistry();
    registry = await startAuthRegistry(join(scratch, 'registry'));
    const base = pushLocalNodeBase(baseRegistry.host, join(scratch, 'base'));
    repo = createExampleRepo('eleventh-ci-e2e-');
    setYaml(join(repo.root, 'environments/staging/environment.yaml'), ['registry'], `${registry.host}/acme`);
    setYaml(join(repo.root, 'platform/images.yaml'), ['bases', 'node'], base);
    git(repo.root, 'commit', '--quiet', '-am', 'ci: the registry and base of this test');
    git(scratch, 'init', '--quiet', '--bare', 'origin.git');
    git(repo.root, 'remote', 'add', 'origin', join(scratch, 'origin.git'));
    git(repo.root, 'push', '--quiet', 'origin', 'main');
    mkdirSync(join(scratch, 'bin'));
    writeFileSync(join(scratch, 'bin', 'buildah'), '#!/bin/sh\nif [ "$1" = login ]; then shift; exec /usr/bin/buildah login --tls-verify=false "$@"; fi\nexec /usr/bin/buildah "$@"\n', { mode: 0o755 });
    job = parse(toYaml(githubWorkflow({ registry: `${registry.host}/acme` }))).jobs.recipe;
  }, 240_000);
  afterAll(async () => {
    await registry?.stop();
    await baseRegistry?.stop();
    repo?.cleanup();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** The step's script in `sh -e`, as a GitHub container step runs it, with the job's env and the secrets. */
  function runStep(script: string, dockerConfig = join(scratch, 'docker')) {
    const env = { ...process.env, ...job.env, PATH: `${join(scratch, 'bin')}:${process.env.PATH}`, DOCKER_CONFIG: dockerConfig, ELEVENTH_OCI_ROOT: join(scratch, 'oci'), REGISTRY_USERNAME: USER, REGISTRY_PASSWORD: PASSWORD };
    const res = spawnSync('/bin/sh', ['-e', '-c', script], { cwd: repo.root, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    return { status: res.status, stdout: res.stdout, stderr: res.stderr };
  }
  const stepRun = (run: string): string => job.steps.find((s) => s.run === run)?.run ?? `echo "no step runs ${run}"; exit 99`;

  it('without the login, the push step is refused by the registry: exit 2, naming it', () => {
    mkdirSync(join(scratch, 'no-login'));
    const res = runStep(stepRun(IMAGE_COMMANDS.push), join(scratch, 'no-login'));
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(registry.host);
  }, 120_000);

  it("the login step writes the Docker credential file; with it the push step pushes every example service's pin", () => {
    const login = runStep(stepRun(loginScript(true)));
    expect(login.status, login.stderr).toBe(0);
    const auths = JSON.parse(readFileSync(join(scratch, 'docker', 'config.json'), 'utf8')).auths;
    expect(auths[registry.host].auth).toBe(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
    const started = Date.now();
    const push = runStep(`${stepRun(IMAGE_COMMANDS.push)} --json`);
    expect(push.status, push.stderr).toBe(0);
    for (const r of JSON.parse(push.stdout).images as { service: string; image: string; digest: string; pushed: boolean; extra?: Record<string, string> }[]) {
      expect(r, r.service).toMatchObject({ image: expect.stringMatching(new RegExp(`^${registry.host}/acme/${r.service}:[0-9a-f]{40}$`)), pushed: true, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
      pushed.set(r.service, r.digest);
      sboms.set(r.service, r.extra?.sbomDigest);
      const inspect = spawnSync('skopeo', ['inspect', '--tls-verify=false', '--authfile', join(scratch, 'docker', 'config.json'), '--format', '{{.Digest}}', `docker://${r.image}`], { encoding: 'utf8' });
      expect(inspect.stdout.trim(), r.image).toBe(r.digest);
    }
    expect([...pushed.keys()].sort()).toEqual(SERVICES);
    console.info(`ci-images.e2e: login + push of the six example services: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);

  it('the recipe step records each pushed digest and SBOM digest, commits and pushes; the verify step agrees with the registry', () => {
    const recipe = runStep(stepRun(IMAGE_COMMANDS.recipe));
    expect(recipe.status, recipe.stderr).toBe(0);
    expect(git(repo.root, 'rev-parse', 'origin/main')).toBe(git(repo.root, 'rev-parse', 'HEAD'));
    const services = parse(readFileSync(join(repo.root, 'environments/staging/recipe.yaml'), 'utf8')).services;
    expect(Object.fromEntries(SERVICES.map((s) => [s, services[s].imageDigest]))).toEqual(Object.fromEntries(SERVICES.map((s) => [s, pushed.get(s)])));
    expect(Object.fromEntries(SERVICES.map((s) => [s, services[s].sbomDigest]))).toEqual(Object.fromEntries(SERVICES.map((s) => [s, sboms.get(s)])));
    for (const s of SERVICES) expect(sboms.get(s), s).toMatch(/^sha256:[0-9a-f]{64}$/);
    const verify = runStep(stepRun(IMAGE_COMMANDS.verify));
    expect(verify.status, `${verify.stdout}${verify.stderr}`).toBe(0);
  }, 300_000);

  it('the push step again builds nothing: every pin is in the registry', () => {
    const again = runStep(`${stepRun(IMAGE_COMMANDS.push)} --json`);
    expect(again.status, again.stderr).toBe(0);
    const records = JSON.parse(again.stdout).images as { service: string; built: boolean; digest: string }[];
    expect(records.filter((r) => r.built)).toEqual([]);
    expect(Object.fromEntries(records.map((r) => [r.service, r.digest]))).toEqual(Object.fromEntries(pushed));
  }, 120_000);
});
