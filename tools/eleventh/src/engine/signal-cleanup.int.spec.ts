/**
 * A signal that ends a run before it writes (a cancelled CI job) leaves nothing behind (signal-cleanup.ts):
 * the temporary folder a promoted environment's release sources were read into is removed, the Nx graph
 * process is stopped, nothing is written, and the process ends as the signal would have. The release's
 * deploy.ts spends 2.5 s loading, so the signal lands while that folder exists.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { CLI, createExampleRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';

let repo: ExampleRepo;
let tmp: string;
const DEPLOY = 'services/payments-api/deploy.ts';
const commitAll = (message: string): void => {
  git(['add', '--all'], { cwd: repo.root });
  git(['commit', '--quiet', '-m', message], { cwd: repo.root });
};

beforeAll(() => {
  repo = createExampleRepo('eleventh-signal-');
  tmp = mkdtempSync(join(tmpdir(), 'eleventh-signal-tmp-'));
  const original = readFileSync(join(repo.root, DEPLOY), 'utf8');
  appendFileSync(join(repo.root, DEPLOY), '\nconst until = Date.now() + 2500;\nwhile (Date.now() < until) {\n  // a slow load\n}\n');
  commitAll('payments-api: a deploy.ts that loads slowly');
  const first = runEleventh(repo.root, ['recipe'], { ELEVENTH_RENDER_THREADS: '0' });
  if (first.status !== 0) throw new Error(first.stderr);
  commitAll('environments: first recipe (preprod and prod seeded from this commit)');
  writeFileSync(join(repo.root, DEPLOY), original);
  commitAll('payments-api: loads at once again (preprod and prod still render the slow one)');
}, 120_000);
afterAll(() => {
  repo.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

const sourceFolders = (): string[] => readdirSync(tmp).filter((n) => n.startsWith('eleventh-src-'));

/** Processes whose working directory is the repository (the Nx graph process runs there). */
function processesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)
    .filter((p) => {
      try {
        return readlinkSync(`/proc/${p}/cwd`) === dir;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('a signal during a render', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s: the release sources folder is removed, Nx stopped, nothing written, the signal ends the process', async (signal) => {
    const child = spawn(process.execPath, [CLI, 'render'], { cwd: repo.root, env: { ...process.env, TMPDIR: tmp, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ELEVENTH_RENDER_THREADS: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    const deadline = Date.now() + 60_000;
    while (sourceFolders().length === 0 && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(sourceFolders(), `no release sources folder appeared; stderr: ${stderr}`).not.toHaveLength(0);
    child.kill(signal);
    const end = await ended;
    expect(end, stderr).toEqual({ code: null, signal });
    expect(sourceFolders()).toEqual([]);
    await new Promise((r) => setTimeout(r, 200)); // SIGKILL reaped
    expect(processesIn(repo.root)).toEqual([]);
    expect(git(['status', '--porcelain', '--untracked-files=all'], { cwd: repo.root }).stdout).toBe('');
  }, 90_000);

  it('a render left alone still finishes, and removes its folder as before', () => {
    const res = runEleventh(repo.root, ['render'], { TMPDIR: tmp, ELEVENTH_RENDER_THREADS: '0' });
    expect(res.status, res.stderr).toBe(0);
    expect(sourceFolders()).toEqual([]);
  }, 90_000);
});

describe('a signal while a plan is written', () => {
  it('waits for the write (its own watch), then runs the undos and ends the process as the signal would', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleventh-signal-write-'));
    try {
      const script = join(dir, 'script.ts');
      const src = join(__dirname, '..');
      writeFileSync(
        script,
        [
          "import { existsSync, writeFileSync } from 'node:fs';",
          `import { undoOnSignal } from ${JSON.stringify(join(src, 'signal-cleanup'))};`,
          `import { InterruptWatch } from ${JSON.stringify(join(src, 'write', 'interrupt'))};`,
          `const at = (name: string) => ${JSON.stringify(dir)} + '/' + name;`,
          "undoOnSignal(() => writeFileSync(at(existsSync(at('alive-during-write')) ? 'undone-after-write' : 'undone-during-write'), 'yes'));",
          'const watch = new InterruptWatch();',
          "process.kill(process.pid, 'SIGTERM');",
          'setTimeout(() => {',
          "  writeFileSync(at('alive-during-write'), 'yes');",
          '  void watch.stop(true);',
          '}, 200);',
          "setTimeout(() => writeFileSync(at('outlived'), 'yes'), 5000);",
        ].join('\n'),
      );
      const res = spawnSync(process.execPath, ['-r', join(src, 'register.js'), script], { encoding: 'utf8' });
      expect(res.signal, res.stderr).toBe('SIGTERM');
      expect(readdirSync(dir).sort()).toEqual(['alive-during-write', 'script.ts', 'undone-after-write']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
