/**
 * Keeps a preview small enough for a pull-request comment (GitHub's limit is 65,536 characters): at most
 * `unitLines` diff lines per unit, and diffs of about `totalBytes` in all; past the budget a unit keeps
 * its counts and file list but no diff. What was left out is counted, never silently dropped.
 */
import type { EnvironmentPreview, UnitChange } from './model';

export interface TrimLimits {
  /** @default 200 */
  readonly unitLines?: number;
  /** @default 60000 */
  readonly totalBytes?: number;
}

export function trimPreview(envs: readonly EnvironmentPreview[], limits: TrimLimits = {}): { environments: EnvironmentPreview[]; omitted: number } {
  const unitLines = limits.unitLines ?? 200;
  let budget = limits.totalBytes ?? 60_000;
  let omitted = 0;
  const trimUnit = (u: UnitChange): UnitChange => {
    const kept = u.diff.slice(0, unitLines);
    const bytes = kept.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    if (bytes > budget) {
      omitted++;
      return { ...u, diff: [], trimmed: u.diff.length };
    }
    budget -= bytes;
    return { ...u, diff: kept, trimmed: u.diff.length - kept.length };
  };
  const environments = envs.map((e) => ({ ...e, changes: e.changes.map(trimUnit) }));
  return { environments, omitted };
}
