/**
 * DORA figures from git alone, per environment, from the changes of its recipe (`recipeHistory`):
 * - deployments: every change of the recipe (recipe, promotion, rollback, mirror; not a deletion);
 *   frequency = deployments per week from the first change to `now`;
 * - lead time: for every pin a change moved forward, from the committer time of the oldest commit behind
 *   the move (the release notes; the pin itself when they list none) to the change's committer time;
 * - change failure rate: rollbacks ÷ promotions;
 * - time to restore: from each rollback to the next promotion (a rollback with none after it is `open`).
 * Durations are whole seconds; a median of an even count is the mean of the two middle values, rounded down.
 */
import type { HistoryEntry } from '../release/history';
import type { Dora, Duration } from './model';

const DAY = 86_400;

function duration(values: readonly number[]): Duration | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : Math.floor((s[mid - 1] + s[mid]) / 2);
  return { count: s.length, median, max: s[s.length - 1] };
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** Lead times of every forward move in the changes (oldest commit behind the move → the change). */
export function leadTimes(entries: readonly HistoryEntry[], times: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  for (const e of entries) {
    const landed = seconds(e.time);
    for (const m of e.moved) {
      if (!m.to || !m.from || (m.direction && m.direction !== 'forward')) continue;
      const first = m.commits?.length ? m.commits[m.commits.length - 1].sha : m.to;
      const t = times.get(first);
      if (t !== undefined) out.push(Math.max(0, landed - t));
    }
  }
  return out;
}

/** `entries` newest first, as `recipeHistory` returns them. */
export function dora(entries: readonly HistoryEntry[], times: ReadonlyMap<string, number>, now: number): Dora {
  const live = entries.filter((e) => !e.deleted);
  const oldest = [...live].reverse();
  const windowSec = oldest.length > 0 ? Math.max(0, now - seconds(oldest[0].time)) : 0;
  const promotions = live.filter((e) => e.kind === 'promotion').length;
  const rollbacks = live.filter((e) => e.kind === 'rollback').length;
  const restore: number[] = [];
  let open = 0;
  oldest.forEach((e, i) => {
    if (e.kind !== 'rollback') return;
    const next = oldest.slice(i + 1).find((n) => n.kind === 'promotion');
    if (next) restore.push(seconds(next.time) - seconds(e.time));
    else open++;
  });
  const ttr = duration(restore);
  return {
    deployments: live.length,
    windowDays: Math.round((windowSec / DAY) * 100) / 100,
    perWeek: windowSec > 0 ? Math.round((live.length / (windowSec / (7 * DAY))) * 100) / 100 : null,
    leadTime: duration(leadTimes(live, times)),
    promotions,
    rollbacks,
    changeFailureRate: promotions > 0 ? Math.round((rollbacks / promotions) * 1000) / 1000 : null,
    timeToRestore: rollbacks > 0 ? { ...(ttr ?? { count: 0, median: 0, max: 0 }), open } : null,
  };
}
