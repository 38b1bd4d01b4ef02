/**
 * `eleventh new DIR`: the workspace generator on a real file tree, the Eleventh packages packed into
 * vendor/, `npm install` (unless skipped), then `git init -b main` and the first commit.
 * The CLI finds it through this package's "eleventh.commands.new" (package.json; tools/eleventh/src/load/extension.ts).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { git } from '@eleventh/cli';
import { GeneratorError } from '../utils';
import { workspaceGenerator } from '../generators/workspace/generator';
import { eleventhVersion } from '../generators/workspace/lib/versions';
import { packVendorTarballs } from './vendor';
import { run } from './commands';

export interface NewRepositoryOptions {
  /** Repository (npm package) name. @default the directory's name */
  name?: string;
  /** Skip `npm install` (no node_modules, no package-lock.json). @default false */
  skipInstall?: boolean;
}

const FALLBACK_IDENTITY = {
  GIT_AUTHOR_NAME: 'Eleventh',
  GIT_AUTHOR_EMAIL: 'eleventh@localhost',
  GIT_COMMITTER_NAME: 'Eleventh',
  GIT_COMMITTER_EMAIL: 'eleventh@localhost',
};

function assertEmptyDirectory(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new GeneratorError(dir, 'is a file', 'a new or empty directory');
  const entries = readdirSync(dir);
  if (entries.length > 0) {
    throw new GeneratorError(dir, `is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})`, 'a new or empty directory');
  }
}

/** Everything is generated (and checked) in memory first; the directory is created only then. */
async function writeWorkspace(dir: string, name: string): Promise<void> {
  const tree = new FsTree(dir, false);
  const task = await workspaceGenerator(tree, { name, vendor: true, skipFormat: true });
  mkdirSync(dir, { recursive: true });
  flushChanges(dir, tree.listChanges());
  await task();
}

function firstCommit(dir: string, name: string): void {
  git(['init', '-q', '-b', 'main'], { cwd: dir });
  git(['add', '-A'], { cwd: dir });
  const hasIdentity = git(['config', 'user.email'], { cwd: dir, okCodes: [0, 1] }).status === 0;
  git(['commit', '-q', '-m', `${name}: new Eleventh repository`], { cwd: dir, env: hasIdentity ? {} : FALLBACK_IDENTITY });
}

export async function createNewRepository(dir: string, options: NewRepositoryOptions = {}): Promise<void> {
  const root = resolve(dir);
  assertEmptyDirectory(root);
  const name = options.name ?? basename(root);
  process.stderr.write(`eleventh new: writing ${name} into ${root}\n`);
  await writeWorkspace(root, name);
  process.stderr.write('eleventh new: packing the Eleventh packages into vendor/\n');
  packVendorTarballs(root, eleventhVersion());
  if (!options.skipInstall) {
    process.stderr.write('eleventh new: npm install\n');
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: root, stream: true });
  }
  firstCommit(root, name);
  process.stderr.write(`eleventh new: ${root} is ready (branch main, first commit made)\n`);
}
