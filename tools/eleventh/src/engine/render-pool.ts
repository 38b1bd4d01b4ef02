/**
 * Rendering thousands of services is CPU work: a pool of worker threads renders chunks of each environment
 * at once (a 5,000-service first run renders 15,000 service-environments). Each worker loads the config
 * (reading only the overrides.yaml files the main thread's scan found: shareScan), the kit and the deploy.ts
 * files of its own chunks; results come back as files and recipe entries and are
 * merged in service order, so the output is byte-identical to rendering in-process. Small runs stay
 * in-process. ELEVENTH_RENDER_THREADS: 0 = never, N = always N workers.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { fromWire, type WireError } from '../errors';
import type { RecipeEntry } from '../model';
import type { FileMap } from '../render/files';
import type { Phase } from '../progress';
import { renderEnvServices, type EnvServicesInput, type EnvServicesResult } from './services-env';
import { StepBoard } from '../load/supervision';
import { timeoutError } from '../load/contain';
import { deployTimeout } from '../load/deploy-timeout';
import type { PassedEntry } from '../load/typecheck';
import type { HeaderEntry } from '../load/services';
import { recordChecks, type ChecksRecord } from './passed-checks';
import { thisMachine, workerCount, type Machine } from './pool-size';

type TaskInput = Omit<EnvServicesInput, 'config' | 'kit'>;

export interface RenderTask {
  readonly id: number;
  readonly sourceRoot: string;
  readonly input: TaskInput;
}

/** Type-check and load deploy.ts files before the run needs them (engine/warm-up.ts). */
export interface WarmTask {
  readonly id: number;
  readonly warm: { readonly root: string; readonly files: readonly string[] };
}

/** The overrides.yaml files the run's config found under `root`: a worker's config reads those alone. */
export interface ScanHint {
  readonly hint: { readonly root: string; readonly overrides: readonly string[] };
}

export interface Warmed {
  readonly passed: readonly PassedEntry[];
  readonly headers: readonly HeaderEntry[];
}

export interface RenderReply {
  readonly id: number;
  readonly result?: { files: Array<[string, string]>; entries: Record<string, RecipeEntry>; kept: string[]; rendered: string[]; objects: EnvServicesResult['objects']; checks: ChecksRecord };
  readonly warmed?: Warmed;
  readonly error?: WireError;
}

/** A render asked of a pool that has been closed (the run ended, with an error, before taking it). */
export class PoolClosedError extends Error {
  constructor() {
    super('render pool closed');
  }
}

/** Below this many service renders in one run, threads cost more than they save. */
const MIN_RENDERS = 1500;
/** Services per task: small enough to balance, large enough to amortise the messages. */
export const CHUNK = 500;

