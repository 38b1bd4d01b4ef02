/**
 * On a real folder: the verify rule (tools/eleventh …/verify/bootstrap-rules.ts) finds the second owners,
 * the real `nx migrate --run-migrations` and `nx g @eleventh/nx:migrate-bootstrap` remove them, and a
 * refusal leaves every file as it was.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { secondBootstrapOwners } from '@eleventh/cli';
import { runOnDisk } from '../../utils/run-on-disk';
import { EXAMPLE_ENVIRONMENTS, legacyBootstrapFiles } from '../../utils/testing';
import { migrateBootstrapGenerator } from './generator';

const REPO = join(__dirname, '..', '..', '..', '..');
let base: string;
let count = 0;

function put(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A workspace with the example environments, the legacy bootstrap of preprod and prod, and `extra` files. */
function workspace(extra: Record<string, string> = {}): string {
  const dir = join(base, `ws-${++count}`);
  put(dir, {
    'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: [] }, null, 2),
    'nx.json': JSON.stringify({ analytics: false }, null, 2),
    ...Object.fromEntries(Object.entries(EXAMPLE_ENVIRONMENTS).map(([env, doc]) => [`environments/${env}/environment.yaml`, stringify(doc)])),
    ...legacyBootstrapFiles('preprod'),
    ...legacyBootstrapFiles('prod'),
    ...extra,
  });
  cpSync(join(REPO, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string): void => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.nx') continue;
      const full = join(at, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const NX_ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', NX_INTERACTIVE: 'false' };
const nx = (cwd: string, args: string[]) => spawnSync(join(REPO, 'node_modules', '.bin', 'nx'), args, { cwd, env: NX_ENV, encoding: 'utf8' });

const owner = (file: string, object: string, env: string) =>
  `${file}: second owner of ${object} (expected only environments/${env}/_flux; run nx g @eleventh/nx:migrate-bootstrap)`;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'eleventh-migrate-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('one cluster bootstrap, on disk', () => {
  const handWritten = {
    // flux bootstrap's own objects manage the controllers: not a second owner
    'clusters/prod/flux-system/gotk-sync.yaml': stringify({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: { name: 'flux-system', namespace: 'flux-system' }, spec: { url: 'ssh://git@github.com/acme/eleventh.git' } }) +
      '---\n' + stringify({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'flux-system', namespace: 'flux-system' }, spec: { path: './clusters/prod' } }),
    // a hand-written duplicate under another name: a second owner the migration does not own
    'clusters/eu-west/apps.yaml': stringify({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'apps', namespace: 'flux-system' }, spec: { path: 'environments/staging/_flux/' } }) +
      '---\n' + stringify({ apiVersion: 'source.toolkit.fluxcd.io/v1beta2', kind: 'GitRepository', metadata: { name: 'eleventh' }, spec: {} }),
    // kustomize's own Kustomization and a non-YAML file are not Flux objects
    'clusters/eu-west/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [apps.yaml]\n',
    'clusters/eu-west/notes.yml': 'key: [unclosed\n',
  };

  it('verify names every second owner; the migration removes those eleventh made and leaves the rest', async () => {
    const dir = workspace(handWritten);
    expect(secondBootstrapOwners(dir)).toEqual([
      owner('clusters/eu-west/apps.yaml', 'Kustomization flux-system/apps', 'staging'),
      owner('clusters/eu-west/apps.yaml', 'GitRepository flux-system/eleventh', 'staging'),
      owner('clusters/preprod/flux-system/eleventh-source.yaml', 'GitRepository flux-system/eleventh', 'preprod'),
      owner('clusters/preprod/flux-system/eleventh-sync.yaml', 'Kustomization flux-system/eleventh', 'preprod'),
      owner('clusters/prod/flux-system/eleventh-source.yaml', 'GitRepository flux-system/eleventh', 'prod'),
      owner('clusters/prod/flux-system/eleventh-sync.yaml', 'Kustomization flux-system/eleventh', 'prod'),
    ]);
    expect(secondBootstrapOwners(dir, ['prod'])).toHaveLength(2);
    await runOnDisk(migrateBootstrapGenerator, dir, {});
    expect(existsSync(join(dir, 'clusters/preprod'))).toBe(false);
    expect(readdirSync(join(dir, 'clusters/prod/flux-system')).sort()).toEqual(['gotk-sync.yaml', 'kustomization.yaml']);
    expect(secondBootstrapOwners(dir)).toEqual([
      owner('clusters/eu-west/apps.yaml', 'Kustomization flux-system/apps', 'staging'),
      owner('clusters/eu-west/apps.yaml', 'GitRepository flux-system/eleventh', 'staging'),
    ]);
    expect(secondBootstrapOwners(dir, ['prod', 'preprod'])).toEqual([]);
  });

  it("runs as an Nx migration: Nx's own migration runner (what `nx migrate --run-migrations` calls) finds and runs it", () => {
    const dir = workspace();
    // executeMigrations resolves @eleventh/nx from the workspace, reads package.json "nx-migrations" and
    // migrations.json, loads the implementation and flushes its Tree. The `nx migrate` CLI wraps it with a
    // registry look-up of the latest nx, which this offline test skips. The TS loader stands in for the
    // .js siblings the published package carries.
    const script = `require('nx/src/command-line/migrate/migrate').executeMigrations(${JSON.stringify(dir)},
      [{ package: '@eleventh/nx', name: 'one-cluster-bootstrap', version: '0.2.0' }], false, false, '', true)
      .catch((e) => { console.error(e.message); process.exit(1); });`;
    const res = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: dir,
      env: { ...NX_ENV, SWC_NODE_PROJECT: join(REPO, 'tsconfig.base.json') },
      encoding: 'utf8',
    });
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toContain('Ran one-cluster-bootstrap from @eleventh/nx');
    expect(res.stdout).toContain('flux suspend kustomization eleventh -n flux-system');
    expect(existsSync(join(dir, 'clusters'))).toBe(false);
    expect(existsSync(join(dir, 'environments/prod/environment.yaml'))).toBe(true);
  });

  it('runs as nx g @eleventh/nx:migrate-bootstrap, and a refusal there writes nothing and exits non-zero', () => {
    const dir = workspace();
    execFileSync(join(REPO, 'node_modules', '.bin', 'nx'), ['g', '@eleventh/nx:migrate-bootstrap', '--dry-run'], { cwd: dir, env: NX_ENV, stdio: 'pipe' });
    expect(existsSync(join(dir, 'clusters/prod/flux-system/eleventh-sync.yaml'))).toBe(true);
    const sync = join(dir, 'clusters/prod/flux-system/eleventh-sync.yaml');
    writeFileSync(sync, readFileSync(sync, 'utf8').replace('prune: true', 'prune: false'));
    const before = files(dir);
    const refused = nx(dir, ['g', '@eleventh/nx:migrate-bootstrap']);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('clusters/prod/flux-system/eleventh-sync.yaml: edited since eleventh made it: spec.prune is false (expected true;');
    expect(files(dir)).toEqual(before);
    writeFileSync(sync, readFileSync(sync, 'utf8').replace('prune: false', 'prune: true'));
    const ok = nx(dir, ['g', '@eleventh/nx:migrate-bootstrap']);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(existsSync(join(dir, 'clusters'))).toBe(false);
  });
});
