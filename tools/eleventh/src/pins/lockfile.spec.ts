import { describe, expect, it } from 'vitest';
import { lockfile, LOCKED } from '../testing/fixture';
import { lockedVersions } from './lockfile';

describe('lockedVersions', () => {
  it('reads hoisted versions from a v3 lockfile and skips nested copies', () => {
    const lock = JSON.parse(lockfile(LOCKED));
    lock.packages['node_modules/@scope/pkg'] = { version: '1.0.0' };
    lock.packages['node_modules/other/node_modules/zod'] = { version: '1.0.0' };
    const versions = lockedVersions(JSON.stringify(lock));
    expect(Object.fromEntries(versions)).toEqual({ '@scope/pkg': '1.0.0', ms: '2.1.3', zod: '3.23.8' });
  });

  it('reads a v1 lockfile', () => {
    expect(Object.fromEntries(lockedVersions(JSON.stringify({ dependencies: { ms: { version: '2.0.0' } } })))).toEqual({ ms: '2.0.0' });
  });

  it('treats an unreadable lockfile as empty', () => {
    expect(lockedVersions('<<<<<<< conflict').size).toBe(0);
  });
});
