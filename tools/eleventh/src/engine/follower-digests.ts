/** The registry digests of the services of the environments that follow main, for one run (engine/plan.ts). */
import type { ConfigSet } from '../config/load';
import { keptDigests, type KnownDigests } from '../images/digests';
import type { ImageAnswer, ImageLookup, ImageQuery } from '../images/lookup';
import type { Recipe } from '../model';
import { tracked } from '../progress';
import { timed } from '../timing';
import type { ServiceToRender } from './services-env';

/**
 * The digests of every service in each environment that follows main: those its recipe records while the pin
 * and image stay, plus (with a lookup, for the run's environments) what the registries say about the rest.
 */
export async function followerDigests(config: ConfigSet, envs: readonly string[], previous: ReadonlyMap<string, Recipe | undefined>, services: readonly ServiceToRender[], lookup?: ImageLookup): Promise<{ digests: Map<string, Record<string, KnownDigests>>; images?: ImageAnswer[] }> {
  const digests = new Map<string, Record<string, KnownDigests>>();
  const queries: ImageQuery[] = [];
  for (const env of config.environments.filter((e) => config.followsMain(e))) {
    const registry = config.environment(env).registry;
    const known: Record<string, KnownDigests> = {};
    for (const s of services) {
      const image = `${registry}/${s.name}:${s.commit}`;
      known[s.name] = keptDigests(previous.get(env)?.services[s.name], s.commit, image);
      if (lookup && envs.includes(env)) queries.push({ environment: env, service: s.name, image, known: known[s.name] });
    }
    digests.set(env, known);
  }
  if (!lookup) return { digests };
  const images = await timed('images', () => tracked('reading image digests', undefined, () => lookup(queries)));
  for (const a of images) digests.get(a.environment)![a.service] = a.found;
  return { digests, images };
}
