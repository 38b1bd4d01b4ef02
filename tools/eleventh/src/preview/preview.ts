/**
 * `eleventh preview`: what merging the work tree would change, per environment, against a base — the
 * rendered manifests (unified diffs), the pins that would move and why, the policies that would fail.
 * Everything happens in memory: nothing under environments/ or tmp/ is written, no ref or index moves
 * (the work tree's snapshot commit is an unreferenced object, see snapshot.ts).
 */
import { loadConfig } from '../config/load';
import { environmentOrder } from '../engine/plan';
import { startGraph } from '../pins/compute';
import { resolveBase } from './base';
import { committedRecipe, committedTree } from './before';
import { compareEnvironment, envFiles } from './compare';
import { THIS_CHANGE, type EnvironmentPreview, type PreviewResult } from './model';
import { pinMoves } from './pins';
import { renderWorkTree } from './render';
import { snapshotWorkTree } from './snapshot';
import { trimPreview, type TrimLimits } from './trim';

export interface PreviewOptions {
  /** Workspace root (a git work tree). */
  readonly root: string;
  /** The revision to compare with (default: the merge-base with origin/main, else main). */
  readonly base?: string;
  readonly limits?: TrimLimits;
}

/** Environments in the work tree (dependency order), then those only the base has. */
function environmentsOf(order: readonly string[], atBase: readonly string[]): string[] {
  return [...order, ...atBase.filter((e) => !order.includes(e))];
}

export async function preview(opts: PreviewOptions): Promise<PreviewResult> {
  // `git status` refreshes the index's stat cache when it may; a preview must not write even that.
  const locks = process.env.GIT_OPTIONAL_LOCKS;
  process.env.GIT_OPTIONAL_LOCKS = '0';
  try {
    return await previewRun(opts);
  } finally {
    if (locks === undefined) delete process.env.GIT_OPTIONAL_LOCKS;
    else process.env.GIT_OPTIONAL_LOCKS = locks;
  }
}

async function previewRun(opts: PreviewOptions): Promise<PreviewResult> {
  const { root } = opts;
  const base = resolveBase(root, opts.base);
  const graph = startGraph(root);
  graph.catch(() => undefined);
  const snapshot = snapshotWorkTree(root);
  const config = loadConfig(root);
  const [before, rendered] = await Promise.all([committedTree(root, base.commit), renderWorkTree(root, config, snapshot, graph)]);
  const uncommitted = snapshot.commit !== snapshot.head;
  // The snapshot's SHA means nothing to a reviewer (the real commit will differ): name it for what it is.
  const named = (text: string): string => (uncommitted ? text.replaceAll(snapshot.commit, THIS_CHANGE).replaceAll(snapshot.commit.slice(0, 12), THIS_CHANGE) : text);
  const envs = environmentsOf(environmentOrder(config), before.environments);
  const failed = (env: string): boolean => (rendered.get(env)?.findings.length ?? 0) > 0;
  const sides = envs.map((env) => {
    const was = committedRecipe(before, env);
    return { environment: env, before: was, after: failed(env) ? was : rendered.get(env)?.recipe };
  });
  const moves = await pinMoves(root, sides, snapshot, graph);
  const environments = envs.map((env, i): EnvironmentPreview => {
    const r = rendered.get(env);
    const after = new Map([...envFiles(r?.files ?? new Map(), env)].map(([p, c]) => [p, named(c)]));
    const from = config.environments.includes(env) ? config.environment(env).promotion?.from : undefined;
    return {
      environment: env,
      ...(from ? { promotedFrom: from } : {}),
      changes: failed(env) ? [] : compareEnvironment(env, envFiles(before.files, env), after),
      pins: moves[i],
      policies: r?.findings ?? [],
    };
  });
  const trimmed = trimPreview(environments, opts.limits);
  return { base, head: snapshot.head, uncommitted: snapshot.changed, environments: trimmed.environments, omitted: trimmed.omitted };
}
