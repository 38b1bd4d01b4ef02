/**
 * How long a service's deploy.ts may take to load, and its `customize` to run: ELEVENTH_DEPLOY_TIMEOUT
 * seconds (a positive number; default 10). One place, an environment variable, so CI can raise it for a
 * slow runner without a commit and render workers inherit it.
 */
import { UsageError } from '../errors';

export const DEFAULT_DEPLOY_TIMEOUT_SECONDS = 10;
export const DEPLOY_TIMEOUT_VARIABLE = 'ELEVENTH_DEPLOY_TIMEOUT';

let cached: { raw: string | undefined; value: { seconds: number; ms: number } } | undefined;

/** The limit in seconds and milliseconds; a malformed setting is a usage error (exit 2). */
export function deployTimeout(): { seconds: number; ms: number } {
  const raw = process.env[DEPLOY_TIMEOUT_VARIABLE];
  if (cached && cached.raw === raw) return cached.value;
  let seconds = DEFAULT_DEPLOY_TIMEOUT_SECONDS;
  if (raw !== undefined && raw.trim() !== '') {
    seconds = Number(raw);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      throw new UsageError(`${DEPLOY_TIMEOUT_VARIABLE}='${raw}' is not a number of seconds (expected a positive number, e.g. 30; default ${DEFAULT_DEPLOY_TIMEOUT_SECONDS})`);
    }
  }
  const value = { seconds, ms: Math.max(1, Math.round(seconds * 1000)) };
  cached = { raw, value };
  return value;
}
