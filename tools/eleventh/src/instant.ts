/**
 * Dates and times a user gives (`--at`, `--now`, ELEVENTH_NOW): ISO 8601 only, real calendar days, and a
 * time names its zone. `Date.parse` alone accepts '1' (2001), 'March 3' and 2026-02-30 (rolled over to
 * March 2), and reads a time without a zone in the machine's own zone: none of that is an answer.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** What `parseInstant` accepts, for messages. */
export const INSTANT_EXPECTED = 'YYYY-MM-DD or an ISO 8601 time with its zone, e.g. 2026-03-01T12:00:00Z';

/** True when year, month and day name a day on the calendar. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Epoch milliseconds of `YYYY-MM-DD` (midnight UTC) or of an ISO 8601 time with Z or ±HH:MM; undefined otherwise. */
export function parseInstant(text: string): number | undefined {
  const m = DATE.exec(text) ?? TIME.exec(text);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  const t = Date.parse(m[0].length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(t) ? undefined : t;
}
