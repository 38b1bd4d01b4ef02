/**
 * Gates in code: `promotion.soak` (the source's release must have stood unchanged this long, measured from
 * git's committer times) and `promotion.freeze` windows. Either is passed only with `--break-glass
 * "reason"`, which the commit records (Eleventh-Break-Glass) and history shows.
 */
import { inWindow } from '../config/promotion';
import { git } from '../git/run';
import type { FreezeWindow, PromotionConfig } from '../model';
import { recipePath } from '../recipe/recipe';

export interface GateInput {
  readonly root: string;
  readonly env: string;
  readonly promotion: PromotionConfig;
  /** The commit promoted (the tag's). */
  readonly commit: string;
  /** The release branch's ref (for when the source's release was replaced). */
  readonly branchRef: string;
  /** Epoch ms. @default Date.now() */
  readonly now?: number;
}

const hours = (ms: number): string => {
  const h = ms / 3_600_000;
  return h >= 48 ? `${(h / 24).toFixed(1)}d` : h >= 1 ? `${h.toFixed(1)}h` : `${Math.round(ms / 60_000)}m`;
};

/** Committer times (epoch ms) of the commits touching `path` in `range`, newest first. */
function times(root: string, args: readonly string[], path: string): Array<{ sha: string; at: number }> {
  const out = git(['log', '--format=%H %ct', ...args, '--', path], { cwd: root }).stdout.trim();
  return out ? out.split('\n').map((l) => ({ sha: l.split(' ')[0], at: Number(l.split(' ')[1]) * 1000 })) : [];
}

/** Why the soak gate refuses, or undefined when the source's release at `commit` has stood long enough. */
export function soakRefusal(g: GateInput): string | undefined {
  const soak = g.promotion.soak;
  if (!soak) return undefined;
  const path = recipePath(g.promotion.from);
  const [introduced] = times(g.root, ['-1', g.commit], path);
  if (!introduced) return `${path}: ${g.promotion.from} has no recipe at ${g.commit.slice(0, 12)} to soak`;
  const replaced = times(g.root, ['--reverse', '--ancestry-path', `${introduced.sha}..${g.branchRef}`], path)[0];
  const until = replaced ? replaced.at : (g.now ?? Date.now());
  const stood = until - introduced.at;
  if (stood >= soak.ms) return undefined;
  const where = `environments/${g.env}/environment.yaml`;
  if (replaced) return `${where}: promotion.soak '${soak.text}': ${g.promotion.from}'s release at ${g.commit.slice(0, 12)} stood only ${hours(stood)} before ${replaced.sha.slice(0, 12)} replaced it (expected at least ${soak.text})`;
  const ready = new Date(introduced.at + soak.ms).toISOString();
  return `${where}: promotion.soak '${soak.text}': ${g.promotion.from}'s release (${introduced.sha.slice(0, 12)}) has stood ${hours(stood)} (expected at least ${soak.text}; ready at ${ready})`;
}

function describe(w: FreezeWindow): string {
  const span = w.kind === 'dates' ? `${new Date(w.from).toISOString()} → ${new Date(w.to).toISOString()}` : `weekly ${w.text}`;
  return `${span}${w.reason ? ` (${w.reason})` : ''}`;
}

/** Why the freeze gate refuses now, or undefined outside every window. */
export function freezeRefusal(g: GateInput): string | undefined {
  const at = g.now ?? Date.now();
  const hit = g.promotion.freeze.find((w) => inWindow(w, at));
  if (!hit) return undefined;
  const where = `environments/${g.env}/environment.yaml${hit.line ? `:${hit.line}` : ''}`;
  return `${where}: ${g.env} is frozen: ${describe(hit)} (expected no promotion now, or --break-glass "reason")`;
}

/** Every gate that refuses; empty when the promotion may go ahead. */
export function gateRefusals(g: GateInput): string[] {
  return [soakRefusal(g), freezeRefusal(g)].filter((r): r is string => r !== undefined);
}
