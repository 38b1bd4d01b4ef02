import { topLevel } from '../../git/run';
import { gatherReport } from '../../report/data';
import { parseNow } from '../../report/options';
import { doraRows } from '../../report/summary';
import { UsageError } from '../../errors';
import { flag, parse, str } from '../args';
import type { Command } from '../command';

export const metricsCommand: Command = {
  name: 'metrics',
  summary: 'DORA figures per environment from git alone: deployment frequency, lead time, change failure rate, time to restore',
  usage: `eleventh metrics [--env E] [--json] [--now DATE]

  The figures the report page shows, from each environment's recipe history:
  deployments   every change of the recipe; per week from the first change to now
  lead time     from the oldest commit behind each moved pin to the change that moved it (median, max)
  change failure rate   rollbacks ÷ promotions
  time to restore       from each rollback to the next promotion (median, max; open: none yet)
  --now DATE    measure to DATE (default HEAD's committer time); --json prints {environment: figures}`,
  async run(argv, io) {
    const p = parse('metrics', argv, { env: { type: 'string' }, json: { type: 'boolean' }, now: { type: 'string' } });
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const now = parseNow('metrics', str(p, 'now'));
    const root = topLevel(io.cwd);
    const data = await gatherReport(root, now !== undefined ? { now } : {});
    const only = str(p, 'env');
    if (only !== undefined && !data.environments.some((e) => e.name === only)) {
      throw new UsageError(`metrics: unknown environment '${only}' (expected one of ${data.environments.map((e) => e.name).join(', ')})`);
    }
    const envs = data.environments.filter((e) => only === undefined || e.name === only);
    if (flag(p, 'json')) return io.out(JSON.stringify(Object.fromEntries(envs.map((e) => [e.name, e.dora])), null, 2)), 0;
    for (const e of envs) {
      io.out(e.name);
      for (const [k, v] of doraRows(e.dora)) io.out(`  ${k.padEnd(20)} ${v}`);
    }
    return 0;
  },
};
