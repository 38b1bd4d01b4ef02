/** customer-api's manifest: an http service in `customer`, reachable only from its own namespace. */
import { defineService } from '@eleventh/platform';

export default defineService({
  name: 'customer-api',
  namespace: 'customer',
  type: 'http',
});
