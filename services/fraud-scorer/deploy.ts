/** fraud-scorer's manifest: an http service in `risk`, called by payments-api. */
import { defineService } from '@eleventh/platform';

export default defineService({
  name: 'fraud-scorer',
  namespace: 'risk',
  type: 'http',
  port: 8080,
  allowFrom: ['payments'],
});
