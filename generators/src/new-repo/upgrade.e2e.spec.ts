/**
 * Upgrading a repository with `nx migrate`, end to end. A repository made by `eleventh new` with the
 * packages of release 0.1.0 installed (this source packed as 0.1.0) and that release's layout (the Flux
 * bootstrap under clusters/<env>/flux-system/, a second owner of environments/<env>/_flux: verify finds it)
 * upgrades to the packed packages of this version through a registry that serves them, as an
 * organisation's registry would (`@eleventh:registry` in .npmrc):
 *   npx nx migrate @eleventh/nx@<version>     → migrations.json (from the installed 0.1.0), package.json
 *   npx nx migrate --run-migrations           → npm install, then one-cluster-bootstrap
 * and is migrated: the second owners are gone and `eleventh verify` is clean.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eleventhDependencies, eleventhVersion } from '../generators/workspace/lib/versions';
import { legacyBootstrapFiles } from '../utils/testing';
import { attempt, commitAll, E2E_ENV, step } from '../testing/steps';
import { createNewRepository } from './new-repo';
import { packPackages, VENDOR_DIR } from './vendor';

const VERSION = eleventhVersion();
const OLD = '0.1.0';
const ENVIRONMENTS = ['staging', 'ops-staging', 'preprod', 'prod'];
const base = realpathSync(mkdtempSync(join(tmpdir(), 'eleventh-upgrade-')));
let registry: ChildProcess | undefined;
afterAll(() => {
  registry?.kill('SIGTERM');
  rmSync(base, { recursive: true, force: true });
});

/** Serve `tarballs` from a registry on 127.0.0.1 (../testing/local-registry.js); resolves its URL. */
function serve(tarballs: readonly string[]): Promise<string> {
  registry = spawn(process.execPath, [join(__dirname, '..', 'testing', 'local-registry.js'), ...tarballs], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    registry?.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    registry?.once('exit', (code) => reject(new Error(`local registry exited ${code}`)));
  });
}

