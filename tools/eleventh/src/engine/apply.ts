/** Turn a Plan into disk changes: compare first, write only what changed (temporary name + rename), prune. */
import { planWrites, applyPlan, describePlan, type WritePlan } from '../write';
import type { Plan } from './plan';
import { timed } from '../timing';
import { tracked } from '../progress';
import { listBlobs } from '../pins/identity';
import type { WorkTreeState } from './worktree';

/** From this many desired files on, one `git ls-tree` costs less than reading the unchanged ones. */
const BLOBS_FROM = 200;

/**
 * The blob ids of the scope's committed files that the run's `git status` saw unmodified: a desired file
 * with the same blob id is not read to be compared (a full render at 5,000 services compares 80,000 files).
 */
function cleanBlobs(root: string, dirs: readonly string[], state: WorkTreeState): (rel: string) => string | undefined {
  const blobs = listBlobs(root, state.head, dirs);
  const dirty = new Set(state.dirty);
  return (rel) => (dirty.has(rel) ? undefined : blobs.get(rel));
}

/** Kept service folders (unchanged manifests) are skipped whole: not read, not compared, not pruned. */
export function writePlanFor(root: string, plan: Pick<Plan, 'files' | 'scopeDirs' | 'kept'> & { readonly workTree?: WorkTreeState }): WritePlan {
  return timed('write: plan', () => {
    const cleanBlob = plan.workTree && plan.files.size >= BLOBS_FROM ? cleanBlobs(root, plan.scopeDirs, plan.workTree) : undefined;
    return planWrites(root, plan.files, { dirs: plan.scopeDirs, skipDir: (dir) => plan.kept.has(dir), ...(cleanBlob ? { cleanBlob } : {}) });
  });
}

export function changedPaths(wp: WritePlan): string[] {
  return describePlan(wp);
}

export async function apply(root: string, wp: WritePlan): Promise<void> {
  const total = wp.create.length + wp.update.length;
  if (total === 0) return void (await timed('write: apply', () => applyPlan(root, wp)));
  await timed('write: apply', () => tracked('writing files', total, (p) => applyPlan(root, wp, { beforeRename: () => p.tick() })));
}
