/**
 * `eleventh new DIR`: delegates to the module @eleventh/nx declares for it in its package.json
 * (`"eleventh": {"commands": {"new": …}}`), found at run time by load/extension.ts: the engine does not
 * import the generators package; this one command is a thin shell over it.
 */
import { resolve } from 'node:path';
import { ElevenError } from '../../errors';
import { defineCommand } from '../declare';
import { loadExtensionCommand } from '../../load/extension';

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

export const newCommand = defineCommand({
  name: 'new',
  summary: 'Create a new monorepo of this shape, with its own first commit',
  description: `Runs the @eleventh/nx workspace generator into DIR (new or empty), packs this toolkit's packages into
DIR/vendor/ (so nothing but the npm registry is needed), installs, runs git init and commits.`,
  positionals: [{ name: 'DIR', required: true, description: 'the new repository (a new or empty directory)' }],
  options: {
    name: { type: 'string', value: 'N', description: "the repository's (npm package) name (default: the directory's name)" },
    'skip-install': { type: 'boolean', description: 'do not run npm install in DIR (no node_modules, no package-lock.json)' },
  },
  examples: ['eleventh new ../acme-platform'],
  async run({ options, positionals }, io) {
    const dir = positionals[0];
    const target = resolve(io.cwd, dir);
    try {
      await loadNewRepo().createNewRepository(target, { name: options.name, skipInstall: options['skip-install'] });
    } catch (err) {
      const e = err as { exitCode?: unknown; report?: () => string };
      if (typeof e?.exitCode === 'number' && typeof e.report === 'function') throw new GeneratorFailure(e.report(), e.exitCode);
      throw err;
    }
    io.out(`created ${target}\nnext: cd ${dir} && npx nx g @eleventh/nx:namespace <ns> --team=<group>`);
    return 0;
  },
});
