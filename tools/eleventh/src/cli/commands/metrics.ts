import { topLevel } from '../../git/run';
import { gatherReport } from '../../report/data';
import { parseNow } from '../../report/options';
import { doraRows } from '../../report/summary';
import { didYouMean } from '../../config/suggest';
import { UsageError } from '../../errors';
import { defineCommand } from '../declare';
import { JSON_OPTION } from '../options';
import { printJson } from '../output';

export const metricsCommand = defineCommand({
  name: 'metrics',
  summary: 'DORA figures per environment from git alone: deployment frequency, lead time, change failure rate, time to restore',
  description: `The figures the report page shows, from each environment's recipe history:
  deployments           every change of the recipe; per week from the first change to now
  lead time             from the oldest commit behind each moved pin to the change that moved it (median, max)
  change failure rate   rollbacks ÷ promotions
  time to restore       from each rollback to the next promotion (median, max; open: none yet)`,
  options: {
    env: { type: 'string', value: 'E', description: 'only this environment' },
    now: { type: 'string', value: 'DATE', description: "measure to DATE (default HEAD's committer time)" },
    json: { ...JSON_OPTION, description: 'print {environment: figures} as one JSON document on stdout' },
  },
  examples: ['eleventh metrics --env prod'],
  async run({ options }, io) {
    const now = parseNow('metrics', options.now);
    const root = topLevel(io.cwd);
    const data = await gatherReport(root, now !== undefined ? { now } : {});
    const only = options.env;
    if (only !== undefined && !data.environments.some((e) => e.name === only)) {
      const names = data.environments.map((e) => e.name);
      throw new UsageError(`metrics: unknown environment '${only}'${didYouMean(only, names)} (expected one of: ${names.join(', ')})`);
    }
    const envs = data.environments.filter((e) => only === undefined || e.name === only);
    if (options.json) return printJson(io, Object.fromEntries(envs.map((e) => [e.name, e.dora]))), 0;
    for (const e of envs) {
      io.out(e.name);
      for (const [k, v] of doraRows(e.dora)) io.out(`  ${k.padEnd(20)} ${v}`);
    }
    return 0;
  },
});
