import { loadConfig } from '../../config/load';
import { explain, explainJson } from '../../config/explain';
import { UsageError } from '../../errors';
import { topLevel } from '../../git/run';
import { flag, parse } from '../args';
import type { Command } from '../command';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'The resolved config of one service in one environment, and the file:line that set each value',
  usage: `eleventh explain <env>/<namespace>/<service> [key] [--json]

  key    a dotted key (replicas, resources.cpu, env.LOG_LEVEL, values.x); default: every key`,
  async run(argv, io) {
    const p = parse('explain', argv, { json: { type: 'boolean' } }, 2);
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const [target, key] = p.positionals;
    const parts = (target ?? '').split('/');
    if (parts.length !== 3 || parts.some((x) => !x)) {
      throw new UsageError(`explain: expected <env>/<namespace>/<service>, got '${target ?? ''}'`, 'eleventh explain staging/payments/payments-api replicas');
    }
    const [env, ns, svc] = parts;
    const config = loadConfig(topLevel(io.cwd));
    io.out(flag(p, 'json') ? JSON.stringify(explainJson(config, env, ns, svc, key), null, 2) : explain(config, env, ns, svc, key));
    return 0;
  },
};
