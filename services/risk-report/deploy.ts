/** risk-report's manifest: a daily job in `risk` (06:00 UTC) summarising yesterday's fraud decisions. */
import { defineService } from '@eleventh/platform';

export default defineService({
  name: 'risk-report',
  namespace: 'risk',
  type: 'cron',
  schedule: '0 6 * * *',
});
