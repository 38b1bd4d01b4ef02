/**
 * A run that has settled ends even when something it loaded keeps the process open (Nx's WebAssembly fallback
 * when npm left out its native binary kept `eleventh new` open for good): a real CLI with a real open handle.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/eleventh.js');
const dir = mkdtempSync(join(tmpdir(), 'eleventh-linger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a settled run that something holds open', () => {
  it('ends 30 s later with the run’s own exit code, and says why', () => {
    const keep = join(dir, 'keep-open.js');
    writeFileSync(keep, 'setInterval(() => {}, 1000);\n');
    const res = spawnSync(process.execPath, ['-r', keep, BIN, 'no-such-command'], { cwd: dir, encoding: 'utf8', timeout: 90_000 });
    expect(res.signal).toBeNull(); // not killed by the spawn's timeout
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("unknown command 'no-such-command'");
    expect(res.stderr).toContain('eleventh: the run finished 30 s ago but something it loaded still held the process open');
  }, 120_000);
});
