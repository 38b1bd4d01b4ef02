/**
 * `eleventh new DIR`: delegates to the module @eleventh/nx declares for it in its package.json
 * (`"eleventh": {"commands": {"new": …}}`), found at run time by load/extension.ts: the engine does not
 * import the generators package; this one command is a thin shell over it.
 */
import { resolve } from 'node:path';
import { ElevenError, UsageError } from '../../errors';
import { loadExtensionCommand } from '../../load/extension';
import { flag, parse, str } from '../args';
import type { Command } from '../command';

interface NewRepoModule {
  createNewRepository(dir: string, options: { name?: string; skipInstall?: boolean }): Promise<void>;
}

/** Errors from the generators package carry `exitCode` and `report()` without being ElevenErrors. */
class GeneratorFailure extends ElevenError {
  readonly exitCode: number;
  constructor(private readonly text: string, code: number) {
    super(text);
    this.exitCode = code;
  }
  report(): string {
    return this.text;
  }
}

function loadNewRepo(): NewRepoModule {
  return loadExtensionCommand<NewRepoModule>('new', process.cwd());
}

export const newCommand: Command = {
  name: 'new',
  summary: 'Create a new monorepo of this shape, with its own first commit',
  usage: `eleventh new <dir> [--name N] [--skip-install]

  Runs the @eleventh/nx workspace generator into <dir> (new or empty), packs this toolkit's packages into
  <dir>/vendor/ (so nothing but the npm registry is needed), installs, runs git init and commits.`,
  async run(argv, io) {
    const p = parse('new', argv, { name: { type: 'string' }, 'skip-install': { type: 'boolean' } }, 1);
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const dir = p.positionals[0];
    if (!dir) throw new UsageError('new: expected a directory', 'eleventh new ../acme-platform');
    const target = resolve(io.cwd, dir);
    try {
      await loadNewRepo().createNewRepository(target, { name: str(p, 'name'), skipInstall: flag(p, 'skip-install') });
    } catch (err) {
      const e = err as { exitCode?: unknown; report?: () => string };
      if (typeof e?.exitCode === 'number' && typeof e.report === 'function') throw new GeneratorFailure(e.report(), e.exitCode);
      throw err;
    }
    io.out(`created ${target}\nnext: cd ${dir} && npx nx g @eleventh/nx:namespace <ns> --team=<group>`);
    return 0;
  },
};
