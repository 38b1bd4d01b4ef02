import { UsageError } from '../../errors';
import { loadConfig } from '../../config/load';
import { topLevel } from '../../git/run';
import { recipeAt } from '../../release/git-read';
import { parseAt, recipeHistory, type HistoryEntry } from '../../release/history';
import { describeMove } from '../../release/moved';
import { describeAddonMove } from '../../release/addon-moves';
import { describeNoteCommit } from '../../release/notes/model';
import { defineCommand } from '../declare';
import { JSON_OPTION } from '../options';
import { printJson } from '../output';

/** `2026-…  3608abab9511  promotion  tag prod-v7 by Alice <a@x> (signed: …)  committed by CI <ci@x>  2 moved` and the details below. */
export function entryLines(e: HistoryEntry): string[] {
  const who = [
    e.tag ? `tag ${e.tag}${e.tagger ? ` by ${e.tagger}` : ''}${e.signer ? ` (signed: ${e.signer})` : ''}` : '',
    `committed by ${e.committer}${e.author !== e.committer ? ` (author ${e.author})` : ''}`,
  ].filter(Boolean);
  const counts = `${e.moved.length} moved${e.manifest.rerendered.length > 0 ? `, ${e.manifest.rerendered.length} re-rendered` : ''}${(e.addons ?? []).length > 0 ? `, ${e.addons.length} add-on(s)` : ''}`;
  const lines = [`${e.time}  ${e.commit.slice(0, 12)}  ${e.kind}  ${who.join('  ')}${e.deleted ? '  (recipe deleted)' : ''}  ${counts}`];
  if (e.rollback) lines.push(`    rolled back from ${e.rollback.from} to ${e.rollback.to}`);
  if (e.mirrorOf) lines.push(`    mirror of ${e.mirrorOf}`);
  if (e.breakGlass) lines.push(`    break-glass: ${e.breakGlass}`);
  for (const m of e.moved) {
    lines.push(`    ${describeMove(m)}${m.direction && m.direction !== 'forward' ? ` (${m.direction})` : ''}`);
    for (const c of m.commits ?? []) lines.push(`      ${describeNoteCommit(c)}`);
  }
  for (const a of e.addons ?? []) lines.push(`    add-on ${describeAddonMove(a)}`);
  if (e.manifest.rerendered.length > 0) lines.push(`    re-rendered, same image: ${e.manifest.rerendered.map((r) => r.service).join(', ')}`);
  if (e.manifest.commits.length > 0) lines.push('    manifest changes:', ...e.manifest.commits.map((c) => `      ${describeNoteCommit(c)}`));
  return lines;
}

export const historyCommand = defineCommand({
  name: 'history',
  summary: "Each change of an environment's recipe (when, kind, tag, tagger, committer, moves and the commits behind them); the recipe in force at a date",
  description: `From the git history of environments/ENV/recipe.yaml, newest first. Each change: when it landed, its kind
(recipe, promotion, rollback, mirror — from the Eleventh-* trailers, or the subject for older commits),
the tag and who tagged it (the annotated tag's tagger; the signer when signed), who committed it, the
services moved old → new with every commit behind each move (own files, libraries, locked packages),
the manifest-only changes (kit, deploy.ts, configuration) and a break-glass reason.`,
  positionals: [{ name: 'ENV', required: true, description: 'the environment' }],
  options: {
    at: { type: 'string', value: 'DATE', description: 'print the recipe in force at that instant (the newest change committed at or before it)' },
    json: JSON_OPTION,
  },
  examples: ['eleventh history prod', 'eleventh history prod --at 2026-03-01T09:00:00Z'],
  async run({ options, positionals }, io) {
    const [env] = positionals;
    const root = topLevel(io.cwd);
    loadConfig(root).environment(env);
    const at = options.at;
    if (at !== undefined) {
      const instant = parseAt(at);
      const entries = await recipeHistory(root, env, { notes: false });
      const hit = entries.find((e) => Date.parse(e.time) <= instant);
      if (!hit) throw new UsageError(`history: environments/${env}/recipe.yaml did not exist at ${at}`);
      const recipe = recipeAt(root, hit.commit, env) ?? null;
      const { moved: _moved, manifest: _manifest, ...change } = hit;
      if (options.json) printJson(io, { at, ...change, recipe });
      else {
        io.out(`${env} at ${at}: recipe of ${hit.commit.slice(0, 12)} (${hit.time}, ${hit.kind}${hit.tag ? ` ${hit.tag}` : ''}, committed by ${hit.committer})`);
        for (const [n, e] of Object.entries(recipe?.services ?? {})) io.out(`  ${n} ${e.commit.slice(0, 12)}`);
      }
      return 0;
    }
    const entries = await recipeHistory(root, env);
    if (options.json) return printJson(io, { environment: env, changes: entries }), 0;
    for (const e of entries) io.out(entryLines(e).join('\n'));
    return 0;
  },
});
