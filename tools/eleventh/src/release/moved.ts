/** Which services moved between two recipes of one environment: added, removed or re-pinned. */
import type { Recipe } from '../model';

export interface Move {
  readonly service: string;
  /** Absent: the service is new. */
  readonly from?: string;
  /** Absent: the service was removed. */
  readonly to?: string;
}

export function movedBetween(before: Recipe | undefined, after: Recipe | undefined): Move[] {
  const a = before?.services ?? {};
  const b = after?.services ?? {};
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names
    .filter((n) => a[n]?.commit !== b[n]?.commit)
    .map((n) => ({ service: n, ...(a[n] ? { from: a[n].commit } : {}), ...(b[n] ? { to: b[n].commit } : {}) }));
}

export const short = (sha: string | undefined, none: string): string => sha?.slice(0, 12) ?? none;

/** `payments-api 3608abab9511 → 9f1c0e2d4b7a` (or `(new)` / `(removed)`). */
export function describeMove(m: Move): string {
  return `${m.service} ${short(m.from, '(new)')} → ${short(m.to, '(removed)')}`;
}
