import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createNewRepository } from './new-repo';
import { eleventhVersion } from '../generators/workspace/lib/versions';

const VERSION = eleventhVersion();

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-new-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const gitOut = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('createNewRepository (without install)', () => {
  it('writes the workspace, packs vendor tarballs and makes the first commit on main', async () => {
    const dir = join(tempDir(), 'acme');
    await createNewRepository(dir, { skipInstall: true });
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('acme');
    for (const spec of Object.values<string>(pkg.dependencies)) {
      expect(spec).toMatch(/^file:vendor\/eleventh-(cli|platform|nx)-.*\.tgz$/);
      expect(existsSync(join(dir, spec.slice('file:'.length)))).toBe(true);
    }
    expect(gitOut(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(gitOut(dir, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(gitOut(dir, 'status', '--porcelain')).toBe('');
    expect(gitOut(dir, 'ls-files')).toContain('vendor/eleventh-nx-');
    // the generators travel with their templates, the platform with its defaults
    const list = (tgz: string) => execFileSync('tar', ['-tzf', join(dir, 'vendor', tgz)], { encoding: 'utf8' });
    expect(list(`eleventh-nx-${VERSION}.tgz`)).toContain('package/src/generators/workspace/files/README.md.hbs');
    expect(list(`eleventh-platform-${VERSION}.tgz`)).toContain('package/defaults.yaml');
    // the CLI with the schemas the hand-written files' modelines point at (node_modules/@eleventh/cli/schemas/)
    for (const schema of ['environment', 'tenant', 'overrides', 'platform-defaults', 'service-config', 'platform-settings']) {
      expect(list(`eleventh-cli-${VERSION}.tgz`)).toContain(`package/schemas/${schema}.schema.json`);
    }
    expect(readFileSync(join(dir, 'environments/prod/environment.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/@eleventh/cli/schemas/environment.schema.json');
    // installed packages need no TypeScript loader: every module has a CommonJS sibling and main points at it
    expect(list(`eleventh-nx-${VERSION}.tgz`)).toContain('package/src/plugin/create-nodes.js');
    // the plopfile of a new repository loads the packed prompts; an installed `eleventh new` copies plopfile.mjs
    expect(list(`eleventh-nx-${VERSION}.tgz`)).toContain('package/src/plop/index.js');
    expect(list(`eleventh-nx-${VERSION}.tgz`)).toContain('package/src/plop/plopfile.mjs');
    expect(readFileSync(join(dir, 'plopfile.mjs'), 'utf8')).toContain("require.resolve('@eleventh/nx/plop')");
    const main = execFileSync('tar', ['-xzOf', join(dir, 'vendor', `eleventh-nx-${VERSION}.tgz`), 'package/package.json'], { encoding: 'utf8' });
    expect(JSON.parse(main).main).toBe('src/index.js');
  });

  it('refuses a directory that is not empty, and writes nothing into it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await expect(createNewRepository(dir, { skipInstall: true })).rejects.toThrow(
      `${dir}: is not empty (notes.txt) (expected a new or empty directory)`,
    );
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
  });

  it('accepts an existing empty directory and takes the name from the option over the directory', async () => {
    const dir = join(tempDir(), 'somewhere');
    mkdirSync(dir);
    await createNewRepository(dir, { name: 'acme-platform', skipInstall: true });
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name).toBe('acme-platform');
    expect(existsSync(join(dir, '.git'))).toBe(true);
  });

  it('refuses a bad name before creating the directory', async () => {
    const dir = join(tempDir(), 'Bad_Name');
    await expect(createNewRepository(dir, { skipInstall: true })).rejects.toThrow(/^package\.json: repository name "Bad_Name" is not valid/);
    expect(existsSync(dir)).toBe(false);
  });
});
