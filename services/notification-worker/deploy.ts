/** notification-worker's manifest: a worker in `customer` that sends customer notifications. */
import { defineService } from '@eleventh/platform';

export default defineService({
  name: 'notification-worker',
  namespace: 'customer',
  type: 'worker',
});
