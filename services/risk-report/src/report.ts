/** The daily risk report: decisions of the scoring window, counted and rated. */
import ms from 'ms';

export type Decision = 'allow' | 'review' | 'block';

export interface ScoredEvent {
  /** When the transaction was scored (ISO 8601). */
  readonly at: string;
  readonly decision: Decision;
}

export interface Report {
  readonly from: string;
  readonly to: string;
  readonly total: number;
  readonly counts: Readonly<Record<Decision, number>>;
  /** Share of blocked transactions, 0–1, rounded to 4 places (0 when there are none). */
  readonly blockRate: number;
}

/** A `REPORT_WINDOW` that `ms` cannot read or that is not positive. */
export class InvalidWindowError extends Error {
  constructor(readonly value: string) {
    super(`REPORT_WINDOW: '${value}' is not a positive duration (expected e.g. '24h', '7d', '90m')`);
    this.name = 'InvalidWindowError';
  }
}

/** `'24h'` → 86400000. */
export function parseWindow(value: string): number {
  let millis: number | undefined;
  try {
    millis = ms(value);
  } catch {
    // ms throws on '' and on non-strings; both are the same bad input here
  }
  if (millis === undefined || !Number.isFinite(millis) || millis <= 0) throw new InvalidWindowError(value);
  return millis;
}

/** Counts the events in `(now - windowMs, now]`. */
export function buildReport(events: readonly ScoredEvent[], now: Date, windowMs: number): Report {
  const from = now.getTime() - windowMs;
  const inWindow = events.filter((e) => {
    const t = Date.parse(e.at);
    return t > from && t <= now.getTime();
  });
  const counts: Record<Decision, number> = { allow: 0, review: 0, block: 0 };
  for (const event of inWindow) counts[event.decision]++;
  const total = inWindow.length;
  const blockRate = total === 0 ? 0 : Math.round((counts.block / total) * 10_000) / 10_000;
  return { from: new Date(from).toISOString(), to: now.toISOString(), total, counts, blockRate };
}
