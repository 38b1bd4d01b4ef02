/** Helpers that change a fixture repository and commit, each returning the new commit's full SHA. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { git, gitText, revParse } from '../git/run';

/** Full 40-hex SHA of HEAD. */
export function headSha(repo: string): string {
  return revParse('HEAD', repo);
}

/**
 * Write (string) or delete (null) repository-relative files, stage exactly those paths and commit.
 * Returns the new commit's SHA.
 */
export function commitFiles(repo: string, files: Readonly<Record<string, string | null>>, message: string): string {
  writeFiles(repo, files);
  const paths = Object.keys(files);
  if (paths.length > 0) git(['add', '--all', '--', ...paths], { cwd: repo });
  git(['commit', '--quiet', '--allow-empty', '-m', message], { cwd: repo });
  return headSha(repo);
}

/** Write (string) or delete (null) files without staging or committing. */
export function writeFiles(repo: string, files: Readonly<Record<string, string | null>>): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(repo, path);
    if (content === null) {
      rmSync(abs, { recursive: true, force: true });
    } else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
}

/** Change the locked version of `pkg` in package-lock.json (and package.json's range) and commit. */
export function bumpLockedVersion(repo: string, pkg: string, version: string, message?: string): string {
  const lockPath = join(repo, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as {
    packages: Record<string, { version?: string; resolved?: string; integrity?: string; dependencies?: Record<string, string> }>;
  };
  const entry = lock.packages[`node_modules/${pkg}`];
  if (!entry) throw new Error(`package-lock.json: no entry 'node_modules/${pkg}' (expected one of the locked packages)`);
  entry.version = version;
  entry.resolved = `https://registry.npmjs.org/${pkg}/-/${pkg}-${version}.tgz`;
  entry.integrity = `sha512-${createHash('sha512').update(`${pkg}@${version}`).digest('base64')}`;
  const root = lock.packages[''];
  if (root?.dependencies?.[pkg]) root.dependencies[pkg] = version;
  return commitFiles(repo, { 'package-lock.json': `${JSON.stringify(lock, null, 2)}\n` }, message ?? `bump ${pkg} to ${version}`);
}

/** Delete `services/<name>/` and commit. */
export function removeService(repo: string, name: string, message?: string): string {
  git(['rm', '-r', '--quiet', '--', `services/${name}`], { cwd: repo });
  git(['commit', '--quiet', '-m', message ?? `remove ${name}`], { cwd: repo });
  return headSha(repo);
}

/** The commit subjects, newest first (handy in failure messages). */
export function logSubjects(repo: string): string[] {
  return gitText(['log', '--format=%s'], { cwd: repo }).split('\n');
}
