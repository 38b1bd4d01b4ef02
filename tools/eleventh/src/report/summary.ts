/** Per-environment lines both renderers share: the last release and the DORA figures as label → text. */
import { formatDuration, percent } from './format';
import type { Dora, EnvironmentReport, ReportChange } from './model';

export function lastRelease(env: EnvironmentReport): ReportChange | undefined {
  return env.lastRelease === undefined ? undefined : env.timeline[env.lastRelease];
}

/** `promotion preprod-v2 by Alice <a@x>, 2026-03-01T10:00:00+00:00` (or `none`). */
export function describeRelease(c: ReportChange | undefined): string {
  if (!c) return 'none';
  const what = c.kind === 'rollback' && c.rollback ? `rollback ${c.rollback.from} → ${c.rollback.to}` : `${c.kind} ${c.tag ?? c.commit.slice(0, 12)}`;
  return `${what}${c.tagger ? ` by ${c.tagger}` : ''}, ${c.time}`;
}

export function doraRows(d: Dora): Array<[string, string]> {
  const span = (x: { median: number; max: number; count: number } | null): string => (x ? `${formatDuration(x.median)} median, ${formatDuration(x.max)} max (${x.count})` : '—');
  return [
    ['deployments', `${d.deployments} in ${d.windowDays} days${d.perWeek === null ? '' : ` (${d.perWeek}/week)`}`],
    ['lead time', span(d.leadTime)],
    ['change failure rate', `${percent(d.changeFailureRate)} (${d.rollbacks} rollbacks / ${d.promotions} promotions)`],
    ['time to restore', d.timeToRestore ? `${span(d.timeToRestore.count ? d.timeToRestore : null)}${d.timeToRestore.open ? `, ${d.timeToRestore.open} open` : ''}` : '—'],
  ];
}
