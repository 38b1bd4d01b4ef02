/** Turn a Plan into disk changes: compare first, write only what changed (temporary name + rename), prune. */
import { planWrites, applyPlan, describePlan, type WritePlan } from '../write';
import type { Plan } from './plan';
import { timed } from '../timing';
import { tracked } from '../progress';
import type { WorkTreeState } from './worktree';
import { BLOBS_FROM, committedBlobs, type PreparedWrite } from './write-plans';

/**
 * The run's write plan: the one planRun prepared environment by environment (engine/write-plans.ts), or one
 * made now. Kept service folders (unchanged manifests) are skipped whole: not read, not compared, not pruned.
 */
export function writePlanFor(root: string, plan: Pick<Plan, 'files' | 'scopeDirs' | 'kept'> & { readonly workTree?: WorkTreeState; readonly prepared?: PreparedWrite }): WritePlan {
  if (plan.prepared) {
    if ('error' in plan.prepared) throw plan.prepared.error;
    return plan.prepared.plan;
  }
  return timed('write: plan', () => {
    // A desired file whose blob id is the committed, unmodified one is not read (a full render compares 80,000 files).
    const cleanBlob = plan.workTree && plan.files.size >= BLOBS_FROM ? committedBlobs(root, plan.scopeDirs, plan.workTree) : undefined;
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
