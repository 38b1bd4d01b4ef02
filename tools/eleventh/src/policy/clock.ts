/** Today's date for exception expiry: ELEVENTH_NOW (`YYYY-MM-DD` or an ISO time with its zone, for tests and replays), else the clock. */
import { UsageError } from '../errors';
import { INSTANT_EXPECTED, parseInstant } from '../instant';

export const NOW_VARIABLE = 'ELEVENTH_NOW';

/** `YYYY-MM-DD` in UTC. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env[NOW_VARIABLE];
  if (raw === undefined || raw === '') return new Date().toISOString().slice(0, 10);
  const t = parseInstant(raw);
  if (t === undefined) throw new UsageError(`${NOW_VARIABLE} '${raw}' is not a date (expected ${INSTANT_EXPECTED})`);
  return new Date(t).toISOString().slice(0, 10);
}
