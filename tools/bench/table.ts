/** The benchmark's result rows and their Markdown table. */

export interface Target {
  /** Wall-time budget, seconds. */
  readonly wallSeconds?: number;
  /** Peak-memory budget, MiB (checked against the tree peak). */
  readonly rssMiB?: number;
  /** How the target reads when it is derived (e.g. `≤ Nx graph + 1 s (4.61 s)`). */
  readonly label?: string;
}

/** Minimum, median and maximum over the runs of one phase. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export interface Row {
  readonly n: number;
  readonly phase: string;
  /** The median when the phase ran more than once (the spread is in `spread`). */
  readonly wallSeconds?: number;
  readonly cpuSeconds?: number;
  readonly rssMiB?: number;
  /** Over several runs: min / median / max of each figure. */
  readonly spread?: { readonly wall?: Spread; readonly cpu?: Spread; readonly rss?: Spread; readonly runs: number };
  readonly target?: Target;
  /** Free text: failures, engine timings, counts. */
  readonly note?: string;
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined ? '—' : value.toFixed(digits);
}

/** The spread of `values` (at least one). */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1] };
}

function figure(value: number | undefined, s: Spread | undefined, digits: number): string {
  if (s) return `${s.min.toFixed(digits)} / ${s.median.toFixed(digits)} / ${s.max.toFixed(digits)}`;
  return fixed(value, digits);
}

function targetText(t: Target | undefined): string {
  if (!t) return '—';
  if (t.label) return t.label;
  const parts: string[] = [];
  if (t.wallSeconds !== undefined) parts.push(`≤ ${t.wallSeconds} s`);
  if (t.rssMiB !== undefined) parts.push(`≤ ${t.rssMiB} MiB`);
  return parts.join(', ') || '—';
}

export function meetsTarget(row: Row): boolean | undefined {
  const t = row.target;
  if (!t || (t.wallSeconds === undefined && t.rssMiB === undefined)) return undefined;
  if (row.wallSeconds === undefined) return false;
  const wallOk = t.wallSeconds === undefined || row.wallSeconds <= t.wallSeconds;
  const rssOk = t.rssMiB === undefined || (row.rssMiB !== undefined && row.rssMiB <= t.rssMiB);
  return wallOk && rssOk;
}

function okText(row: Row): string {
  const ok = meetsTarget(row);
  return ok === undefined ? '—' : ok ? 'yes' : 'NO';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** `N | phase | wall s | CPU s | peak RSS MiB | target | ok? | notes`; over several runs each figure is `min / median / max`. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| N | phase | wall s | CPU s | peak RSS MiB | target | ok? (median) | notes |',
    '|---:|---|---:|---:|---:|---|---|---|',
  ];
  for (const r of rows) {
    const cells = [
      String(r.n),
      r.phase,
      figure(r.wallSeconds, r.spread?.wall, 2),
      figure(r.cpuSeconds, r.spread?.cpu, 2),
      figure(r.rssMiB, r.spread?.rss, 0),
      targetText(r.target),
      okText(r),
      r.note ?? '',
    ];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
