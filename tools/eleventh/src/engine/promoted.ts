/** Promoted environments: rendered from their promotedFrom commit's sources with their recipe's pins. */
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { loadConfig, type ConfigSet } from '../config/load';
import { ConfigError } from '../errors';
import { loadKit, kitEntry } from '../load/kit';
import { blobId } from '../load/services';
import type { Recipe } from '../model';
import type { FileMap } from '../render/files';
import { renderEnvironmentLayers } from '../render/environment';
import { folderIdentity } from './identity';
import type { ServiceToRender } from './services-env';
import { renderServices, type RenderPool } from './render-pool';
import { namesByNamespace, tenantsOf } from './layout';
import { withSources } from './worktree';

export interface PromotedRenderInput {
  readonly root: string;
  readonly environment: string;
  /** The recipe to render: its services and promotedFrom (the sources' commit). */
  readonly recipe: Recipe;
  readonly engineId: string;
  /** The current config when the sources are the working tree (saves re-reading). */
  readonly currentConfig?: ConfigSet;
  /** Worker threads for large renders (render-pool.ts). */
  readonly pool?: RenderPool;
}

function servicesOf(sourceRoot: string, recipe: Recipe): ServiceToRender[] {
  return Object.entries(recipe.services).map(([name, e]) => {
    const deployFile = `services/${name}/deploy.ts`;
    const abs = join(sourceRoot, deployFile);
    if (!existsSync(abs)) {
      throw new ConfigError({ file: deployFile }, `service '${name}' in ${recipe.environment}'s recipe does not exist at ${recipe.promotedFrom?.commit}`, 'every recipe service to exist at its promotedFrom commit');
    }
    const deployHash = blobId(readFileSync(abs));
    return { name, namespace: e.namespace, commit: e.commit, inputs: e.inputs, deployFile, deployHash };
  });
}

/** Render a promoted environment into `files`; returns its recipe with fresh digests. */
export async function renderPromoted(input: PromotedRenderInput, files: FileMap): Promise<Recipe> {
  const commit = input.recipe.promotedFrom?.commit;
  if (!commit) throw new ConfigError({ file: `environments/${input.environment}/recipe.yaml` }, 'promoted environment has no promotedFrom.commit', 'promotedFrom: {environment, commit}');
  return withSources(input.root, commit, async (sourceRoot) => {
    const config = sourceRoot === input.root && input.currentConfig ? input.currentConfig : loadConfig(sourceRoot);
    const kit = loadKit(sourceRoot);
    const kitId = folderIdentity(dirname(kitEntry(sourceRoot)));
    const services = servicesOf(sourceRoot, input.recipe);
    const out = await renderServices(input.pool, { sourceRoot, environment: input.environment, config, kit, kitId, engineId: input.engineId, services, full: true }, files);
    const layout = { environment: config.environment(input.environment), tenants: tenantsOf(config, input.environment), services: namesByNamespace(services) };
    renderEnvironmentLayers(kit, layout, files);
    // `manifest` only lets `recipe` skip unchanged services; promoted environments are always rendered whole,
    // and keeping it would make every engine change rewrite their recipes without a promotion.
    const entries = Object.fromEntries(Object.entries(out.entries).map(([name, { manifest: _manifest, ...entry }]) => [name, entry]));
    return { environment: input.environment, promotedFrom: input.recipe.promotedFrom, services: entries };
  });
}
