/**
 * Every template class, end to end in a real repository (a copy of the example organisation): `nx g` writes
 * the service, `eleventh render` renders it into every environment, `kubectl kustomize environments/staging`
 * builds, the plugin's inferred `build` and `test` targets run the class's own toolchain through `nx`, the
 * server answers /healthz, and pins move only for image inputs. Where a toolchain is absent, the spec says so
 * in its output and checks the rest.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createExampleRepo, hasKubectl, runEleventh, type ExampleRepo } from '@eleventh/cli/testing';
import { git } from '@eleventh/cli';

const ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NO_COLOR: '1', FORCE_COLOR: '0' };
const CLASSES = ['node', 'java', 'python', 'go', 'web'] as const;
type Cls = (typeof CLASSES)[number];

/** The command each class's test needs on PATH (node is this process's own). */
const TOOLCHAIN: Record<Cls, string> = { node: 'node', java: 'mvn', python: 'python3', go: 'go', web: 'node' };
/** Extra arguments nx forwards to the inferred command: Maven cannot reach Central here, so it works from ~/.m2. */
const NX_ARGS: Partial<Record<Cls, string[]>> = { java: ['--offline'] };

function has(command: string): boolean {
  return spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0 || spawnSync(command, ['version'], { encoding: 'utf8' }).status === 0;
}