export class RenderPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (r: RenderReply) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private closed = false;

  private readonly boards: StepBoard[] = [];
  private readonly hints = new Map<string, ScanHint>();
  private readonly watch: NodeJS.Timeout;

  constructor(readonly size: number) {
    this.workers = Array.from({ length: size }, (_, i) => this.spawn(i));
    // The workers' deploy.ts steps run without a watchdog of their own: one that overruns ends its worker.
    const { ms } = deployTimeout();
    this.watch = setInterval(() => this.checkSteps(ms), Math.min(250, ms)).unref();
  }

  private spawn(i: number): Worker {
    const board = new StepBoard();
    this.boards[i] = board;
    const worker = new Worker(join(__dirname, 'render-worker.js'), { workerData: { board: board.buffer } });
    worker.on('message', (reply: RenderReply) => {
      this.waiting.get(reply.id)?.resolve(reply);
      this.waiting.delete(reply.id);
    });
    worker.on('error', (err) => this.failAll(err));
    for (const hint of this.hints.values()) worker.postMessage(hint);
    return worker;
  }

  /**
   * A step that overruns ends its worker and fails what is waiting. A fresh worker takes the ended one's
   * place: a warm-up that met a hanging deploy.ts leaves the run its pool (the run's own load of that file
   * then reports the hang).
   */
  private checkSteps(ms: number): void {
    this.boards.forEach((board, i) => {
      const late = board.overdue(ms);
      if (!late) return;
      board.end();
      void this.workers[i].terminate();
      this.failAll(timeoutError(late.deployFile, late.step));
      this.workers[i] = this.spawn(i);
    });
  }

  /**
   * Tell every worker (and any that replaces one) which overrides.yaml files the run's config found under
   * `root`, before it renders from there: its own config then reads only those (config/load.ts LoadOptions).
   * Messages to a worker arrive in order, so every render task sent after this sees it.
   */
  shareScan(root: string, overrides: readonly string[]): void {
    if (this.hints.has(root)) return;
    const hint: ScanHint = { hint: { root, overrides: [...overrides] } };
    this.hints.set(root, hint);
    for (const w of this.workers) w.postMessage(hint);
  }

  /** Have worker `worker` type-check and load `files` of `root` (engine/warm-up.ts). */
  warm(worker: number, root: string, files: readonly string[]): Promise<Warmed | undefined> {
    const id = this.nextId++;
    return new Promise<RenderReply>((resolve, reject) => {
      if (this.closed) return reject(new PoolClosedError());
      this.waiting.set(id, { resolve, reject });
      this.workers[worker % this.size].postMessage({ id, warm: { root, files } } satisfies WarmTask);
    }).then((reply) => reply.warmed);
  }

  /** The pool a run should use for about `renders` service renders, or undefined to render in-process. */
  static forRun(renders: number, machine: Machine = thisMachine()): RenderPool | undefined {
    const setting = process.env.ELEVENTH_RENDER_THREADS;
    if (setting !== undefined && setting !== '') return Number(setting) > 0 ? new RenderPool(Number(setting)) : undefined;
    const size = workerCount(machine);
    return renders >= MIN_RENDERS && size > 0 ? new RenderPool(size) : undefined;
  }

  /** The pool a warm-up starts before the run knows how much it renders (the run then renders with it); none when the machine affords no worker. */
  static forWarmUp(machine: Machine = thisMachine()): RenderPool | undefined {
    const setting = Number(process.env.ELEVENTH_RENDER_THREADS || '0');
    if (setting > 0) return new RenderPool(setting);
    const size = workerCount(machine);
    return size > 0 ? new RenderPool(size) : undefined;
  }

  run(worker: number, sourceRoot: string, input: TaskInput): Promise<RenderReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new PoolClosedError());
      this.waiting.set(id, { resolve, reject });
      this.workers[worker % this.size].postMessage({ id, sourceRoot, input } satisfies RenderTask);
    });
  }

  /** End the workers; what still waits for one (a render the run no longer takes) fails with PoolClosedError. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watch);
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.failAll(new PoolClosedError());
  }

  private failAll(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }
}

/**
 * Render one environment's services into `files`: through `pool` in chunks when there is one, in-process
 * otherwise. Chunk k of every environment goes to the same worker, so each worker loads only its share of
 * the deploy.ts files.
 */
export async function renderServices(pool: RenderPool | undefined, input: EnvServicesInput, files: FileMap, progress?: Phase): Promise<EnvServicesResult> {
  if (!pool) {
    const out = renderEnvServices(input, files, progress && (() => progress.tick()));
    recordChecks(out.checks);
    return out;
  }
  const { config: _config, kit: _kit, ...plain } = input;
  const chunks: Array<EnvServicesInput['services']> = [];
  for (let i = 0; i < input.services.length; i += CHUNK) chunks.push(input.services.slice(i, i + CHUNK));
  const replies = await Promise.all(chunks.map((services, k) => pool.run(k, input.sourceRoot, { ...plain, services }).then((r) => (progress?.tick(services.length), r))));
  const merged: EnvServicesResult = { entries: {}, kept: [], rendered: [], objects: [], checks: { used: [], fresh: [] } };
  for (const reply of replies) {
    if (reply.error) throw fromWire(reply.error);
    const r = reply.result!;
    for (const [path, content] of r.files) files.set(path, content);
    Object.assign(merged.entries, r.entries);
    merged.kept.push(...r.kept);
    merged.rendered.push(...r.rendered);
    merged.objects.push(...r.objects);
    merged.checks.used.push(...r.checks.used);
    merged.checks.fresh.push(...r.checks.fresh);
  }
  recordChecks(merged.checks);
  return merged;
}
