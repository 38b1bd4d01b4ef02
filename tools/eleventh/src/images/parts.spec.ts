/** The small pure parts of the image build: aliases, package folders, the builders' storage and auth options. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceAliases } from './aliases';
import { authArgs, storageArgs } from './builders';
import { packageDirOf } from './locked';

describe('workspace aliases (tsconfig.base.json paths at the pin)', () => {
  const aliases = workspaceAliases(`{
    // comments are allowed in a tsconfig
    "compilerOptions": { "baseUrl": ".", "paths": { "@acme/runtime": ["services/shared/runtime/src/index.ts"], "@acme/lib/*": ["services/shared/lib/src/*"] } }
  }`);
  it.each([
    ['@acme/runtime', 'services/shared/runtime/src/index.ts'],
    ['@acme/lib/util', 'services/shared/lib/src/util'],
    ['zod', undefined],
    ['@acme/runtimes', undefined],
  ])('%s → %s', (specifier, target) => expect(aliases.resolve(specifier)).toBe(target));

  it('resolves nothing without a tsconfig', () => expect(workspaceAliases(undefined).resolve('@acme/runtime')).toBeUndefined());
});

describe('the package folder of a bundled file', () => {
  it.each([
    ['zod/lib/index.mjs', 'zod'],
    ['@scope/pkg/dist/a.js', '@scope/pkg'],
    ['a/node_modules/b/index.js', 'a/node_modules/b'],
    ['a/node_modules/@s/b/x/y.js', 'a/node_modules/@s/b'],
  ])('%s is in %s', (file, dir) => expect(packageDirOf(file)).toBe(dir));
});

describe('builder options', () => {
  it('buildah and podman get their own vfs storage under ELEVENTH_OCI_ROOT, or none when CONTAINERS_STORAGE_CONF configures it', () => {
    expect(storageArgs('podman', { ELEVENTH_OCI_ROOT: '/x' })).toEqual(['--root', '/x/podman/root', '--runroot', '/x/podman/run', '--storage-driver', 'vfs']);
    expect(storageArgs('buildah', { ELEVENTH_OCI_ROOT: '/x', ELEVENTH_OCI_DRIVER: 'overlay' })).toEqual(['--root', '/x/buildah/root', '--runroot', '/x/buildah/run', '--storage-driver', 'overlay']);
    expect(storageArgs('buildah', { CONTAINERS_STORAGE_CONF: '/etc/mine.conf' })).toEqual([]);
    expect(storageArgs('buildah', {})[1]).toBe(join(tmpdir(), `eleventh-oci-${process.getuid?.() ?? 'user'}`, 'buildah', 'root'));
  });

  it('--authfile names the Docker credential file of DOCKER_CONFIG when it exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleventh-auth-'));
    try {
      expect(authArgs({ DOCKER_CONFIG: dir })).toEqual([]);
      writeFileSync(join(dir, 'config.json'), '{}');
      expect(authArgs({ DOCKER_CONFIG: dir })).toEqual(['--authfile', join(dir, 'config.json')]);
      expect(authArgs({})).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
