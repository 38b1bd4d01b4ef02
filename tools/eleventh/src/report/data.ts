/**
 * Gather the report's data from git: each environment's recipe at HEAD, its history (`recipeHistory`,
 * the same data as `eleventh history`), the committer times of the pins and of the commits behind each
 * move, and the teams from tenant.yaml. Ages are relative to `now`: HEAD's committer time unless given.
 */
import { loadConfig } from '../config/load';
import { gitText } from '../git/run';
import type { Recipe } from '../model';
import { recipeAt } from '../release/git-read';
import { describeAddonMove } from '../release/addon-moves';
import { recipeHistory, type HistoryEntry } from '../release/history';
import { commitTimes } from './commit-times';
import { dora } from './metrics';
import type { EnvironmentReport, ReportCell, ReportChange, ReportData, ReportService } from './model';
import { environmentColumns, type EnvironmentColumn } from './order';

export interface ReportOptions {
  /** Epoch seconds ages are measured to. @default HEAD's committer time */
  readonly now?: number;
  /** Overrides every environment's `report.commitUrl`. */
  readonly commitUrl?: string;
}

const iso = (sec: number): string => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');

function changeOf(e: HistoryEntry): ReportChange {
  return {
    time: e.time,
    kind: e.kind,
    commit: e.commit,
    subject: e.subject,
    committer: e.committer,
    ...(e.tag ? { tag: e.tag } : {}),
    ...(e.tagger ? { tagger: e.tagger } : {}),
    ...(e.rollback ? { rollback: e.rollback } : {}),
    moved: e.moved.map((m) => m.service).sort(),
    addons: (e.addons ?? []).map(describeAddonMove),
  };
}

/** Service → index of the newest change that moved it. */
function lastMoves(timeline: readonly ReportChange[]): Map<string, number> {
  const out = new Map<string, number>();
  timeline.forEach((c, i) => c.moved.forEach((s) => out.has(s) || out.set(s, i)));
  return out;
}

function differences(recipe: Recipe | undefined, base: Recipe | undefined): NonNullable<EnvironmentReport['differences']> {
  const mine = recipe?.services ?? {};
  const theirs = base?.services ?? {};
  return {
    missing: Object.keys(theirs).filter((s) => !mine[s]).sort(),
    extra: Object.keys(mine).filter((s) => !theirs[s]).sort(),
    differ: Object.keys(mine).filter((s) => theirs[s] && theirs[s].commit !== mine[s].commit).sort(),
  };
}

interface Gathered {
  readonly column: EnvironmentColumn;
  readonly recipe?: Recipe;
  readonly history: HistoryEntry[];
}

function shasOf(gathered: readonly Gathered[]): string[] {
  const shas: string[] = [];
  for (const g of gathered) {
    for (const s of Object.values(g.recipe?.services ?? {})) shas.push(s.commit);
    for (const e of g.history) for (const m of e.moved) if (m.to) shas.push(m.to, ...(m.commits ?? []).map((c) => c.sha));
  }
  return shas;
}

export async function gatherReport(root: string, opts: ReportOptions = {}): Promise<ReportData> {
  const config = loadConfig(root);
  const [head, headTime] = gitText(['log', '-1', '--format=%H %ct', 'HEAD'], { cwd: root }).split(' ');
  const now = opts.now ?? Number(headTime);
  const gathered: Gathered[] = [];
  for (const column of environmentColumns(config)) {
    const recipe = recipeAt(root, head, column.name);
    gathered.push({ column: opts.commitUrl ? { ...column, commitUrl: opts.commitUrl } : column, ...(recipe ? { recipe } : {}), history: await recipeHistory(root, column.name) });
  }
  const times = commitTimes(root, shasOf(gathered));
  const recipes = new Map(gathered.map((g) => [g.column.name, g.recipe]));
  const environments = gathered.map((g): EnvironmentReport => {
    const timeline = g.history.map(changeOf);
    const lastRelease = timeline.findIndex((c) => c.kind === 'promotion' || c.kind === 'rollback');
    const { name, base, followsMain, commitUrl } = g.column;
    return {
      name,
      ...(base ? { base } : {}),
      followsMain,
      ...(commitUrl ? { commitUrl } : {}),
      services: Object.keys(g.recipe?.services ?? {}).length,
      ...(lastRelease >= 0 ? { lastRelease } : {}),
      timeline,
      ...(base ? { differences: differences(g.recipe, recipes.get(base)) } : {}),
      dora: dora(g.history, times, now),
      addons: Object.fromEntries(Object.entries(g.recipe?.addons ?? {}).map(([n, a]) => [n, a.version])),
    };
  });
  const namespaces = [...new Set(gathered.flatMap((g) => Object.values(g.recipe?.services ?? {}).map((s) => s.namespace)))].sort();
  const envOf = config.environments[0];
  const teams = new Map(config.namespaces(envOf).map((ns) => [ns, config.tenant(envOf, ns).team]));
  const names = [...new Set(gathered.flatMap((g) => Object.keys(g.recipe?.services ?? {})))].sort();
  const last = new Map(environments.map((e) => [e.name, lastMoves(e.timeline)]));
  const services = names.map((name): ReportService => {
    const cells: Record<string, ReportCell> = {};
    let namespace = '';
    for (const g of gathered) {
      const entry = g.recipe?.services[name];
      if (!entry) continue;
      namespace ||= entry.namespace;
      const pinTime = times.get(entry.commit);
      const baseEntry = g.column.base ? recipes.get(g.column.base)?.services[name] : undefined;
      const state = !g.column.base ? 'base' : !baseEntry ? 'extra' : baseEntry.commit === entry.commit ? 'same' : 'differs';
      const lastIndex = last.get(g.column.name)?.get(name);
      cells[g.column.name] = {
        pin: entry.commit,
        pinTime: pinTime === undefined ? '' : iso(pinTime),
        age: pinTime === undefined ? 0 : Math.max(0, now - pinTime),
        ...(entry.imageDigest ? { imageDigest: entry.imageDigest } : {}),
        state,
        ...(lastIndex !== undefined ? { last: lastIndex } : {}),
      };
    }
    return { name, namespace, team: teams.get(namespace) ?? '', cells };
  });
  return {
    head: { commit: head, time: iso(Number(headTime)) },
    now: iso(now),
    environments,
    namespaces: namespaces.map((n) => ({ name: n, team: teams.get(n) ?? '' })),
    services,
  };
}
