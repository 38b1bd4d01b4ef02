/** ledger-worker's manifest: a worker in `payments` that posts settled payments to the ledger. */
import { defineService } from '@eleventh/platform';

export default defineService({
  name: 'ledger-worker',
  namespace: 'payments',
  type: 'worker',
});
