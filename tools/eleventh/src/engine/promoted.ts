/** Promoted environments: rendered from their promotedFrom commit's sources with their recipe's pins. */
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { loadConfig, type ConfigSet } from '../config/load';
import { ConfigError } from '../errors';
import { loadKit, kitEntry, loadLocalProfiles } from '../load/kit';
import { blobId } from '../load/services';
import { sourcesOf, type PromotedFrom, type Recipe } from '../model';
import { git } from '../git/run';
import { parseRecipe, readRecipe, recipePath } from '../recipe/recipe';
import type { FileMap } from '../render/files';
import { renderEnvironmentLayers } from '../render/environment';
import { folderIdentity } from './identity';
import type { ServiceToRender } from './services-env';
import { renderServices, type RenderPool } from './render-pool';
import { namesByNamespace, tenantsOf } from './layout';
import { withSources, type ReleaseSources, type WorkTreeState } from './worktree';
import { environmentPolicyFindings } from '../policy/check';
import type { Finding } from '../findings';
import { recordedDigests } from '../images/digests';

export interface PromotedRenderInput {
  readonly root: string;
  readonly environment: string;
  /** The recipe to render: its services and promotedFrom (the sources' commit). */
  readonly recipe: Recipe;
  readonly engineId: string;
  /** Check every service, reusing no remembered verdict (verify). */
  readonly recheck?: boolean;
  /** The current config when the sources are the working tree (saves re-reading). */
  readonly currentConfig?: ConfigSet;
  /** Worker threads for large renders (render-pool.ts). */
  readonly pool?: RenderPool;
  /** For a mirror: the recipe of the environment it mirrors, as it is written in the same commit. */
  readonly mirrored?: Recipe;
  /** Collects the environment policies' findings, checked with the release's own kit and config. */
  readonly policyFindings?: Finding[];
  /** The work tree as the run already read it: whether it holds the release's sources needs no `git status` then. */
  readonly workTree?: WorkTreeState;
}

function recipeAtCommit(root: string, commit: string, env: string): Recipe | undefined {
  const path = recipePath(env);
  const res = git(['show', `${commit}:${path}`], { cwd: root, okCodes: [0, 128] });
  return res.status === 0 ? parseRecipe(res.stdout, `${commit.slice(0, 12)}:${path}`) : undefined;
}

/**
 * Where a promoted environment's render reads from, derived from its record alone: the kit, deploy.ts and
 * all configuration from `promotedFrom.sources`; its own hand-written files from `promotedFrom.commit`; and,
 * along the promotion chain, each promoted source's own files from the commit it was promoted at (read
 * from its recipe there). So prod = what preprod ran (preprod's sources and files) + prod's own files.
 * A record without `sources` (written before it existed) renders wholly from its commit, as it did then.
 */
export function releaseSources(root: string, recipe: Recipe, mirrored?: Recipe): ReleaseSources {
  const pf = recipe.promotedFrom;
  if (!pf) throw new ConfigError({ file: recipePath(recipe.environment) }, 'promoted environment has no promotedFrom', 'promotedFrom: {environment, commit, sources}');
  if (!pf.sources) return { sources: pf.commit, overlays: new Map() };
  const overlays = new Map<string, string>([[recipe.environment, pf.commit]]);
  let next: Recipe | undefined = pf.mirrorOf ? (mirrored ?? readRecipe(root, pf.mirrorOf)) : recipeAtCommit(root, pf.commit, pf.environment);
  for (let depth = 0; next?.promotedFrom && depth < 32; depth++) {
    const npf: PromotedFrom = next.promotedFrom;
    if (!overlays.has(next.environment)) overlays.set(next.environment, npf.commit);
    if (!npf.sources) break;
    next = npf.mirrorOf ? readRecipe(root, npf.mirrorOf) : recipeAtCommit(root, npf.commit, npf.environment);
  }
  return { sources: pf.sources, overlays };
}

function servicesOf(sourceRoot: string, recipe: Recipe): ServiceToRender[] {
  return Object.entries(recipe.services).map(([name, e]) => {
    const deployFile = `services/${name}/deploy.ts`;
    const abs = join(sourceRoot, deployFile);
    if (!existsSync(abs)) {
      const at = recipe.promotedFrom ? sourcesOf(recipe.promotedFrom) : 'HEAD';
      throw new ConfigError({ file: deployFile }, `service '${name}' in ${recipe.environment}'s recipe does not exist at ${at}`, 'every recipe service to exist at its promotedFrom sources');
    }
    const deployHash = blobId(readFileSync(abs));
    return { name, namespace: e.namespace, commit: e.commit, inputs: e.inputs, deployFile, deployHash };
  });
}

/** Render a promoted environment into `files`; returns its recipe with fresh digests. */
export async function renderPromoted(input: PromotedRenderInput, files: FileMap): Promise<Recipe> {
  const release = releaseSources(input.root, input.recipe, input.mirrored);
  return withSources(input.root, release, async (sourceRoot) => {
    const config = sourceRoot === input.root && input.currentConfig ? input.currentConfig : loadConfig(sourceRoot);
    const kit = loadKit(sourceRoot);
    const kitId = folderIdentity(dirname(kitEntry(sourceRoot)));
    const services = servicesOf(sourceRoot, input.recipe);
    // The image digests are the record's (copied by promotion with the pins): workloads reference image@digest.
    const digests = recordedDigests(input.recipe.services);
    const out = await renderServices(input.pool, { sourceRoot, environment: input.environment, config, kit, kitId, engineId: input.engineId, services, full: true, digests, recheck: input.recheck }, files);
    const layout = { environment: config.environment(input.environment), tenants: tenantsOf(config, input.environment), services: namesByNamespace(services) };
    const layers = renderEnvironmentLayers(kit, layout, files, { localProfiles: loadLocalProfiles(sourceRoot), sourceRoot });
    input.policyFindings?.push(...environmentPolicyFindings(kit, { environment: input.environment, config, services, files, objects: new Map(out.objects) }));
    // `manifest` only lets `recipe` skip unchanged services; promoted environments are always rendered whole,
    // and keeping it would make every engine change rewrite their recipes without a promotion.
    const entries = Object.fromEntries(Object.entries(out.entries).map(([name, { manifest: _manifest, ...entry }]) => [name, entry]));
    // Add-ons come from the same sources as everything else: a chart bump on main reaches this environment
    // only when a promotion moves its sources.
    const addons = layers.addons;
    return { environment: input.environment, promotedFrom: input.recipe.promotedFrom, services: entries, ...(Object.keys(addons).length > 0 ? { addons } : {}) };
  }, input.workTree);
}
