/**
 * Release notes for one or many recipe changes at once (history asks for every change of an environment):
 * one Segment, one image-input log, one manifest-input log and one lockfile reader in all.
 */
import { git, revParse } from '../../git/run';
import type { Recipe } from '../../model';
import { sourcesOf } from '../../model';
import { loadGraphInputs } from '../../pins/graph';
import type { GraphInputs } from '../../pins/inputs';
import { imageNotes, type MoveRequest } from './image';
import { manifestCommits, manifestLog, rerendered } from './manifest';
import type { ManifestNotes, ServiceNotes } from './model';
import { Segment, type Range } from './segment';

export interface NotesRequest {
  /** The environment, last in its `extends` chain (root first). */
  readonly chain: readonly string[];
  readonly before?: Recipe;
  readonly after?: Recipe;
  /**
   * Where each recipe stands (the commit that holds it): the manifest sources of an environment that
   * follows main. Promoted recipes name theirs in `promotedFrom`. Absent `before`: no manifest range.
   */
  readonly at: { readonly before?: string; readonly after: string };
  /** List configuration commits (an environment-to-environment diff shows resolved config instead). @default true */
  readonly config?: boolean;
}

export interface ReleaseNotes {
  /** Services whose pin changed (present on both sides), by name. */
  readonly moves: readonly ServiceNotes[];
  readonly manifest: ManifestNotes;
}

const graphs = new Map<string, Promise<GraphInputs>>();

/**
 * The Nx graph of the workspace at `root` (it costs seconds), reused while HEAD's tree outside
 * `environments/` stays the same: the commits `--commit` makes for one environment after another do not
 * reload it; a rebase that brings new sources (a `--push` retry) does.
 */
export function graphOf(root: string): Promise<GraphInputs> {
  const top = git(['ls-tree', 'HEAD'], { cwd: root }).stdout.split('\n').filter((l) => !l.endsWith('\tenvironments'));
  const key = `${root}\0${top.join('\n')}`;
  let g = graphs.get(key);
  if (!g) {
    graphs.clear();
    g = loadGraphInputs(root);
    graphs.set(key, g);
    g.catch(() => graphs.delete(key));
  }
  return g;
}

function movesOf(req: NotesRequest): MoveRequest[] {
  const a = req.before?.services ?? {};
  const b = req.after?.services ?? {};
  return Object.keys(b).sort().filter((n) => a[n] && a[n].commit !== b[n].commit).map((n) => ({ service: n, from: a[n].commit, to: b[n].commit }));
}

/** The manifest ranges: sources (kit, deploy.ts, inherited config) and the environment's own files. */
function rangesOf(req: NotesRequest): { sources: Range; own: Range } | undefined {
  const pa = req.before?.promotedFrom;
  const pb = req.after?.promotedFrom;
  const fromSources = pa ? sourcesOf(pa) : req.at.before;
  const fromOwn = pa ? pa.commit : req.at.before;
  if (fromSources === undefined || fromOwn === undefined) return undefined;
  return {
    sources: { from: fromSources, to: pb ? sourcesOf(pb) : req.at.after },
    own: { from: fromOwn, to: pb ? pb.commit : req.at.after },
  };
}

export interface NotesOptions {
  /** The history everything is read along. @default 'HEAD' */
  readonly tip?: string;
  /** @default graphOf(root), loaded only when some pin moved */
  readonly graph?: () => Promise<GraphInputs>;
}

export async function releaseNotes(root: string, requests: readonly NotesRequest[], opts: NotesOptions = {}): Promise<ReleaseNotes[]> {
  const moves = requests.map(movesOf);
  const ranges = requests.map(rangesOf);
  // Every end of a manifest range (sources and own files): where the manifest log must reach back to.
  const rangeEnds = ranges.flatMap((r) => (r ? [r.sources, r.own].flatMap((x) => [x.from!, x.to]) : []));
  const revs = new Set<string>();
  for (const m of moves.flat()) revs.add(m.from).add(m.to);
  for (const end of rangeEnds) revs.add(end);
  const empty = (i: number): ReleaseNotes => ({ moves: [], manifest: { commits: [], rerendered: rerendered(requests[i].before, requests[i].after) } });
  if (revs.size === 0) return requests.map((_, i) => empty(i));
  const tip = revParse(opts.tip ?? 'HEAD', root);
  const segment = Segment.load(root, tip, revs);
  const all = moves.flat();
  const notes = all.length > 0 ? await imageNotes(root, segment, await (opts.graph ?? (() => graphOf(root)))(), all) : [];
  // The manifest log reads only back to where the manifest ranges start, not to where the oldest pin does: a
  // service pinned years ago made the image segment the whole history (25,000 commits: 21 s of git log).
  const manifestSegment = rangeEnds.length > 0 ? Segment.load(root, tip, rangeEnds) : segment;
  const mlog = rangeEnds.length > 0 ? manifestLog(manifestSegment) : [];
  let next = 0;
  return requests.map((req, i) => {
    const mine = notes.slice(next, next + moves[i].length);
    next += moves[i].length;
    const r = ranges[i];
    const services = new Set([...Object.keys(req.before?.services ?? {}), ...Object.keys(req.after?.services ?? {})]);
    const commits = r ? manifestCommits(manifestSegment, mlog, { ...r, chain: req.chain, services, config: req.config }) : [];
    return { moves: mine, manifest: { commits, rerendered: rerendered(req.before, req.after) } };
  });
}
