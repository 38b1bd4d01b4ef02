/**
 * A signal in the middle of a write (Ctrl-C, a cancelled CI job) puts back everything: a real child process
 * applies a real plan of 700 replaced files (more than one batch after the signal) and signals itself from the rename hook.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATED_HEADER } from '../model';
import { pathList } from '../testing/path-list';
import { treeDigest } from '../testing/tree-digest';

const SRC = resolve(__dirname, '..');
const FILES = 700;
const file = (i: number): string => `environments/staging/ns/svc-${String(i).padStart(4, '0')}/deployment.yaml`;
let root: string;

/** Apply a plan replacing every file; the rename hook sends `signal` to the child itself before rename number `at`. */
const DRIVER = `
require(${JSON.stringify(join(SRC, 'register.js'))});
const { planWrites, applyPlan } = require(${JSON.stringify(join(SRC, 'write'))});
const { ElevenError } = require(${JSON.stringify(join(SRC, 'errors'))});
const [root, files, signal, at] = [process.env.ROOT, Number(process.env.FILES), process.env.SIGNAL, Number(process.env.AT)];
const desired = new Map();
for (let i = 0; i < files; i++) desired.set(\`environments/staging/ns/svc-\${String(i).padStart(4, '0')}/deployment.yaml\`, ${JSON.stringify(GENERATED_HEADER)} + '\\nkind: Deployment\\nspec: {replicas: 3}\\n');
let renames = 0;
applyPlan(root, planWrites(root, desired, { dirs: ['environments/staging'] }), { beforeRename: () => { if (++renames === at) process.kill(process.pid, signal); } }).then(
  () => process.stdout.write('written\\n'),
  (err) => { if (!(err instanceof ElevenError)) throw err; process.stderr.write(err.report() + '\\n'); process.exitCode = err.exitCode; },
);
`;

function run(signal: string, at: number): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, ['-e', DRIVER], { env: { ...process.env, ROOT: root, FILES: String(FILES), SIGNAL: signal, AT: String(at) }, encoding: 'utf8', timeout: 120_000 });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-interrupt-'));
  mkdirSync(join(root, 'environments/staging/ns'), { recursive: true });
  writeFileSync(join(root, 'environments/staging/environment.yaml'), 'registry: r\n');
  for (let i = 0; i < FILES; i++) {
    mkdirSync(dirname(join(root, file(i))), { recursive: true });
    writeFileSync(join(root, file(i)), `${GENERATED_HEADER}\nkind: Deployment\n`);
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a signal while a plan is applied', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('%s between two renames puts every file back and exits %i', (signal, code) => {
    const before = treeDigest(root);
    const paths = pathList(root);
    const r = run(signal, 10);
    expect(r.stderr).toMatch(new RegExp(`^interrupted by ${signal} while writing: every file was put back, nothing was written`));
    expect(r.status).toBe(code);
    expect(r.stdout).toBe('');
    expect(pathList(root)).toEqual(paths); // no temporary file or backup link left
    expect(treeDigest(root)).toEqual(before);
  });

  it('a signal after the last rename lets the write finish, then ends the process as the signal would', () => {
    const r = run('SIGINT', FILES);
    expect(r.signal).toBe('SIGINT');
    expect(pathList(root).filter((p) => p.includes('eleventh-tmp'))).toEqual([]);
    for (let i = 0; i < FILES; i++) expect(readFileSync(join(root, file(i)), 'utf8')).toBe(`${GENERATED_HEADER}\nkind: Deployment\nspec: {replicas: 3}\n`);
    expect(r.stdout).toBe(''); // ended by the signal, before the driver's line
  });
});
