/**
 * Each environment's write plan, made as soon as that environment is rendered, not after the last one: a full
 * render's promoted environments are done while Nx still builds the graph, and comparing their 27,000 files
 * with the disk then costs the run nothing. The plans are merged into the one planWrites over every scope
 * would have made (write/plan.ts mergePlans), refusals included, and a refusal is still reported only where
 * the command asks for the plan (after the policies). The blob ids of an environment's committed files come
 * from one `git ls-tree` that does not block the main thread.
 */
import { planWrites, mergePlans, type WritePlan } from '../write';
import { listBlobs, listBlobsAsync } from '../pins/identity';
import { timed } from '../timing';
import type { FileMap } from '../render/files';
import type { WorkTreeState } from './worktree';

/** From this many desired files on, one `git ls-tree` costs less than reading the unchanged ones. */
export const BLOBS_FROM = 200;

type Blobs = ReadonlyMap<string, string>;
/** A write plan, or what planning it threw (a refusal is reported where the command asks for the plan). */
export type PreparedWrite = { readonly plan: WritePlan } | { readonly error: unknown };
type Part = PreparedWrite;

export const scopeDir = (env: string): string => `environments/${env}`;

/** The blob id of a desired file whose bytes on disk are committed and unmodified, as `git status` saw them. */
export function cleanBlobOf(blobs: Blobs, state: WorkTreeState): (rel: string) => string | undefined {
  const dirty = new Set(state.dirty);
  return (rel) => (dirty.has(rel) ? undefined : blobs.get(rel));
}

/** The committed blob ids under `dirs` at the run's HEAD (synchronously: a caller without a planner). */
export function committedBlobs(root: string, dirs: readonly string[], state: WorkTreeState): (rel: string) => string | undefined {
  return cleanBlobOf(listBlobs(root, state.head, dirs), state);
}

/** The environments' write plans of one run. */
export class WritePlanner {
  private readonly blobs = new Map<string, Promise<Blobs>>();
  private readonly parts = new Map<string, Promise<Part>>();

  constructor(private readonly root: string, private readonly state: WorkTreeState) {}

  /** Start reading `env`'s committed blob ids now (an environment rendered whole compares every file). */
  prefetch(env: string): void {
    void this.blobsOf(env).catch(() => undefined); // a failure is reported by the plan that needs it
  }

  /** Plan the write of `env`'s scope from its desired files (every generated file of it; `kept` folders skipped). */
  plan(env: string, files: FileMap, kept: ReadonlySet<string>): void {
    this.parts.set(env, this.make(env, files, kept));
  }

  /** The plans of `envs` (each planned), merged, or what the single plan over all their scopes would throw. */
  async merged(envs: readonly string[]): Promise<PreparedWrite> {
    const parts = await Promise.all(envs.map((env) => this.parts.get(env) ?? { error: new Error(`internal: ${env} was rendered without a write plan`) }));
    try {
      return { plan: timed('write: plan', () => mergePlans(parts)) };
    } catch (error) {
      return { error };
    }
  }

  private blobsOf(env: string): Promise<Blobs> {
    let blobs = this.blobs.get(env);
    if (!blobs) this.blobs.set(env, (blobs = listBlobsAsync(this.root, this.state.head, [scopeDir(env)])));
    return blobs;
  }

  private async make(env: string, files: FileMap, kept: ReadonlySet<string>): Promise<Part> {
    try {
      const blobs = files.size >= BLOBS_FROM ? await this.blobsOf(env) : undefined;
      const cleanBlob = blobs && cleanBlobOf(blobs, this.state);
      return { plan: timed(`write: plan ${env}`, () => planWrites(this.root, files, { dirs: [scopeDir(env)], skipDir: (dir) => kept.has(dir), ...(cleanBlob ? { cleanBlob } : {}) })) };
    } catch (error) {
      return { error };
    }
  }
}
