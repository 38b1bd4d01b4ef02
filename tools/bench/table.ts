/** The benchmark's result rows and their Markdown table. */

export interface Target {
  /** Wall-time budget, seconds. */
  readonly wallSeconds?: number;
  /** Peak-memory budget, MiB (checked against the tree peak). */
  readonly rssMiB?: number;
}

export interface Row {
  readonly n: number;
  readonly phase: string;
  readonly wallSeconds?: number;
  readonly cpuSeconds?: number;
  readonly rssMiB?: number;
  readonly target?: Target;
  /** Free text: failures, engine timings, counts. */
  readonly note?: string;
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined ? '—' : value.toFixed(digits);
}

function targetText(t: Target | undefined): string {
  if (!t) return '—';
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

/** `N | phase | wall s | CPU s | peak RSS MiB | target | ok? | notes`. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| N | phase | wall s | CPU s | peak RSS MiB | target | ok? | notes |',
    '|---:|---|---:|---:|---:|---|---|---|',
  ];
  for (const r of rows) {
    const cells = [
      String(r.n),
      r.phase,
      fixed(r.wallSeconds, 2),
      fixed(r.cpuSeconds, 2),
      fixed(r.rssMiB, 0),
      targetText(r.target),
      okText(r),
      r.note ?? '',
    ];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