/** Install the packages of release OLD (this source packed as OLD) where `eleventh new` vendored these. */
function installOld(repo: string): void {
  rmSync(join(repo, VENDOR_DIR), { recursive: true, force: true });
  packPackages(join(repo, VENDOR_DIR), OLD, { relabel: true });
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  writeFileSync(join(repo, 'package.json'), `${JSON.stringify({ ...pkg, dependencies: eleventhDependencies(OLD, true) }, null, 2)}\n`);
  step(`npm install (${OLD})`, repo, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
}

/** Give the repository the OLD layout: a Flux bootstrap per environment under clusters/. */
function makeOldLayout(repo: string): void {
  for (const env of ENVIRONMENTS) {
    const doc = parse(readFileSync(join(repo, `environments/${env}/environment.yaml`), 'utf8'));
    const root = parse(readFileSync(join(repo, 'environments/staging/environment.yaml'), 'utf8'));
    const git = { ...root.cluster.git, ...doc.cluster?.git };
    for (const [path, text] of Object.entries(legacyBootstrapFiles(env, git.url, git.branch))) {
      step(`mkdir ${path}`, repo, 'mkdir', ['-p', join(path, '..')]);
      writeFileSync(join(repo, path), text);
    }
  }
}

/** A repository made by `eleventh new` with OLD installed and OLD's layout; verify finds the second owners. */
async function oldRepository(name: string): Promise<string> {
  const repo = join(base, name);
  await createNewRepository(repo, { skipInstall: true });
  installOld(repo);
  makeOldLayout(repo);
  commitAll(repo, `${name}: Eleventh ${OLD}, the Flux bootstrap under clusters/ as ${OLD} wrote it`);
  expect(JSON.parse(readFileSync(join(repo, 'node_modules/@eleventh/nx/package.json'), 'utf8')).version).toBe(OLD);
  step('eleventh recipe', repo, 'npx', ['eleventh', 'recipe']);
  commitAll(repo, 'recipes');
  const before = attempt(repo, 'npx', ['eleventh', 'verify']);
  expect(before.status).toBe(1);
  expect(before.stdout).toContain('clusters/prod/flux-system/eleventh-sync.yaml');
  return repo;
}

/** No second owner left under clusters/, and `eleventh verify` clean once committed. */
function expectMigrated(repo: string, message: string): void {
  for (const env of ENVIRONMENTS) {
    expect(existsSync(join(repo, `clusters/${env}/flux-system/eleventh-source.yaml`)), env).toBe(false);
    expect(existsSync(join(repo, `clusters/${env}/flux-system/eleventh-sync.yaml`)), env).toBe(false);
  }
  commitAll(repo, message);
  const after = attempt(repo, 'npx', ['eleventh', 'verify']);
  expect(after.stderr).toContain('eleventh: verify: clean');
  expect(after.status).toBe(0);
}

describe('upgrading with nx migrate (e2e, slow)', () => {
  it(`migrates a ${OLD} repository (clusters/<env>/ second owners) to ${VERSION}: verify is clean after`, async () => {
    expect(VERSION).not.toBe(OLD);
    const migration = JSON.parse(readFileSync(join(__dirname, '..', '..', 'migrations.json'), 'utf8')).generators['one-cluster-bootstrap'];
    expect(migration.version).toBe(VERSION);

    const repo = await oldRepository('acme');

    const tarballs = packPackages(join(base, 'tarballs'), VERSION);
    const url = await serve(tarballs);
    writeFileSync(join(repo, '.npmrc'), `@eleventh:registry=${url}\n`);
    // the repository's pinned nx runs the migration (not an nx@latest nx migrate would download to run itself)
    const env = { ...E2E_ENV, CI: 'true', NX_MIGRATE_USE_LOCAL: 'true' };
    step('nx migrate', repo, 'npx', ['nx', 'migrate', `@eleventh/nx@${VERSION}`], env);
    const plan = JSON.parse(readFileSync(join(repo, 'migrations.json'), 'utf8'));
    expect(plan.migrations).toEqual([expect.objectContaining({ package: '@eleventh/nx', name: 'one-cluster-bootstrap', version: VERSION })]);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ '@eleventh/cli': VERSION, '@eleventh/nx': VERSION, '@eleventh/platform': VERSION });

    const ran = step('nx migrate --run-migrations', repo, 'npx', ['nx', 'migrate', '--run-migrations', '--agentic=false'], env);
    expect(ran).toContain('one-cluster-bootstrap');
    expect(JSON.parse(readFileSync(join(repo, 'node_modules/@eleventh/nx/package.json'), 'utf8')).version).toBe(VERSION);
    const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8'));
    // installed from the registry's tarball of this version (not from vendor/, which holds OLD)
    const served = readFileSync(tarballs.find((t) => t.includes('eleventh-nx-')) as string);
    const integrity = `sha512-${createHash('sha512').update(served).digest('base64')}`;
    expect(lock.packages['node_modules/@eleventh/nx']).toMatchObject({ version: VERSION, integrity });
    rmSync(join(repo, 'migrations.json'));
    expectMigrated(repo, `acme: Eleventh ${VERSION} (nx migrate)`);
  }, 900_000);

  it(`upgrades a vendored ${OLD} repository without a registry: pack:packages, npm install the tarballs, the migration's twin`, async () => {
    const eleventh = join(__dirname, '..', '..', '..');
    const usage = attempt(eleventh, 'npm', ['run', '--silent', 'pack:packages']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('pack:packages: expected one directory to pack into (npm run pack:packages -- ../acme-platform/vendor)');
    const repo = await oldRepository('vendored');
    const packed = step('npm run pack:packages', eleventh, 'npm', ['run', '--silent', 'pack:packages', '--', join(repo, VENDOR_DIR)]);
    const tgz = packed.split('\n');
    expect(tgz.map((t) => t.slice(repo.length + 1))).toEqual(['cli', 'platform', 'nx'].map((p) => `${VENDOR_DIR}/eleventh-${p}-${VERSION}.tgz`));
    for (const p of ['cli', 'platform', 'nx']) rmSync(join(repo, VENDOR_DIR, `eleventh-${p}-${OLD}.tgz`));
    step('npm install <tgz…>', repo, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tgz.map((t) => `./${t.slice(repo.length + 1)}`)]);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual(eleventhDependencies(VERSION, true));
    expect(step('nx g @eleventh/nx:migrate-bootstrap', repo, 'npx', ['nx', 'g', '@eleventh/nx:migrate-bootstrap'])).toContain('DELETE clusters/prod/flux-system/eleventh-sync.yaml');
    expectMigrated(repo, `vendored: Eleventh ${VERSION} (vendor/)`);
  }, 900_000);
});
