/**
 * Loads the Nx project graph of the workspace at `root` in a child process (Nx fixes its workspace root
 * from the cwd when first imported, so one process cannot serve two workspaces) and derives each
 * service's image inputs from it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { timed } from '../timing';
import { heapGrowingArgs } from '../heap-growing';
import { undoOnSignal } from '../signal-cleanup';
import { join, resolve as resolvePath } from 'node:path';
import { GraphError } from './errors';
import { graphInputs, type GraphInputs, type ServiceInputs } from './inputs';
import type { RawGraph } from './raw-graph';

export type { ExternalPackage, GraphInputs, ServiceInputs } from './inputs';

const WORKER = join(__dirname, __filename.endsWith('.ts') ? 'graph-worker.ts' : 'graph-worker.js');

/**
 * V8's young generation of the graph process, in MiB per semi-space (Node's default is 16). Nx builds data that
 * lives until the graph is printed, and a large young generation copies it between semi-spaces before it is
 * promoted: at 5,000 services, 1 MiB made the process 2–3 s faster (5.2–6.0 s against 7.4–9.3 s, three runs each)
 * and ~100 MiB smaller (256–261 MiB against 355–366 MiB); on the example it changes nothing measurable.
 */
const GRAPH_SEMI_SPACE_MB = 1;

/** From the TypeScript sources, through the engine's own loader: its transpile cache is on disk (@swc-node/register's is not, ~0.7 s a run). */
export function workerArgs(): string[] {
  // And the heap's growth past its live size as the CLI's own (heap-growing.ts): ~40 MiB less at 5,000 services.
  const heap = [`--max-semi-space-size=${GRAPH_SEMI_SPACE_MB}`, ...heapGrowingArgs()];
  if (!__filename.endsWith('.ts')) return [...heap, WORKER];
  return [...heap, '-r', join(__dirname, '..', 'register.js'), WORKER];
}

/** Nx variables that name another workspace's root or caches (e.g. when run inside an Nx task) are dropped. */
const WORKSPACE_VARS = ['NX_WORKSPACE_DATA_DIRECTORY', 'NX_PROJECT_GRAPH_CACHE_DIRECTORY', 'NX_CACHE_DIRECTORY'];

export function workerEnv(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_ISOLATE_PLUGINS: 'false' };
  const absolute = resolvePath(root);
  for (const name of WORKSPACE_VARS) {
    const value = env[name];
    if (value && !resolvePath(absolute, value).startsWith(`${absolute}/`)) delete env[name];
  }
  env.NX_WORKSPACE_ROOT_PATH = absolute;
  return env;
}

/** Workers still running: a run that ends early (bad input found meanwhile) stops them, see stopGraphWorkers. */
const running = new Set<ChildProcess>();

/**
 * Kill graph workers still running. The CLI calls this when a command has finished: a config error found
 * while Nx builds the graph must not wait for it (Nx hashes every file — one symlinked to /dev/zero never ends).
 */
export function stopGraphWorkers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  prestarted.clear();
}

/** Graphs started before the command knew it needed one (prestartGraph), by root; each is taken once. */
const prestarted = new Map<string, Promise<RawGraph>>();

/**
 * Start the graph worker for `root` now, before the engine's own modules have loaded: the command that needs
 * it takes it over (loadRawGraph), so Nx's seconds overlap with the engine's start-up. A command that ends
 * without taking it stops it with the others (stopGraphWorkers).
 */
export function prestartGraph(root: string): void {
  if (prestarted.has(root)) return;
  const graph = spawnWorker(root);
  graph.catch(() => undefined); // reported where it is taken
  prestarted.set(root, graph);
}

/** Run graph-worker.ts with cwd = `root` and parse the JSON it prints (or take the one prestarted for it). */
export function loadRawGraph(root: string): Promise<RawGraph> {
  const early = prestarted.get(root);
  prestarted.delete(root);
  return early ?? spawnWorker(root);
}

/** Each graph process is timed (`nx graph (process)`): a command that builds the graph twice shows it twice. */
function spawnWorker(root: string): Promise<RawGraph> {
  return timed('nx graph (process)', () => graphProcess(root));
}

function graphProcess(root: string): Promise<RawGraph> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, workerArgs(), {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: workerEnv(root),
    });
    running.add(child);
    // A signal that ends the run stops the graph process too (signal-cleanup.ts): it would hash on, unwatched.
    const done = undoOnSignal(() => child.kill('SIGKILL'));
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e) => (done(), reject(new GraphError(root, e.message))));
    child.on('close', (code) => {
      running.delete(child);
      done();
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) return reject(new GraphError(root, stderr || `graph worker exited ${code}`));
      try {
        resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as RawGraph);
      } catch (e) {
        reject(new GraphError(root, `unreadable graph output: ${(e as Error).message}\n${stderr}`));
      }
    });
  });
}

/** The graph as pin computation needs it: services' inputs plus every project's root. */
export async function loadGraphInputs(root: string): Promise<GraphInputs> {
  return graphInputs(await loadRawGraph(root));
}

/** Every service's image inputs, sorted by name. */
export async function loadServiceInputs(root: string): Promise<ServiceInputs[]> {
  return [...(await loadGraphInputs(root)).services];
}
