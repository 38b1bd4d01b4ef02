/** Turn a Plan into disk changes: compare first, write only what changed (temporary name + rename), prune. */
import { planWrites, applyPlan, describePlan, type WritePlan } from '../write';
import type { Plan } from './plan';
import { timed } from '../timing';

/** The service folder a path belongs to (`environments/<env>/<ns>/<svc>`), or undefined. */
function serviceFolder(path: string): string | undefined {
  const parts = path.split('/');
  return parts.length >= 5 ? parts.slice(0, 4).join('/') : undefined;
}

export function writePlanFor(root: string, plan: Plan): WritePlan {
  const keep = (rel: string): boolean => {
    const dir = serviceFolder(rel);
    return dir !== undefined && plan.kept.has(dir);
  };
  return timed('write: plan', () => planWrites(root, plan.files, { dirs: plan.scopeDirs, keep, skipDir: (dir) => plan.kept.has(dir) }));
}

export function changedPaths(wp: WritePlan): string[] {
  return describePlan(wp);
}

export async function apply(root: string, wp: WritePlan): Promise<void> {
  await timed('write: apply', () => applyPlan(root, wp));
}
