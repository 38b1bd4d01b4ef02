/**
 * How long `--push` keeps retrying a rejected push, and how long it waits between attempts: a time budget
 * (ELEVENTH_PUSH_TIMEOUT seconds, default 10 minutes), with full-jitter exponential backoff so racing CI
 * jobs spread out instead of colliding again on the next attempt.
 *
 * The backoff unit is the longer of `baseMs` and how long the rejected attempt took (plan, render, commit,
 * push). With a fixed few-second unit, racers whose attempt takes longer than the widest wait all overlap
 * again, only one wins per round and N jobs cost about N²/2 attempts; scaled to the attempt, the window
 * doubles past the contention in a few rounds.
 */
import { UsageError } from '../errors';

export const PUSH_TIMEOUT_ENV = 'ELEVENTH_PUSH_TIMEOUT';

/** @default 600 seconds: long enough for dozens of jobs racing into one branch. */
export const DEFAULT_PUSH_TIMEOUT_SECONDS = 600;

export interface RetryPolicy {
  /** Give up once this much time has passed since the first push. 0 = one attempt. */
  readonly timeoutMs: number;
  /** Smallest backoff unit: the wait before the second attempt is up to max(this, the attempt's duration); it doubles each attempt. @default 200 */
  readonly baseMs: number;
  /** No single wait is longer than this. @default 30000 */
  readonly capMs: number;
  /** Uniform in [0, 1). @default Math.random */
  readonly random: () => number;
}

export function retryPolicy(timeoutSeconds: number = DEFAULT_PUSH_TIMEOUT_SECONDS): RetryPolicy {
  return { timeoutMs: timeoutSeconds * 1000, baseMs: 200, capMs: 30_000, random: Math.random };
}

/** ELEVENTH_PUSH_TIMEOUT as seconds (a non-negative number); unset or empty means the default. */
export function pushTimeoutSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[PUSH_TIMEOUT_ENV]?.trim();
  if (raw === undefined || raw === '') return DEFAULT_PUSH_TIMEOUT_SECONDS;
  const seconds = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(seconds)) {
    throw new UsageError(`${PUSH_TIMEOUT_ENV}='${raw.slice(0, 40)}' is not a number of seconds`, `for example ${PUSH_TIMEOUT_ENV}=${DEFAULT_PUSH_TIMEOUT_SECONDS}`);
  }
  return seconds;
}

/** Full jitter: a wait uniform in [0, min(cap, max(base, attemptMs) · 2^(rejections-1))). */
export function backoffMs(rejections: number, attemptMs: number, policy: RetryPolicy): number {
  const unit = Math.max(policy.baseMs, attemptMs);
  const ceiling = Math.min(policy.capMs, unit * 2 ** Math.max(0, rejections - 1));
  return Math.floor(policy.random() * ceiling);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
