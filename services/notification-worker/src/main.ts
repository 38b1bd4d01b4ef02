/** notification-worker: renders and sends customer notifications in a loop until SIGTERM. */
import { createLogger, heartbeat, parseLogLevel, sleep, stopSignal } from '@acme/runtime';
import { render, type Variables } from './template';

const log = createLogger({ service: 'notification-worker', level: parseLogLevel(process.env.LOG_LEVEL) });
const intervalMs = Number(process.env.POLL_INTERVAL_MS ?? 10_000);

const TEMPLATES: Readonly<Record<string, string>> = {
  'payment-received': 'Hello {{name}}, we received your payment of {{amount}}.',
};

interface Notification {
  readonly template: string;
  readonly to: string;
  readonly variables: Variables;
}

/** Stands in for the notifications queue. */
function nextNotification(tick: number): Notification {
  return { template: 'payment-received', to: `customer-${tick}@example.com`, variables: { name: `Customer ${tick}`, amount: '12.34 EUR' } };
}

function send(n: Notification): void {
  const body = render(TEMPLATES[n.template], n.variables);
  log.info('sent', { to: n.to, template: n.template, length: body.length });
}

async function run(stop: AbortSignal): Promise<void> {
  log.info('started', { intervalMs, environment: process.env.ELEVENTH_ENVIRONMENT });
  for (let tick = 0; !stop.aborted; tick++) {
    heartbeat(); // the liveness probe restarts a worker whose loop stops beating
    try {
      send(nextNotification(tick));
    } catch (err) {
      log.error('not sent', { error: err instanceof Error ? err.message : String(err) });
    }
    await sleep(intervalMs, stop);
  }
  log.info('stopped');
}

void run(stopSignal());
