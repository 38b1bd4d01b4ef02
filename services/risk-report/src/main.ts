/** risk-report: runs once per schedule, logs the report of the last REPORT_WINDOW, exits. */
import { createLogger, parseLogLevel } from '@acme/runtime';
import { buildReport, parseWindow, type ScoredEvent } from './report';

const log = createLogger({ service: 'risk-report', level: parseLogLevel(process.env.LOG_LEVEL) });

/** Stands in for the scoring store: a handful of decisions over the last day. */
function loadEvents(now: Date): ScoredEvent[] {
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
  return [
    { at: hoursAgo(1), decision: 'allow' },
    { at: hoursAgo(3), decision: 'review' },
    { at: hoursAgo(5), decision: 'allow' },
    { at: hoursAgo(20), decision: 'block' },
    { at: hoursAgo(30), decision: 'allow' },
  ];
}

function main(): void {
  const now = new Date();
  const windowMs = parseWindow(process.env.REPORT_WINDOW ?? '24h');
  const report = buildReport(loadEvents(now), now, windowMs);
  log.info('risk report', { ...report, environment: process.env.ELEVENTH_ENVIRONMENT });
}

try {
  main();
} catch (err) {
  log.error('report failed', { error: err instanceof Error ? err.message : String(err) });
  process.exitCode = 1;
}
