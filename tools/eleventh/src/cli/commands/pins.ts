import { loadConfig } from '../../config/load';
import { UsageError } from '../../errors';
import { computePins } from '../../pins/compute';
import { readRecipe } from '../../recipe/recipe';
import type { Pin } from '../../model';
import { topLevel } from '../../git/run';
import { flag, parse, str } from '../args';
import type { Command } from '../command';

export const pinsCommand: Command = {
  name: 'pins',
  summary: 'Print service → pin (the newest commit that changed its image inputs)',
  usage: `eleventh pins [--json] [--service S [--image]] [--allow-dirty]

  --service S  only this service
  --image      print the image reference (<registry>/<service>:<pin>) of the first environment following main`,
  async run(argv, io) {
    const p = parse('pins', argv, { json: { type: 'boolean' }, service: { type: 'string' }, image: { type: 'boolean' }, 'allow-dirty': { type: 'boolean' } });
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const root = topLevel(io.cwd);
    const config = loadConfig(root);
    const followers = config.environments.filter((e) => config.followsMain(e));
    const previous = new Map<string, Pin>();
    for (const env of followers) for (const [n, e] of Object.entries(readRecipe(root, env)?.services ?? {})) previous.set(n, { commit: e.commit, inputs: e.inputs });
    const result = await computePins({ root, previous, allowDirty: flag(p, 'allow-dirty') });
    const only = str(p, 'service');
    if (only && !result.pins.has(only)) throw new UsageError(`pins: no service '${only}'`, `one of: ${[...result.pins.keys()].join(', ')}`);
    const names = [...result.pins.keys()].filter((n) => !only || n === only).sort();
    if (flag(p, 'image')) {
      const registry = config.environment(followers[0]).registry;
      for (const n of names) io.out(`${registry}/${n}:${result.pins.get(n)!.commit}`);
      return 0;
    }
    if (flag(p, 'json')) {
      io.out(JSON.stringify(Object.fromEntries(names.map((n) => [n, result.pins.get(n)])), null, 2));
      return 0;
    }
    const width = Math.max(0, ...names.map((n) => n.length));
    for (const n of names) io.out(`${n.padEnd(width)}  ${result.pins.get(n)!.commit}`);
    return 0;
  },
};
