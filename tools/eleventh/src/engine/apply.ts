/** Turn a Plan into disk changes: compare first, write only what changed (temporary name + rename), prune. */
import { planWrites, applyPlan, describePlan, type WritePlan } from '../write';
import type { Plan } from './plan';
import { timed } from '../timing';
import { tracked } from '../progress';

/** Kept service folders (unchanged manifests) are skipped whole: not read, not compared, not pruned. */
export function writePlanFor(root: string, plan: Pick<Plan, 'files' | 'scopeDirs' | 'kept'>): WritePlan {
  return timed('write: plan', () => planWrites(root, plan.files, { dirs: plan.scopeDirs, skipDir: (dir) => plan.kept.has(dir) }));
}

export function changedPaths(wp: WritePlan): string[] {
  return describePlan(wp);
}

export async function apply(root: string, wp: WritePlan): Promise<void> {
  const total = wp.create.length + wp.update.length;
  if (total === 0) return void (await timed('write: apply', () => applyPlan(root, wp)));
  await timed('write: apply', () => tracked('writing files', total, (p) => applyPlan(root, wp, { beforeRename: () => p.tick() })));
}
