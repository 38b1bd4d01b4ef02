import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { checkHandWritten, MAX_HAND_WRITTEN_BYTES, readHandWritten, readHandWrittenIfPresent } from './read';

let root: string;
let away: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-hw-'));
  away = mkdtempSync(join(tmpdir(), 'eleventh-hw-away-'));
  mkdirSync(join(root, 'env'));
  writeFileSync(join(root, 'env/a.yaml'), 'team: a\n');
  writeFileSync(join(away, 'b.yaml'), 'team: b\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(away, { recursive: true, force: true });
});

const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('readHandWritten', () => {
  it('reads a regular file, and a symlink that stays inside the repository', () => {
    symlinkSync('a.yaml', join(root, 'env/link.yaml'));
    expect(readHandWritten(root, 'env/a.yaml')).toBe('team: a\n');
    expect(readHandWritten(root, 'env/link.yaml')).toBe('team: a\n');
  });

  it('a missing file is undefined when optional, a ConfigError when required', () => {
    expect(readHandWrittenIfPresent(root, 'env/none.yaml')).toBeUndefined();
    expect(message(() => readHandWritten(root, 'env/none.yaml'))).toBe('env/none.yaml: cannot read file (ENOENT) (expected a readable file)');
  });

  it('refuses a symlinked file, or a symlinked folder above it, that leaves the repository', () => {
    symlinkSync(join(away, 'b.yaml'), join(root, 'env/out.yaml'));
    symlinkSync(away, join(root, 'linked'));
    expect(message(() => readHandWritten(root, 'env/out.yaml'))).toMatch(/^env\/out\.yaml: resolves to '.*b\.yaml', outside the repository \(a symlink\)/);
    expect(message(() => readHandWritten(root, 'linked/b.yaml'))).toMatch(/^linked\/b\.yaml: resolves to '.*b\.yaml', outside the repository/);
  });

  it('refuses a folder and a FIFO without reading them (a FIFO would block)', () => {
    mkdirSync(join(root, 'env/dir.yaml'));
    execFileSync('mkfifo', [join(root, 'env/pipe.yaml')]);
    expect(message(() => readHandWritten(root, 'env/dir.yaml'))).toBe('env/dir.yaml: is a folder (expected a file)');
    expect(message(() => checkHandWritten(root, 'env/pipe.yaml'))).toBe('env/pipe.yaml: is a named pipe (FIFO) (expected a file)');
  });

  it('a file where a folder of the path must be is named', () => {
    expect(message(() => readHandWritten(root, 'env/a.yaml/overrides.yaml'))).toBe('env/a.yaml/overrides.yaml: a file sits where a folder of this path must be (expected folders down to the file; move the file away)');
  });

  it('1 MiB is accepted, one byte more is refused; a larger limit can be asked for', () => {
    writeFileSync(join(root, 'env/max.yaml'), 'x'.repeat(MAX_HAND_WRITTEN_BYTES));
    writeFileSync(join(root, 'env/big.yaml'), 'x'.repeat(MAX_HAND_WRITTEN_BYTES + 1));
    expect(readHandWritten(root, 'env/max.yaml')).toHaveLength(MAX_HAND_WRITTEN_BYTES);
    expect(message(() => readHandWritten(root, 'env/big.yaml'))).toBe('env/big.yaml: is 1.0 MiB, over the 1 MiB limit for this file (expected at most 1 MiB)');
    expect(readHandWritten(root, 'env/big.yaml', { maxBytes: 2 * MAX_HAND_WRITTEN_BYTES })).toHaveLength(MAX_HAND_WRITTEN_BYTES + 1);
  });

  it('refuses bytes that are not UTF-8', () => {
    writeFileSync(join(root, 'env/bin.yaml'), Buffer.from([0x61, 0xff, 0xfe]));
    expect(message(() => readHandWritten(root, 'env/bin.yaml'))).toBe('env/bin.yaml: is not UTF-8 text (binary data?) (expected a UTF-8 text file)');
  });
});
