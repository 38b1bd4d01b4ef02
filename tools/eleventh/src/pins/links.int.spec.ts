/** Committed and untracked symlinks, checked before the Nx graph can read through them (real git). */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { checkWorkspaceLinks } from './links';
import { uncommittedPaths } from './dirty';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-links-'));
  git(['init', '--quiet', '-b', 'main'], { cwd: root });
  mkdirSync(join(root, 'services/a/src'), { recursive: true });
  writeFileSync(join(root, 'services/a/src/main.ts'), 'export {};\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const commit = (): void => {
  git(['add', '-A'], { cwd: root });
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'x'], { cwd: root });
};
const check = (): void => checkWorkspaceLinks(root, uncommittedPaths(root));

describe('workspace links', () => {
  it('accepts a committed link to a file inside the repository', () => {
    symlinkSync('main.ts', join(root, 'services/a/src/index.ts'));
    commit();
    expect(() => check()).not.toThrow();
  });

  it('refuses a committed link that leaves the repository, naming it', () => {
    symlinkSync('/etc/hostname', join(root, 'services/a/src/host.ts'));
    commit();
    expect(() => check()).toThrow("services/a/src/host.ts: is a committed symlink to '/etc/hostname', outside the repository (an image input must be in git)");
  });

  it('refuses a committed link to a device and an untracked one to a device, both reported', () => {
    symlinkSync('/dev/zero', join(root, 'services/a/src/zero.ts'));
    commit();
    symlinkSync('/dev/urandom', join(root, 'services/a/src/random.ts'));
    let message = '';
    try {
      check();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      "services/a/src/zero.ts: is a symlink to '/dev/zero', which is not a file or folder (a device, pipe or socket never ends when read) (expected a regular file inside the repository; copy the content in instead of linking)",
      "services/a/src/random.ts: is a symlink to '/dev/urandom', which is not a file or folder (a device, pipe or socket never ends when read) (expected a regular file inside the repository; copy the content in instead of linking)",
    ]);
  });

  it('lets an untracked link to a file outside pass (it is not an input until committed) and a dangling one', () => {
    symlinkSync('/etc/hostname', join(root, 'services/a/src/host.ts'));
    symlinkSync('/no/such/file', join(root, 'services/a/src/gone.ts'));
    expect(() => check()).not.toThrow();
  });
});
