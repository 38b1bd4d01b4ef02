/** ledger-worker: posts batches of ledger entries in a loop until SIGTERM. Run: node main.js. */
import { createLogger, heartbeat, parseLogLevel, sleep, stopSignal } from '@acme/runtime';
import { isBalanced, post, type Balances, type Entry } from './ledger';

const log = createLogger({ service: 'ledger-worker', level: parseLogLevel(process.env.LOG_LEVEL) });
const intervalMs = Number(process.env.POLL_INTERVAL_MS ?? 5_000);

/** Stands in for the payments queue: one settled payment per poll. */
function nextBatch(tick: number): Entry[] {
  return [{ debit: 'settlement', credit: 'merchant-payable', amount: 100 + (tick % 10) }];
}

async function run(stop: AbortSignal): Promise<void> {
  let balances: Balances = {};
  log.info('started', { intervalMs, environment: process.env.ELEVENTH_ENVIRONMENT });
  for (let tick = 0; !stop.aborted; tick++) {
    heartbeat(); // the liveness probe restarts a worker whose loop stops beating
    const batch = nextBatch(tick);
    balances = post(balances, batch);
    log.debug('posted', { entries: batch.length, balanced: isBalanced(balances) });
    await sleep(intervalMs, stop);
  }
  log.info('stopped', { balances });
}

run(stopSignal()).catch((err: unknown) => {
  log.error('crashed', { error: String(err) });
  process.exitCode = 1;
});
