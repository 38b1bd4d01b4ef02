/** Liveness/readiness: named checks run on each probe, answered as JSON on the probe path. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One check: true when healthy. A check that throws or rejects counts as failing. */
export type HealthCheck = () => boolean | Promise<boolean>;

export interface HealthReport {
  readonly status: 'ok' | 'failing';
  readonly checks: Readonly<Record<string, boolean>>;
}

async function passes(check: HealthCheck): Promise<boolean> {
  try {
    return (await check()) === true;
  } catch {
    return false;
  }
}

/** Runs every check (all of them, never stopping at the first failure), sorted by name. */
export async function checkHealth(checks: Readonly<Record<string, HealthCheck>> = {}): Promise<HealthReport> {
  const names = Object.keys(checks).sort();
  const results = await Promise.all(names.map((name) => passes(checks[name])));
  const report: Record<string, boolean> = {};
  names.forEach((name, i) => (report[name] = results[i]));
  return { status: results.every(Boolean) ? 'ok' : 'failing', checks: report };
}

/** A `node:http` handler answering 200 with the report when healthy, 503 otherwise. */
export function healthHandler(checks: Readonly<Record<string, HealthCheck>> = {}) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const report = await checkHealth(checks);
    res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify(report));
  };
}
