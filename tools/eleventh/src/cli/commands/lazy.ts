/**
 * Each command's module, loaded only when that command runs: loading all fifteen (and what each imports)
 * cost every run ~50 ms of modules it never used. `eleventh --help` and the docs take the whole list
 * (commands/index.ts); lazy-commands.spec checks that both name the same commands in the same order.
 */
import type { Command } from '../command';

type Loader = () => Promise<Command>;

/** Command name → its module's command, in the order `eleventh --help` lists them. */
const LOADERS: Readonly<Record<string, Loader>> = {
  recipe: async () => (await import('./recipe')).recipeCommand,
  render: async () => (await import('./render')).renderCommand,
  pins: async () => (await import('./pins')).pinsCommand,
  images: async () => (await import('./images')).imagesCommand,
  explain: async () => (await import('./explain')).explainCommand,
  promote: async () => (await import('./promote')).promoteCommand,
  rollback: async () => (await import('./rollback')).rollbackCommand,
  verify: async () => (await import('./verify')).verifyCommand,
  policy: async () => (await import('./policy')).policyCommand,
  diff: async () => (await import('./diff')).diffCommand,
  preview: async () => (await import('./preview')).previewCommand,
  history: async () => (await import('./history')).historyCommand,
  report: async () => (await import('./report')).reportCommand,
  metrics: async () => (await import('./metrics')).metricsCommand,
  new: async () => (await import('./new')).newCommand,
};

/** Every command's name, in help order. */
export const COMMAND_NAMES: readonly string[] = Object.keys(LOADERS);

/** The command called `name`, its module loaded now; undefined for no such command. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]!() : undefined;
}
