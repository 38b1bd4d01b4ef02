/**
 * The plopfile of an Eleventh repository: `npx plop <generator>` runs the @eleventh/nx generators behind
 * prompts. A plopfile.mjs at the repository root loads this module (`eleventh new` writes it; this
 * repository has its own). The answers go through Nx's option handling (options.ts) to the same generator
 * code on an FsTree flushed only when the generator returned (run-on-disk.ts), so `npx plop service` and
 * `nx g @eleventh/nx:service` write byte-identical files and refuse the same input, writing nothing.
 */
import { runOnDisk } from '../utils/run-on-disk';
import { ASK_IF, conditionalPrompt } from './conditional';
import { answersToOptions, loadGenerator } from './options';
import { plopGenerators } from './prompts';
import type { PlopApi } from './types';

export const ACTION = 'eleventh';

export default function eleventhPlopfile(plop: PlopApi): void {
  const dest = plop.getDestBasePath();
  plop.setPrompt(ASK_IF, conditionalPrompt(plop.inquirer.prompt.prompts));
  plop.setActionType(ACTION, async (answers, config) => {
    const options = answersToOptions(config.generator, answers);
    const changes = await runOnDisk(loadGenerator(config.generator), dest, options);
    return changes.map((c) => `${c.type.toLowerCase()} ${c.path}`).join(', ') || 'nothing to change';
  });
  for (const [name, generator] of Object.entries(plopGenerators(dest))) {
    plop.setGenerator(name, { ...generator, actions: [{ type: ACTION, generator: name }] });
  }
}
