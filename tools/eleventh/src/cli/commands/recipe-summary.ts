/**
 * What `eleventh recipe` tells its reader: per environment, its services and pins, what moved, whether it
 * was seeded, and whether it was already up to date; promoted environments the run left alone; and where
 * to look next (the report page). The JSON form keeps every field it ever had and adds the counts.
 */
import type { ConfigSet } from '../../config/load';
import type { EnvOutcome } from '../../engine/plan';
import type { Recipe } from '../../model';
import { addonMovesBetween, describeAddonMove, type AddonMove } from '../../release/addon-moves';
import { describeMove, movedBetween, type Move } from '../../release/moved';
import { DEFAULT_OUT, FILE_NAME } from '../../report/output';

export interface EnvSummary {
  readonly environment: string;
  readonly seeded: boolean;
  readonly rendered: readonly string[];
  readonly moved: readonly Move[];
  readonly addons: readonly AddonMove[];
  /** Services in the recipe. */
  readonly services: number;
  /** Distinct pins (commits) among them. */
  readonly pins: number;
  /** Files this run wrote under environments/<env>/. */
  readonly filesChanged: number;
  /** The environment was already what this run would make it: nothing written. */
  readonly upToDate: boolean;
}

export function summarise(outcomes: readonly EnvOutcome[], changedFiles: readonly string[]): EnvSummary[] {
  return outcomes.map((o) => {
    const entries = Object.values(o.recipe.services);
    const filesChanged = changedFiles.filter((line) => line.split(' ')[1]?.startsWith(`environments/${o.environment}/`)).length;
    return {
      environment: o.environment,
      seeded: o.seeded,
      rendered: [...o.rendered].sort(),
      moved: movedBetween(o.previous, o.recipe),
      addons: addonMovesBetween(o.previous, o.recipe),
      services: entries.length,
      pins: new Set(entries.map((e) => e.commit)).size,
      filesChanged,
      upToDate: filesChanged === 0,
    };
  });
}

function state(s: EnvSummary, config: ConfigSet): string {
  if (s.seeded) return `seeded from ${config.environment(s.environment).promotion?.from ?? 'its source'} (${s.filesChanged} file(s) written)`;
  if (s.upToDate) return 'up to date';
  return `${s.moved.length} moved, ${s.rendered.length} re-rendered, ${s.filesChanged} file(s) written`;
}

/** `prod: promoted from preprod (prod-v7 at 3608abab9511): left as is; …` for a promoted environment the run did not touch. */
function untouched(recipe: Recipe | undefined, env: string): string {
  const pf = recipe?.promotedFrom;
  const services = Object.keys(recipe?.services ?? {}).length;
  const from = pf ? `${pf.mirrorOf ? `mirror of ${pf.mirrorOf}` : `promoted from ${pf.environment}`} (${pf.tag ? `${pf.tag} at ` : ''}${pf.commit.slice(0, 12)})` : 'promoted';
  return `${env}: ${count(services, 'service')}, ${from}; left as is (it changes only by \`eleventh promote --to ${env}\` or rollback)`;
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** New services named on the `new:` line; a first run of thousands names these and counts the rest (--json lists all). */
export const NEW_LISTED = 20;

/** `  new: a, b, c (at <pin>)`; beyond NEW_LISTED names, the first of them and how many more. */
function newLine(fresh: readonly Move[]): string {
  const pins = [...new Set(fresh.map((m) => m.to!.slice(0, 12)))];
  const at = pins.length === 1 ? `at ${pins[0]}` : count(pins.length, 'pin');
  if (fresh.length <= NEW_LISTED) return `  new: ${names(fresh)} (${at})`;
  return `  new: ${names(fresh)} (${count(fresh.length, 'service')}, ${at}; --json lists every one)`;
}

/** Up to this many other moves get a line each; beyond it, they are grouped by the pin they moved to. */
export const MOVES_LISTED = 20;

/** `a, b, c` or, beyond NEW_LISTED names, `a, …, t and N more`. */
function names(moves: readonly Move[]): string {
  const listed = moves.slice(0, NEW_LISTED).map((m) => m.service).join(', ');
  return moves.length <= NEW_LISTED ? listed : `${listed} and ${moves.length - NEW_LISTED} more`;
}

/**
 * Many moves (a lockfile bump re-pins every service): one line per pin moved to, largest group first, at most
 * MOVES_LISTED of them, then how many more. Removed services get one `removed:` line.
 */
function groupedMoves(moves: readonly Move[]): string[] {
  const byPin = new Map<string, Move[]>();
  const removed = moves.filter((m) => !m.to);
  for (const m of moves) {
    if (!m.to) continue;
    const group = byPin.get(m.to);
    if (group) group.push(m);
    else byPin.set(m.to, [m]);
  }
  const groups = [...byPin].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
  const lines = groups.slice(0, MOVES_LISTED).map(([to, group]) => {
    const from = new Set(group.map((m) => m.from)).size;
    return `  moved to ${to.slice(0, 12)}: ${names(group)} (${count(group.length, 'service')} from ${count(from, 'pin')})`;
  });
  const rest = groups.slice(MOVES_LISTED);
  if (rest.length > 0) lines.push(`  and ${count(rest.reduce((n, [, g]) => n + g.length, 0), 'service')} moved to ${count(rest.length, 'other pin')}`);
  if (removed.length > 0) lines.push(`  removed: ${names(removed)}`);
  lines.push(`  (${count(moves.length, 'move')}, grouped by the pin moved to; --json lists every one)`);
  return lines;
}

/** The moves of one environment: new services and add-ons on one line each, every other move on its own (grouped when many). */
export function moveLines(s: Pick<EnvSummary, 'moved' | 'addons'>): string[] {
  const fresh = s.moved.filter((m) => !m.from && m.to);
  const isFresh = new Set(fresh);
  const others = s.moved.filter((m) => !isFresh.has(m));
  const freshAddons = s.addons.filter((m) => !m.from && m.to);
  return [
    ...(fresh.length > 0 ? [newLine(fresh)] : []),
    ...(others.length > MOVES_LISTED ? groupedMoves(others) : others.map((m) => `  ${describeMove(m)}`)),
    ...(freshAddons.length > 0 ? [`  new add-ons: ${freshAddons.map((m) => `${m.addon} ${m.to!.version}`).join(', ')}`] : []),
    ...s.addons.filter((m) => !freshAddons.includes(m)).map((m) => `  add-on ${describeAddonMove(m)}`),
  ];
}

/** `recipes`: each environment's recipe as the run read it (an environment the run leaves is still that). */
export function summaryText(config: ConfigSet, summary: readonly EnvSummary[], all: boolean, recipes: ReadonlyMap<string, Recipe | undefined>): string[] {
  const lines: string[] = [];
  for (const s of summary) {
    lines.push(`${s.environment}: ${count(s.services, 'service')}, ${count(s.pins, 'pin')}; ${state(s, config)}`);
    if (!s.seeded) lines.push(...moveLines(s));
  }
  if (all) {
    const done = new Set(summary.map((s) => s.environment));
    for (const env of config.environments) if (!done.has(env) && !config.followsMain(env)) lines.push(untouched(recipes.get(env), env));
  }
  lines.push(`next: npx eleventh report   (writes ${DEFAULT_OUT}/${FILE_NAME.html}: every environment × service, what differs, releases, DORA figures; it reads git, so commit first)`);
  return lines;
}
