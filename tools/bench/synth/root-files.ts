/**
 * Root files of the synthetic repository, taken from the Eleventh checkout (`source`): package.json
 * trimmed to its dependencies, package-lock.json (an older variant for the first commit, so history
 * holds lockfile changes), nx.json, tsconfig.base.json with the shared library's path, .nxignore,
 * a .gitignore that keeps the node_modules symlink out of git, and the platform/ folder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_LIB_IMPORT, SHARED_LIB_ROOT } from './service-files';

type Json = Record<string, unknown>;

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** package.json: name, workspaces (platform only: the CLI and Nx plugin come through node_modules) and deps. */
export function packageJson(source: string): string {
  const pkg = readJson(join(source, 'package.json'));
  return json({
    name: 'acme-monorepo',
    version: '0.0.0',
    private: true,
    workspaces: ['platform'],
    dependencies: pkg.dependencies,
    devDependencies: pkg.devDependencies,
  });
}

/** The lockfile as in `source`, with the root entry matching the trimmed package.json. */
function lockfile(source: string): Json {
  const lock = readJson(join(source, 'package-lock.json'));
  const packages = { ...(lock.packages as Record<string, Json>) };
  packages[''] = { ...packages[''], name: 'acme-monorepo', version: '0.0.0', workspaces: ['platform'] };
  for (const key of ['tools/eleventh', 'generators', 'node_modules/@eleventh/cli', 'node_modules/@eleventh/nx']) {
    delete packages[key];
  }
  return { ...lock, name: 'acme-monorepo', version: '0.0.0', packages };
}

/** Replace the locked version of `pkg`, as an upgrade commit would have found it. */
function withLockedVersion(lock: Json, pkg: string, version: string): Json {
  const packages = lock.packages as Record<string, Json>;
  const entry = packages[`node_modules/${pkg}`];
  if (!entry) return lock;
  const { integrity: _ignored, ...rest } = entry;
  return { ...lock, packages: { ...packages, [`node_modules/${pkg}`]: { ...rest, version } } };
}

/**
 * The lockfile's states along history: [first commit, after the zod upgrade, final (= source)].
 * `zod` is imported by services (the upgrade moves their pins); `ms` by none (its upgrade moves nothing).
 */
export function lockfileStages(source: string): [string, string, string] {
  const final = lockfile(source);
  const afterZod = withLockedVersion(final, 'ms', '2.1.2');
  const first = withLockedVersion(afterZod, 'zod', '3.23.7');
  return [json(first), json(afterZod), json(final)];
}

export function tsconfigBase(source: string): string {
  const tsconfig = readJson(join(source, 'tsconfig.base.json'));
  const options = tsconfig.compilerOptions as Json;
  const paths = {
    [SHARED_LIB_IMPORT]: [`${SHARED_LIB_ROOT}/src/index.ts`],
    '@eleventh/platform': ['platform/src/index.ts'],
  };
  return json({ ...tsconfig, compilerOptions: { ...options, paths } });
}

const GITIGNORE = ['node_modules', 'dist/', 'tmp/', '.nx/', 'coverage/', '*.log', ''].join('\n');

/** The `environments` Nx project (owns the `recipe` target); the source's own when it has one. */
function environmentsProject(source: string): string {
  try {
    return readFileSync(join(source, 'environments/project.json'), 'utf8');
  } catch {
    return json({ name: 'environments', targets: { recipe: { command: 'eleventh recipe' } } });
  }
}

/** Every file under `dir` (relative paths, sorted), skipping node_modules. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  const entries = readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.name === 'node_modules') continue;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

export function platformFiles(source: string): Array<[string, string]> {
  const root = join(source, 'platform');
  return listFiles(root).map((rel) => [`platform/${rel}`, readFileSync(join(root, rel), 'utf8')]);
}

/** All root files of the first commit (the lockfile at its first stage). */
export function rootFiles(source: string): Array<[string, string]> {
  return [
    ['.gitignore', GITIGNORE],
    ['.nxignore', readFileSync(join(source, '.nxignore'), 'utf8')],
    ['nx.json', readFileSync(join(source, 'nx.json'), 'utf8')],
    ['package.json', packageJson(source)],
    ['package-lock.json', lockfileStages(source)[0]],
    ['tsconfig.base.json', tsconfigBase(source)],
    ['environments/project.json', environmentsProject(source)],
    ...platformFiles(source),
  ];
}
