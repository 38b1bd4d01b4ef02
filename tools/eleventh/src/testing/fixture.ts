/**
 * A real, minimal Eleventh workspace in a temporary directory, for tests of pins, render, recipe and
 * release: package.json + a real-shaped package-lock.json (zod, ms), nx.json with the @eleventh/nx plugin
 * and `analyzeSourceFiles`, tsconfig.base.json paths for every shared library, `node_modules` symlinked to
 * this repository's, the shared library `services/shared/runtime`, the services asked for, optionally a
 * copy of `platform/`, and a first commit.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { git } from '../git/run';
import { libFiles, serviceFiles, workspaceFiles, type FileMap, type FixtureLib, type FixtureService } from './fixture-files';
import { commitFiles, writeFiles } from './fixture-git';

export type { FixtureLib, FixtureService } from './fixture-files';
export { bumpLockedVersion, commitFiles, headSha, logSubjects, removeService, writeFiles } from './fixture-git';
export { libFiles, lockfile, moduleSource, serviceFiles, LOCKED } from './fixture-files';

/** This repository's root (where node_modules and platform/ live). */
export const REPO_ROOT = resolve(__dirname, '../../../..');

export interface FixtureOptions {
  readonly services?: readonly FixtureService[];
  /** Shared libraries besides `runtime` (or replacing it, when one is named `runtime`). */
  readonly libs?: readonly FixtureLib[];
  /** Copy this repository's `platform/` into the fixture (and map `@eleventh/platform` to it). @default false */
  readonly platform?: boolean;
  /** Extra files for the first commit. */
  readonly files?: Readonly<Record<string, string>>;
  /** Prefix of the temporary directory's name. @default 'eleventh-fixture-' */
  readonly prefix?: string;
}

export interface FixtureRepo {
  /** Absolute path of the work tree. */
  readonly root: string;
  /** SHA of the first commit. */
  readonly initial: string;
  /** Remove the temporary directory. */
  cleanup(): void;
}

function allLibs(libs: readonly FixtureLib[] | undefined): FixtureLib[] {
  const list = [...(libs ?? [])];
  if (!list.some((l) => l.name === 'runtime')) list.unshift({ name: 'runtime' });
  return list;
}

/** The files of the first commit (without platform/). */
export function fixtureFiles(options: FixtureOptions): FileMap {
  const libs = allLibs(options.libs);
  const files: FileMap = { ...workspaceFiles(libs, options.platform ?? false) };
  for (const lib of libs) Object.assign(files, libFiles(lib));
  for (const service of options.services ?? []) Object.assign(files, serviceFiles(service));
  return { ...files, ...options.files };
}

function copyPlatform(root: string): void {
  cpSync(join(REPO_ROOT, 'platform'), join(root, 'platform'), {
    recursive: true,
    filter: (src) => !src.includes(`${join('platform', 'node_modules')}`),
  });
}

function initGit(root: string): void {
  git(['init', '--quiet', '--initial-branch=main'], { cwd: root });
  for (const [key, value] of [
    ['user.name', 'Fixture'],
    ['user.email', 'fixture@example.com'],
    ['commit.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
  ]) {
    git(['config', key, value], { cwd: root });
  }
}

/** Create the workspace and its first commit. Call `cleanup()` when done. */
export function createFixtureRepo(options: FixtureOptions = {}): FixtureRepo {
  const root = mkdtempSync(join(tmpdir(), options.prefix ?? 'eleventh-fixture-'));
  writeFiles(root, fixtureFiles(options));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  if (options.platform) copyPlatform(root);
  initGit(root);
  git(['add', '--all', '--', '.'], { cwd: root });
  const initial = commitFiles(root, {}, 'initial workspace');
  return { root, initial, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