function run(cwd: string, cmd: string, args: string[]): { status: number | null; out: string } {
  const res = spawnSync(cmd, args, { cwd, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: res.status, out: `${res.stdout ?? ''}\n${res.stderr ?? res.error?.message ?? ''}` };
}

function step(cwd: string, cmd: string, args: string[]): string {
  const res = run(cwd, cmd, args);
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${res.status}\n${res.out.trim().split('\n').slice(-30).join('\n')}`);
  return res.out;
}

function commitAll(root: string, message: string): string {
  git(['add', '--all'], { cwd: root });
  git(['commit', '--quiet', '-m', message], { cwd: root });
  return git(['rev-parse', 'HEAD'], { cwd: root }).stdout.trim();
}

/** Start `cmd` with PORT and wait for GET /healthz to answer; returns the status and body, then stops it. */
async function probe(cwd: string, cmd: string, args: string[], port: number): Promise<{ status: number; body: unknown }> {
  // its own process group, so stopping it stops what it started too (`go run` runs the binary as a child)
  const child = spawn(cmd, args, { cwd, env: { ...ENV, PORT: String(port) }, stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        return { status: res.status, body: await res.json() };
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error(`${cmd} ${args.join(' ')} never answered on port ${port}`);
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  }
}

const svc = (cls: Cls): string => `t-${cls}`;
const nx = (root: string, args: string[]): string => step(root, join(root, 'node_modules', '.bin', 'nx'), args);

describe('service templates by class, in a real repository (e2e, slow)', () => {
  let repo: ExampleRepo;
  let generated: string;
  beforeAll(() => {
    repo = createExampleRepo('eleventh-classes-');
    // Five more services in payments would overcommit its quota, which policy/quota-admits-peak rightly
    // refuses: the namespace gets room for them first, as a team adding services would.
    for (const env of ['staging', 'ops-staging', 'prod']) {
      const tenant = join(repo.root, 'environments', env, 'payments', 'tenant.yaml');
      writeFileSync(tenant, readFileSync(tenant, 'utf8').replace(/cpu: '\d+'/, "cpu: '64'").replace(/memory: \d+Gi/, 'memory: 128Gi').replace(/pods: \d+/, 'pods: 400'));
    }
    for (const cls of CLASSES) nx(repo.root, ['g', '@eleventh/nx:service', svc(cls), '--namespace', 'payments', '--template', cls, '--port', '8080', '--no-interactive']);
    generated = commitAll(repo.root, 'a service of every class');
  }, 300_000);
  afterAll(() => repo.cleanup());

  it('renders every class into every environment that follows main, and staging builds with kubectl kustomize', () => {
    const res = runEleventh(repo.root, ['render']);
    expect(res.status, res.stderr).toBe(0);
    const recipe = parse(readFileSync(join(repo.root, 'environments/staging/recipe.yaml'), 'utf8'));
    for (const cls of CLASSES) {
      expect(recipe.services[svc(cls)], cls).toMatchObject({ namespace: 'payments', commit: generated });
      expect(recipe.services[svc(cls)].image).toBe(`registry.example.com/acme/${svc(cls)}:${generated}`);
    }
    commitAll(repo.root, 'render');
    if (!hasKubectl()) {
      console.warn('classes e2e: kubectl is not on PATH: skipped `kubectl kustomize environments/staging`');
      return;
    }
    const built = step(repo.root, 'kubectl', ['kustomize', 'environments/staging']);
    for (const cls of CLASSES) expect(built, cls).toContain(`image: registry.example.com/acme/${svc(cls)}:${generated}`);
  });

  it.each(CLASSES.map((c) => [c]))('%s: nx infers its targets, and its own build and test pass where its toolchain is here', async (cls) => {
    const project = JSON.parse(nx(repo.root, ['show', 'project', svc(cls), '--json']).trim().split('\n').pop()!);
    expect(project.tags).toEqual(['type:service', `template:${cls}`]);
    if (!has(TOOLCHAIN[cls])) {
      console.warn(`classes e2e: ${TOOLCHAIN[cls]} is not on PATH: skipped ${cls}'s build and test (\`${project.targets.test.options.command}\`)`);
      return;
    }
    const extra = NX_ARGS[cls] ?? [];
    for (const target of ['build', 'test']) {
      const res = run(repo.root, join(repo.root, 'node_modules', '.bin', 'nx'), [target, svc(cls), '--skip-nx-cache', ...extra]);
      if (res.status !== 0 && cls === 'java' && /offline mode/.test(res.out)) {
        console.warn(`classes e2e: Maven cannot resolve the pom's pinned plugins offline (no Maven Central here, not all in ~/.m2): skipped java's ${target}\n${res.out.split('\n').find((l) => /offline mode/.test(l))}`);
        return;
      }
      expect(res.status, `nx ${target} ${svc(cls)}\n${res.out.slice(-3000)}`).toBe(0);
    }
    // the tests ran for real: break the route and the class's test must fail
    const dir = join(repo.root, 'services', svc(cls));
    const broken = breakRoute(cls, dir);
    const failing = run(repo.root, join(repo.root, 'node_modules', '.bin', 'nx'), ['test', svc(cls), '--skip-nx-cache', ...extra]);
    writeFileSync(broken.file, broken.original);
    expect(failing.status, `nx test ${svc(cls)} with a broken route should fail`).not.toBe(0);
    expect(git(['status', '--porcelain'], { cwd: repo.root }).stdout, 'build and test output is ignored by git').toBe('');
  });

  it.each([
    ['java', 'java', ['-jar', 'target/app.jar'], 18481],
    ['python', 'python3', ['-m', 'app.main'], 18482],
    ['go', 'go', ['run', '.'], 18483],
  ] as const)('%s: the server answers GET /healthz', async (cls, cmd, args, port) => {
    const dir = join(repo.root, 'services', svc(cls));
    if (!has(cmd) || (cls === 'java' && run(dir, 'test', ['-f', 'target/app.jar']).status !== 0)) {
      console.warn(`classes e2e: ${cls}: no ${cls === 'java' ? 'java or built jar' : cmd} here: skipped the /healthz probe`);
      return;
    }
    expect(await probe(dir, cmd, [...args], port)).toEqual({ status: 200, body: { status: 'ok' } });
  }, 120_000);

  it("moves no pin for tests, READMEs and deploy.ts, and each class's pin for its own lockfile", () => {
    const pins = (): Record<string, string> =>
      Object.fromEntries(Object.entries(JSON.parse(runEleventh(repo.root, ['pins', '--json']).stdout) as Record<string, { commit: string }>).map(([k, v]) => [k, v.commit]));
    const before = pins();
    const edit = (path: string, change: (text: string) => string): void => {
      const abs = join(repo.root, 'services', path);
      writeFileSync(abs, change(readFileSync(abs, 'utf8')));
    };
    for (const cls of CLASSES) {
      edit(`${svc(cls)}/README.md`, (t) => `${t}\nMore words.\n`);
      edit(`${svc(cls)}/deploy.ts`, (t) => `${t}// reviewed\n`);
    }
    edit('t-java/src/test/java/app/RoutesTest.java', (t) => `${t}// more\n`);
    edit('t-python/tests/test_routes.py', (t) => `${t}# more\n`);
    edit('t-go/routes_test.go', (t) => `${t}// more\n`);
    edit('t-web/test/site.test.mjs', (t) => `${t}// more\n`);
    commitAll(repo.root, 'docs, tests and manifests');
    const unmoved = pins();
    for (const cls of CLASSES) expect(unmoved[svc(cls)], cls).toBe(before[svc(cls)]);

    edit('t-java/pom.xml', (t) => t.replace('<version>5.11.4</version>', '<version>5.11.3</version>'));
    edit('t-python/requirements.lock', (t) => `${t}# relocked\n`);
    edit('t-go/go.sum', (t) => `${t}example.com/m v1.0.0 h1:abc=\n`);
    edit('t-web/nginx.conf', (t) => t.replace('server_tokens off;', 'server_tokens off;\n    gzip on;'));
    const locks = commitAll(repo.root, 'lockfiles');
    const moved = pins();
    for (const cls of ['java', 'python', 'go', 'web'] as const) expect(moved[svc(cls)], cls).toBe(locks);
    expect(moved[svc('node')]).toBe(before[svc('node')]);
  }, 120_000);
});

/** Make the class's route answer 418 on /healthz; returns the file and its original text. */
function breakRoute(cls: Cls, dir: string): { file: string; original: string } {
  const file = join(dir, { node: `src/${svc('node')}.ts`, java: 'src/main/java/app/Routes.java', python: 'app/routes.py', go: 'routes.go', web: 'nginx.conf' }[cls]);
  const original = readFileSync(file, 'utf8');
  const broken = cls === 'web' ? original.replace(/listen \d+;/, 'listen 9999;') : original.replace(/\b200\b/, '418');
  if (broken === original) throw new Error(`could not break ${file}`);
  writeFileSync(file, broken);
  return { file, original };
}
