import { loadConfig } from '../../config/load';
import { explain, explainJson } from '../../config/explain';
import { checkExplainTarget } from '../../config/explain-target';
import { UsageError } from '../../errors';
import { topLevel } from '../../git/run';
import { defineCommand } from '../declare';
import { JSON_OPTION } from '../options';
import { printJson } from '../output';

export const explainCommand = defineCommand({
  name: 'explain',
  summary: 'The resolved config of one service in one environment, and the file:line that set each value (with what it overrode)',
  positionals: [
    { name: '<env>/<namespace>/<service>', required: true, description: 'the service in one environment, e.g. staging/payments/payments-api' },
    { name: 'key', description: 'a dotted key (replicas, resources.cpu, env.LOG_LEVEL, values.x); default: every key' },
  ],
  options: { json: JSON_OPTION },
  examples: ['eleventh explain prod/payments/payments-api replicas'],
  async run({ options, positionals }, io) {
    const [target, key] = positionals;
    const parts = target.split('/');
    if (parts.length !== 3 || parts.some((x) => !x)) {
      throw new UsageError(`explain: expected <env>/<namespace>/<service>, got '${target}'`, 'eleventh explain staging/payments/payments-api replicas');
    }
    const [env, ns, svc] = parts;
    const config = loadConfig(topLevel(io.cwd));
    checkExplainTarget(config, env, ns, svc);
    if (options.json) printJson(io, explainJson(config, env, ns, svc, key));
    else io.out(explain(config, env, ns, svc, key));
    return 0;
  },
});
