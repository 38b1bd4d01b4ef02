import { loadConfig } from '../../config/load';
import { didYouMean } from '../../config/suggest';
import { UsageError } from '../../errors';
import { computePins } from '../../pins/compute';
import { readRecipe } from '../../recipe/recipe';
import type { Pin } from '../../model';
import { topLevel } from '../../git/run';
import { defineCommand } from '../declare';
import { JSON_OPTION } from '../options';
import { printJson } from '../output';

export const pinsCommand = defineCommand({
  name: 'pins',
  summary: 'Print service → pin (the newest commit that changed its image inputs)',
  options: {
    service: { type: 'string', value: 'S', description: 'only this service' },
    image: { type: 'boolean', description: 'print the image reference (<registry>/<service>:<pin>) of the first environment following main' },
    'allow-dirty': { type: 'boolean', description: 'accept uncommitted changes to image inputs (pins stay at HEAD)' },
    json: JSON_OPTION,
  },
  examples: ['eleventh pins --json', 'eleventh pins --service payments-api --image'],
  async run({ options }, io) {
    const root = topLevel(io.cwd);
    const config = loadConfig(root);
    const followers = config.environments.filter((e) => config.followsMain(e));
    const previous = new Map<string, Pin>();
    for (const env of followers) for (const [n, e] of Object.entries(readRecipe(root, env)?.services ?? {})) previous.set(n, { commit: e.commit, inputs: e.inputs });
    const result = await computePins({ root, previous, allowDirty: options['allow-dirty'] });
    const only = options.service;
    if (only && !result.pins.has(only)) throw new UsageError(`pins: no service '${only}'${didYouMean(only, [...result.pins.keys()])} (expected one of: ${[...result.pins.keys()].sort().join(', ')})`);
    const names = [...result.pins.keys()].filter((n) => !only || n === only).sort();
    if (options.image) {
      const registry = config.environment(followers[0]).registry;
      const images = names.map((n) => [n, `${registry}/${n}:${result.pins.get(n)!.commit}`] as const);
      if (options.json) printJson(io, Object.fromEntries(images));
      else for (const [, image] of images) io.out(image);
      return 0;
    }
    if (options.json) return printJson(io, Object.fromEntries(names.map((n) => [n, result.pins.get(n)]))), 0;
    const width = Math.max(0, ...names.map((n) => n.length));
    for (const n of names) io.out(`${n.padEnd(width)}  ${result.pins.get(n)!.commit}`);
    return 0;
  },
});
