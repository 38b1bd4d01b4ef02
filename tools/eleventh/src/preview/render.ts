/**
 * The "after" of a preview: the engine's own in-memory render (`planRun`, as `render --check` uses it) of
 * the work tree, with pins computed against the work tree's snapshot commit. Nothing is written. When the
 * render fails validation (schemas, policies), each environment is rendered on its own so that every
 * environment's findings are reported and the others still preview.
 */
import type { ConfigSet } from '../config/load';
import { environmentOrder, planRun, type Plan } from '../engine/plan';
import { ValidationError } from '../errors';
import type { Recipe } from '../model';
import type { GraphInputs } from '../pins/inputs';
import type { FileMap } from '../render/files';
import type { WorkTreeSnapshot } from './snapshot';

export interface RenderedEnvironment {
  readonly files: FileMap;
  readonly recipe?: Recipe;
  /** The findings the render failed with (then `files` is empty). */
  readonly findings: readonly string[];
}

function byEnvironment(plan: Plan): Map<string, RenderedEnvironment> {
  const out = new Map<string, RenderedEnvironment>();
  for (const o of plan.outcomes) {
    const prefix = `environments/${o.environment}/`;
    out.set(o.environment, { files: new Map([...plan.files].filter(([p]) => p.startsWith(prefix))), recipe: o.recipe, findings: [] });
  }
  return out;
}

export async function renderWorkTree(root: string, config: ConfigSet, snapshot: WorkTreeSnapshot, graph: Promise<GraphInputs>): Promise<Map<string, RenderedEnvironment>> {
  const run = (envs?: string[]) => planRun({ root, mode: 'render', envs, head: snapshot.commit, headIsWorkTree: true, graph });
  try {
    return byEnvironment(await run());
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
  }
  const out = new Map<string, RenderedEnvironment>();
  for (const env of environmentOrder(config)) {
    try {
      for (const [name, r] of byEnvironment(await run([env]))) out.set(name, r);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      out.set(env, { files: new Map(), findings: err.findings });
    }
  }
  return out;
}
