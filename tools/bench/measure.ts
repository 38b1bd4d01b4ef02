/**
 * Run one command as a child process and measure it: wall time, CPU time and peak memory.
 * Memory comes from two sources: GNU `/usr/bin/time -v` (the largest single process of the tree) and
 * polling /proc every 50 ms for every process of the tree. At each poll the live processes' VmHWM (each
 * one's own peak so far) are summed; the largest such sum bounds what the tree held at once, Nx's graph
 * worker and git children included. The sum of every process's peak over the whole run is kept too: it
 * also adds up processes that never lived at the same time (hundreds of short git calls, one after another).
 * Output goes to files, not pipes: `nx show projects` exits before a pipe drains and loses lines.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  readonly command: string;
  readonly exitCode: number | null;
  /** True when the run exceeded the time limit and the bench killed its process tree. */
  readonly timedOut: boolean;
  readonly wallSeconds: number;
  /** User + system CPU seconds of the tree (from /usr/bin/time), when available. */
  readonly cpuSeconds?: number;
  /** Peak RSS of the largest single process (/usr/bin/time), MiB. */
  readonly maxProcessMiB?: number;
  /** The tree's peak: the largest sum, over one poll, of the live processes' own peaks (VmHWM), MiB. */
  readonly treePeakMiB: number;
  /** Every process's own peak added up over the run, whether or not they lived at once, MiB (the figure before 2026-12-03). */
  readonly sumOfPeaksMiB: number;
  readonly stdout: string;
  readonly stderr: string;
  /** `eleventh: timing <phase> <ms>` lines from stderr, in order. */
  readonly timings: ReadonlyArray<readonly [phase: string, ms: number]>;
}

const GNU_TIME = '/usr/bin/time';

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended between readdir and read
    }
  }
  return byParent;
}

function hwmKiB(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Record each live descendant's VmHWM (processes keep their largest value seen); returns this poll's sum over the live ones. */
function sample(root: number, peaks: Map<number, number>): number {
  const byParent = children();
  const queue = [root];
  let live = 0;
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const hwm = hwmKiB(pid);
    live += hwm;
    peaks.set(pid, Math.max(peaks.get(pid) ?? 0, hwm));
    queue.push(...(byParent.get(pid) ?? []));
  }
  return live;
}

function parseGnuTime(path: string): { cpu?: number; maxKiB?: number } {
  if (!existsSync(path)) return {};
  const text = readFileSync(path, 'utf8');
  const num = (re: RegExp): number | undefined => {
    const m = re.exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const user = num(/User time \(seconds\): ([\d.]+)/);
  const sys = num(/System time \(seconds\): ([\d.]+)/);
  return { cpu: user !== undefined && sys !== undefined ? user + sys : undefined, maxKiB: num(/Maximum resident set size \(kbytes\): (\d+)/) };
}

export function parseTimings(stderr: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const m of stderr.matchAll(/^eleventh: timing (.+) (\d+(?:\.\d+)?)$/gm)) out.push([m[1], Number(m[2])]);
  return out;
}

/** Per-command limit: a hung child is killed (its whole tree, as sampled) after this many seconds. */
const LIMIT_SECONDS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 600);

function killTree(pids: Iterable<number>): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** Run `argv` in `cwd` with `env` added to this process's environment. */
export async function measure(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Measurement> {
  const scratch = mkdtempSync(join(tmpdir(), 'eleventh-bench-'));
  const timeFile = join(scratch, 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const [cmd, ...args] = useTime ? [GNU_TIME, '-v', '-o', timeFile, ...argv] : argv;
  const outFd = openSync(join(scratch, 'stdout'), 'w');
  const errFd = openSync(join(scratch, 'stderr'), 'w');
  const started = performance.now();
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', outFd, errFd] });
  const peaks = new Map<number, number>();
  let atOnceKiB = 0;
  const timer = setInterval(() => {
    if (child.pid) atOnceKiB = Math.max(atOnceKiB, sample(child.pid, peaks));
  }, 50);
  let timedOut = false;
  const limit = setTimeout(() => {
    timedOut = true;
    killTree([...peaks.keys()].reverse());
  }, LIMIT_SECONDS * 1000);
  const exitCode = await new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  clearTimeout(limit);
  const gnu = parseGnuTime(timeFile);
  closeSync(outFd);
  closeSync(errFd);
  const stdout = readFileSync(join(scratch, 'stdout'), 'utf8');
  const stderr = readFileSync(join(scratch, 'stderr'), 'utf8');
  rmSync(scratch, { recursive: true, force: true });
  const treeKiB = [...peaks.values()].reduce((a, b) => a + b, 0);
  return {
    command: argv.join(' '),
    exitCode,
    timedOut,
    wallSeconds,
    cpuSeconds: gnu.cpu,
    maxProcessMiB: gnu.maxKiB !== undefined ? gnu.maxKiB / 1024 : undefined,
    treePeakMiB: Math.max(atOnceKiB, gnu.maxKiB ?? 0) / 1024,
    sumOfPeaksMiB: Math.max(treeKiB, gnu.maxKiB ?? 0) / 1024,
    stdout,
    stderr,
    timings: parseTimings(stderr),
  };
}
