import { UsageError } from '../../errors';
import { loadConfig } from '../../config/load';
import { topLevel } from '../../git/run';
import { parseInstant, recipeAt, recipeHistory } from '../../release/history';
import { describeMove } from '../../release/moved';
import { flag, parse, str } from '../args';
import type { Command } from '../command';

export const historyCommand: Command = {
  name: 'history',
  summary: "Each change of an environment's recipe (when, who, commit, tag, services moved); the recipe in force at a date",
  usage: `eleventh history ENV [--at DATE] [--json]

  From the git history of environments/ENV/recipe.yaml, newest first.
  --at DATE  print the recipe in force at that instant (the newest change committed at or before it)`,
  async run(argv, io) {
    const p = parse('history', argv, { at: { type: 'string' }, json: { type: 'boolean' } }, 1);
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const env = p.positionals[0];
    if (!env) throw new UsageError('history: ENV is required', 'eleventh history prod');
    const root = topLevel(io.cwd);
    loadConfig(root).environment(env);
    const at = str(p, 'at');
    if (at !== undefined) {
      const hit = recipeAt(root, env, parseInstant(at));
      if (!hit) throw new UsageError(`history: environments/${env}/recipe.yaml did not exist at ${at}`);
      const c = hit.change;
      if (flag(p, 'json')) io.out(JSON.stringify({ at, commit: c.commit, time: c.time, author: c.author, recipe: hit.recipe ?? null }, null, 2));
      else {
        io.out(`${env} at ${at}: recipe of ${c.commit.slice(0, 12)} (${c.time}, ${c.author})${hit.recipe?.promotedFrom?.tag ? ` tag ${hit.recipe.promotedFrom.tag}` : ''}`);
        for (const [n, e] of Object.entries(hit.recipe?.services ?? {})) io.out(`  ${n} ${e.commit.slice(0, 12)}`);
      }
      return 0;
    }
    const entries = recipeHistory(root, env);
    if (flag(p, 'json')) return io.out(JSON.stringify({ environment: env, changes: entries }, null, 2)), 0;
    for (const e of entries) {
      io.out(`${e.time}  ${e.commit.slice(0, 12)}  ${e.author}${e.tag ? `  tag ${e.tag}` : ''}${e.deleted ? '  (recipe deleted)' : ''}  ${e.moved.length} moved`);
      for (const m of e.moved) io.out(`    ${describeMove(m)}`);
    }
    return 0;
  },
};
