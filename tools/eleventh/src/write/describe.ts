/** The plan as lines `create|update|remove <path>`, in path order (render --json and recipe count them). */
import type { WritePlan } from './plan';

export function describePlan(plan: WritePlan): string[] {
  const lines: Array<[string, string]> = [
    ...plan.create.map((p): [string, string] => [p, 'create']),
    ...plan.update.map((p): [string, string] => [p, 'update']),
    ...plan.remove.map((p): [string, string] => [p, 'remove']),
  ];
  lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return lines.map(([path, action]) => `${action} ${path}`);
}

/** Files the plan would create, update or remove (0: the tree is already as desired). */
export function countChanges(plan: WritePlan): number {
  return plan.create.length + plan.update.length + plan.remove.length;
}
