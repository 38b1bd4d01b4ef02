import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitText } from '../git/run';
import { bumpLockedVersion, commitFiles, createFixtureRepo, headSha, removeService, type FixtureRepo } from './fixture';

describe('createFixtureRepo', () => {
  let repo: FixtureRepo | undefined;
  afterEach(() => repo?.cleanup());

  it('makes a committed, clean workspace with the runtime library, services and linked node_modules', () => {
    repo = createFixtureRepo({ services: [{ name: 'api', namespace: 'payments', imports: ['@acme/runtime', 'zod'] }] });
    const { root } = repo;
    expect(headSha(root)).toBe(repo.initial);
    expect(headSha(root)).toMatch(/^[0-9a-f]{40}$/);
    expect(gitText(['status', '--porcelain'], { cwd: root })).toBe('');
    expect(lstatSync(join(root, 'node_modules')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'services/api/deploy.ts'), 'utf8')).toContain('"namespace":"payments"');
    expect(readFileSync(join(root, 'services/api/src/main.ts'), 'utf8')).toContain("from '@acme/runtime'");
    const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
    expect(tsconfig.compilerOptions.paths['@acme/runtime']).toEqual(['services/shared/runtime/src/index.ts']);
    const nx = JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8'));
    expect(nx.pluginsConfig['@nx/js'].analyzeSourceFiles).toBe(true);
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages['node_modules/zod'].version).toBe('3.23.8');
    expect(existsSync(join(root, 'platform'))).toBe(false);
  });

  it('copies platform/ when asked and maps @eleventh/platform to it', () => {
    repo = createFixtureRepo({ platform: true });
    expect(existsSync(join(repo.root, 'platform/src/index.ts'))).toBe(true);
    expect(existsSync(join(repo.root, 'platform/node_modules'))).toBe(false);
    const tsconfig = JSON.parse(readFileSync(join(repo.root, 'tsconfig.base.json'), 'utf8'));
    expect(tsconfig.compilerOptions.paths['@eleventh/platform']).toEqual(['platform/src/index.ts']);
  });

  it('commits files, lockfile bumps and service removals, each returning the new HEAD', () => {
    repo = createFixtureRepo({ services: [{ name: 'api' }, { name: 'web' }] });
    const { root } = repo;
    const a = commitFiles(root, { 'services/api/src/x.ts': 'export const x = 1;\n' }, 'add x');
    expect(gitText(['log', '-1', '--format=%s'], { cwd: root })).toBe('add x');
    const b = bumpLockedVersion(root, 'ms', '2.1.2');
    expect(JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages['node_modules/ms'].version).toBe('2.1.2');
    const c = removeService(root, 'web');
    expect(existsSync(join(root, 'services/web'))).toBe(false);
    expect(new Set([repo.initial, a, b, c]).size).toBe(4);
    expect(headSha(root)).toBe(c);
    expect(() => bumpLockedVersion(root, 'left-pad', '1.0.0')).toThrow(/no entry 'node_modules\/left-pad'/);
  });
});
