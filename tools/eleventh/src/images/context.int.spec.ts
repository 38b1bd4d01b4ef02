/**
 * Build contexts from real git and the real Nx graph (no builder needed): a node service's context is its
 * bundle and Dockerfile alone, byte-identical for the same pin, read from git (an uncommitted edit does not
 * leak in), with fixed modes and mtimes; libraries come in through tsconfig paths; a package installed at
 * another version than the pin's lockfile locks is refused; web and go contexts are their files or binary.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpLockedVersion, createFixtureRepo, serviceFiles, type FixtureRepo } from '../testing/fixture';
import { hasTool } from '../testing/oci';
import { computePins, type PinResult } from '../pins/compute';
import { assembleContext, type BuildContext } from './context';

/** deploy.ts and a Dockerfile of a service of another class (the fixture's node sources left out). */
const manifestOnly = (name: string): Record<string, string> => {
  const files = serviceFiles({ name });
  return { [`services/${name}/deploy.ts`]: files[`services/${name}/deploy.ts`]!, [`services/${name}/Dockerfile`]: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n' };
};
const WEB = {
  ...manifestOnly('site'),
  'services/site/nginx.conf': 'server { listen 8080; }\n',
  'services/site/public/index.html': '<h1>site</h1>\n',
  'services/site/test/site.test.mjs': "import 'node:test';\n",
};
const GO = {
  ...manifestOnly('gosvc'),
  'services/gosvc/go.mod': 'module gosvc\n\ngo 1.19\n',
  'services/gosvc/main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n',
  'services/gosvc/main_test.go': 'package main\n',
};

describe('build contexts (real git, real Nx graph)', () => {
  let repo: FixtureRepo;
  let pins: PinResult;
  const contexts: BuildContext[] = [];
  const assemble = async (name: string): Promise<BuildContext> => {
    const service = pins.services.find((s) => s.name === name)!;
    const pin = pins.pins.get(name)!;
    const context = await assembleContext({ root: repo.root, service, pin: pin.commit, inputs: pin.inputs });
    contexts.push(context);
    return context;
  };
  beforeAll(async () => {
    repo = createFixtureRepo({
      prefix: 'eleventh-context-',
      libs: [{ name: 'runtime', imports: ['ms'] }],
      services: [{ name: 'api', imports: ['@acme/runtime', 'zod'] }],
      files: { ...WEB, ...GO },
    });
    pins = await computePins({ root: repo.root, previous: new Map() });
  }, 120_000);
  afterAll(() => {
    for (const c of contexts) c.cleanup();
    repo.cleanup();
  });

  it('a node context is main.js and the Dockerfile, with fixed modes and the pin time as mtime', async () => {
    const context = await assemble('api');
    expect(context.files).toEqual(['Dockerfile', 'main.js']);
    const epoch = Number(execFileSync('git', ['show', '-s', '--format=%ct', repo.initial], { cwd: repo.root, encoding: 'utf8' }).trim());
    expect(context.epoch).toBe(epoch);
    for (const file of ['Dockerfile', 'main.js', '.']) {
      const st = statSync(join(context.dir, file));
      expect(st.mtimeMs / 1000, file).toBe(epoch);
      expect(st.mode & 0o777, file).toBe(file === '.' ? 0o755 : 0o644);
    }
    const bundle = readFileSync(join(context.dir, 'main.js'), 'utf8');
    // the service, its library (tsconfig paths) and both npm packages, each named by a path that does not depend on where anything lies
    expect(bundle.split('\n').filter((l) => l.startsWith('// ')).sort()).toEqual(expect.arrayContaining(['// services/api/src/main.ts', '// services/shared/runtime/src/index.ts', expect.stringMatching(/^\/\/ node_modules\/zod\//), expect.stringMatching(/^\/\/ node_modules\/ms\//)]));
    expect(bundle).not.toContain(repo.root);
    expect(bundle).not.toContain('/tmp/');
  });

  it('the same pin gives the same bytes; an uncommitted edit of an input does not leak in', async () => {
    const before = readFileSync(join((await assemble('api')).dir, 'main.js'));
    writeFileSync(join(repo.root, 'services/api/src/main.ts'), "export const leaked = 'work tree';\n");
    const after = readFileSync(join((await assemble('api')).dir, 'main.js'));
    expect(after.equals(before)).toBe(true);
    expect(after.toString()).not.toContain('leaked');
    execFileSync('git', ['checkout', '--', 'services/api/src/main.ts'], { cwd: repo.root });
  });

  it('a web context is its files as they lie in the service folder, tests excluded', async () => {
    const context = await assemble('site');
    expect(context.files).toEqual(['Dockerfile', 'nginx.conf', 'public/index.html']);
    expect(readFileSync(join(context.dir, 'public/index.html'), 'utf8')).toBe('<h1>site</h1>\n');
  });

  it.skipIf(!hasTool('go'))('a go context is the static binary built on the host, the same bytes twice', async () => {
    const a = await assemble('gosvc');
    expect(a.files).toEqual(['Dockerfile', 'service']);
    expect(statSync(join(a.dir, 'service')).mode & 0o777).toBe(0o755);
    const b = await assemble('gosvc');
    expect(readFileSync(join(b.dir, 'service')).equals(readFileSync(join(a.dir, 'service')))).toBe(true);
  });

  it('refuses a bundle whose npm package is installed at another version than the pin locks', async () => {
    const pin = bumpLockedVersion(repo.root, 'zod', '3.24.1');
    pins = await computePins({ root: repo.root, previous: new Map() });
    expect(pins.pins.get('api')?.commit).toBe(pin);
    await expect(assemble('api')).rejects.toThrow(`api: node_modules/zod is 3.23.8 but package-lock.json at ${pin.slice(0, 12)} locks 3.24.1 (expected the locked versions installed: npm ci)`);
  });

  it('refuses an inputs identity that is not the pin\'s', async () => {
    const service = pins.services.find((s) => s.name === 'site')!;
    const pin = pins.pins.get('site')!;
    await expect(assembleContext({ root: repo.root, service, pin: pin.commit, inputs: 'f'.repeat(64) })).rejects.toThrow(`site: the image inputs at its pin ${pin.commit} are not the ones the pin was computed from`);
  });
});

if (!hasTool('go')) console.warn('context.int: go is not on PATH: skipped the go context');
