/** `eleventh verify`: recipes ↔ rendered files ↔ git history ↔ policies. Every finding, never the first only. */
import { loadConfig } from '../../config/load';
import { planRun, type Plan } from '../../engine/plan';
import { ConfigError, ElevenError, withExpected } from '../../errors';
import { finding, findingFromLine, sortFindings, type Finding } from '../../findings';
import { assertFullHistory, gitText } from '../../git/run';
import { loadKit } from '../../load/kit';
import type { Pin, Recipe } from '../../model';
import { computePins } from '../../pins/compute';
import { readRecipe, recipePath } from '../../recipe/recipe';
import { secondBootstrapOwnerFindings } from './bootstrap-rules';
import { promotionFindings } from './promotion-rules';
import { RECIPE_RULES } from './recipe-rules';
import { diskPolicyFindings, pinsAreCurrent, renderedFilesMatch } from './render-rules';
import { startGraph } from '../../pins/compute';
import type { GraphInputs } from '../../pins/inputs';
import { Registries } from '../../images/registries';
import type { RegistryOptions } from '../../images/registry/client';
import { imageCheckContext } from './image-context';
import { imageFindings } from './image-rules';
import { tracked } from '../../progress';
import { timed } from '../../timing';

export interface VerifyOptions {
  readonly root: string;
  readonly envs?: readonly string[];
  /** Also check every pinned image (and its SBOM) against its registry (`verify --images`). */
  readonly images?: boolean;
  readonly registries?: RegistryOptions;
}

function recipeOrFinding(root: string, env: string, findings: Finding[]): Recipe | undefined {
  try {
    const recipe = readRecipe(root, env);
    if (!recipe) findings.push(finding(recipePath(env), 'recipe/present', 'missing (expected `eleventh recipe` to write it)'));
    return recipe;
  } catch (err) {
    if (err instanceof ConfigError) findings.push(finding(err.at.file, 'recipe/readable', withExpected(err.problem, err.expected), err.at.line));
    else if (err instanceof ElevenError) findings.push(findingFromLine(err.report(), 'recipe/readable', recipePath(env)));
    else throw err;
    return undefined;
  }
}

/** A fresh render that fails (bad config, a policy, a kit error) is a finding per line of its report. */
async function freshRender(root: string, envs: readonly string[], graph: Promise<GraphInputs>, findings: Finding[]): Promise<Plan | undefined> {
  try {
    // Every service is checked again: verify trusts no remembered verdict (engine/passed-checks.ts).
    return await planRun({ root, mode: 'render', envs, graph, recheck: true });
  } catch (err) {
    if (!(err instanceof ElevenError)) throw err;
    findings.push(...err.report().split('\n').filter(Boolean).map((l) => findingFromLine(l, 'render/fails', 'environments')));
    return undefined;
  }
}

/** The chosen environments' recipes plus the others' (a mirror is checked against the environment it mirrors). */
function allRecipes(root: string, config: ReturnType<typeof loadConfig>, chosen: ReadonlyMap<string, Recipe>): Map<string, Recipe> {
  const known = new Map(chosen);
  for (const env of config.environments) {
    if (known.has(env)) continue;
    try {
      const r = readRecipe(root, env);
      if (r) known.set(env, r);
    } catch {
      // reported when that environment is verified
    }
  }
  return known;
}

/** Every finding for the chosen environments (all by default), once each, sorted by file. */
export async function verify(opts: VerifyOptions): Promise<Finding[]> {
  const { root } = opts;
  // Every pin must be a commit in HEAD's history: a shallow clone cannot answer (exit 2, not findings).
  assertFullHistory(root, 'verify');
  const config = loadConfig(root);
  const envs = opts.envs ?? config.environments;
  envs.forEach((e) => config.environment(e));
  const head = gitText(['rev-parse', 'HEAD'], { cwd: root });
  const kit = loadKit(root);
  const findings: Finding[] = [];
  const recipes = new Map<string, Recipe>();
  for (const env of envs) {
    const recipe = recipeOrFinding(root, env, findings);
    if (!recipe) continue;
    recipes.set(env, recipe);
    for (const [name, rule] of RECIPE_RULES) findings.push(...timed(`verify: ${name}`, () => rule({ root, recipe, head })));
    findings.push(...timed('verify: disk policy', () => diskPolicyFindings(root, env, kit)));
  }
  const every = allRecipes(root, config, recipes);
  for (const env of envs) {
    const recipe = recipes.get(env);
    if (recipe && !config.followsMain(env)) findings.push(...timed('verify: promotion', () => promotionFindings({ root, config, recipe, recipes: every })));
  }
  // One Nx graph for the render, the fresh pins and --images (each used to build its own: seconds at scale).
  const graph = startGraph(root);
  const plan = await freshRender(root, envs, graph, findings);
  let fresh: ReadonlyMap<string, Pin> | undefined;
  const freshPins = async (): Promise<ReadonlyMap<string, Pin>> => (fresh ??= (await computePins({ root, previous: new Map(), graph })).pins);
  if (plan) {
    findings.push(...plan.policyFindings);
    findings.push(...timed('verify: files match', () => renderedFilesMatch(root, plan)));
    const followers = plan.outcomes.filter((o) => config.followsMain(o.environment) && recipes.has(o.environment));
    // Pins from scratch: with the recipes' pins as `previous`, unchanged inputs would keep a tampered pin.
    const pins = followers.length > 0 ? await freshPins() : new Map<string, Pin>();
    for (const o of followers) {
      const current = Object.fromEntries(Object.entries(o.recipe.services).map(([n, e]) => [n, { ...e, commit: pins.get(n)?.commit ?? e.commit }]));
      findings.push(...pinsAreCurrent(recipes.get(o.environment)!, { ...o.recipe, services: current }));
    }
  }
  findings.push(...secondBootstrapOwnerFindings(root, opts.envs));
  if (opts.images) findings.push(...(await registryFindings(root, await graph, await freshPins(), recipes, opts.registries)));
  return sortFindings(findings);
}

/** `--images`: every recipe's images and SBOMs against their registries. */
async function registryFindings(root: string, graph: GraphInputs, pins: ReadonlyMap<string, Pin>, recipes: ReadonlyMap<string, Recipe>, options: RegistryOptions = {}): Promise<Finding[]> {
  const current = new Map([...pins].map(([n, p]) => [n, p.commit]));
  const ctx = imageCheckContext(root, new Registries(options), graph, current, [...recipes.values()].flatMap((r) => Object.values(r.services).map((e) => e.commit)));
  const out: Finding[] = [];
  for (const recipe of recipes.values()) out.push(...(await tracked(`checking images of ${recipe.environment}`, undefined, () => imageFindings(ctx, recipe))));
  return out;
}
