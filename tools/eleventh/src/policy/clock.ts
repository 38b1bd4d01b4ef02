/** Today's date for exception expiry: ELEVENTH_NOW (`YYYY-MM-DD` or an ISO time, for tests and replays), else the clock. */
import { UsageError } from '../errors';

export const NOW_VARIABLE = 'ELEVENTH_NOW';

/** `YYYY-MM-DD` in UTC. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env[NOW_VARIABLE];
  if (raw === undefined || raw === '') return new Date().toISOString().slice(0, 10);
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw new UsageError(`${NOW_VARIABLE} '${raw}' is not a date (expected YYYY-MM-DD or an ISO 8601 time)`);
  return new Date(t).toISOString().slice(0, 10);
}
