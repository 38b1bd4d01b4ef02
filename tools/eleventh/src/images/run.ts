/**
 * `eleventh images`: compute the pins, ask each registry for each pin's tag, build (from the assembled
 * context of the pin's inputs) only the images some registry lacks, and with `push` push them with the pin
 * as tag, then run the after-push steps. Returns one record per service and registry.
 */
import { loadConfig } from '../config/load';
import { ConfigError, UsageError } from '../errors';
import type { Pin } from '../model';
import { computePins } from '../pins/compute';
import { loadGraphInputs } from '../pins/graph';
import type { GraphInputs } from '../pins/inputs';
import type { ServiceInputs } from '../pins/inputs';
import { readRecipe } from '../recipe/recipe';
import { AFTER_PUSH, type AfterPushStep } from './after-push';
import { IMAGES_FILE, type ImageBases } from './bases';
import { chooseBuilder, type Builder, type BuilderName } from './builders';
import { assembleContext } from './context';
import { Clients, planImages, type PlannedImage } from './plan';

export interface ImagesOptions {
  readonly root: string;
  /** Only these services (all when empty). */
  readonly services?: readonly string[];
  readonly push: boolean;
  /** Ask the registries and report what would be built; build nothing. */
  readonly dryRun?: boolean;
  readonly builder?: BuilderName;
  readonly insecure?: readonly string[];
  /** Progress and warnings (stderr). */
  readonly log: (line: string) => void;
  /** @default AFTER_PUSH */
  readonly afterPush?: readonly AfterPushStep[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface ImageRecord {
  readonly service: string;
  readonly pin: string;
  /** `host/repository:pin` */
  readonly image: string;
  /** The registry's digest for the tag (after the push, or already there); absent when built only. */
  readonly digest?: string;
  readonly built: boolean;
  readonly pushed: boolean;
  /** The registry lacks the tag (before this run). */
  readonly missing: boolean;
  readonly buildSeconds?: number;
  readonly pushSeconds?: number;
  /** Fields the after-push steps added (e.g. sbomDigest). */
  readonly extra?: Readonly<Record<string, string>>;
}

/** The distinct registries of the environments that follow main (the ones `recipe` pins), sorted. */
function registries(root: string): { registries: string[]; previous: Map<string, Pin> } {
  const config = loadConfig(root);
  const previous = new Map<string, Pin>();
  const found = new Set<string>();
  for (const env of config.environments.filter((e) => config.followsMain(e))) {
    found.add(config.environment(env).registry);
    for (const [name, entry] of Object.entries(readRecipe(root, env)?.services ?? {})) previous.set(name, { commit: entry.commit, inputs: entry.inputs });
  }
  return { registries: [...found].sort(), previous };
}

function selected(all: readonly ServiceInputs[], names: readonly string[] | undefined): ServiceInputs[] {
  if (!names || names.length === 0) return [...all];
  const known = new Map(all.map((s) => [s.name, s]));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new UsageError(`images: no service ${unknown.map((n) => `'${n}'`).join(', ')}`, `one of: ${[...known.keys()].join(', ')}`);
  return [...new Set(names)].sort().map((n) => known.get(n) as ServiceInputs);
}

function baseOf(bases: ImageBases | undefined, service: ServiceInputs): string {
  const base = bases?.bases.get(service.template);
  if (base !== undefined) return base;
  const expected = `bases.${service.template}: host/path:tag@sha256:<64 hex>, the base of ${service.template} services`;
  if (!bases) throw new ConfigError({ file: IMAGES_FILE }, `is missing: ${service.name} needs a base image`, expected);
  throw new ConfigError({ file: IMAGES_FILE }, `has no base for the ${service.template} class of ${service.name}`, expected);
}

const seconds = (since: number): number => Math.round((Date.now() - since) / 100) / 10;

export async function runImages(o: ImagesOptions): Promise<ImageRecord[]> {
  const { registries: targets, previous } = registries(o.root);
  const graphLoad = loadGraphInputs(o.root);
  const result = await computePins({ root: o.root, previous, graph: graphLoad });
  const graph = await graphLoad;
  const services = selected(result.services, o.services);
  for (const service of services) baseOf(result.bases, service);
  const clients = new Clients(o.insecure ?? [], o.env);
  const plan = await planImages({ services, pins: result.pins, registries: targets, clients, strict: o.push, warn: o.log });
  const records: ImageRecord[] = [];
  let builder: Builder | undefined;
  for (const image of plan) {
    if (!image.build || o.dryRun) {
      for (const d of image.destinations) records.push({ service: image.service.name, pin: image.pin.commit, image: d.ref, digest: d.digest, built: false, pushed: false, missing: d.digest === undefined });
      continue;
    }
    builder ??= chooseBuilder(o.builder, o.env);
    if (builder.name === 'docker') o.log('warning: docker: the classic builder stamps the build time into the image: the same pin gives a different digest each build (use buildah or podman, or BuildKit)');
    records.push(...(await buildAndPush(o, graph, builder, clients, image, baseOf(result.bases, image.service))));
  }
  return records;
}

async function buildAndPush(o: ImagesOptions, graph: GraphInputs, builder: Builder, clients: Clients, image: PlannedImage, base: string): Promise<ImageRecord[]> {
  const { service, pin } = image;
  const started = Date.now();
  const context = await assembleContext({ root: o.root, service, pin: pin.commit, inputs: pin.inputs, base });
  const tag = image.destinations[0]!.ref;
  try {
    builder.build({ service: service.name, context, base, tag, plainHttp: (host) => clients.plainHttp(host) });
  } finally {
    context.cleanup();
  }
  const buildSeconds = seconds(started);
  o.log(`images: built ${service.name} (${pin.commit.slice(0, 12)}) with ${builder.name} in ${buildSeconds} s`);
  const records: ImageRecord[] = [];
  for (const d of image.destinations) {
    if (!o.push || d.digest !== undefined) {
      records.push({ service: service.name, pin: pin.commit, image: d.ref, digest: d.digest, built: true, pushed: false, missing: d.digest === undefined, buildSeconds });
      continue;
    }
    const pushStart = Date.now();
    builder.push(service.name, tag, d.ref, clients.plainHttp(d.host));
    const client = clients.for(d.host);
    const digest = await client.manifestDigest(d.repository, pin.commit);
    if (!digest) throw new UsageError(`images: pushed ${d.ref}, but the registry does not list it`);
    const extra: Record<string, string> = {};
    for (const step of o.afterPush ?? AFTER_PUSH) Object.assign(extra, await step({ root: o.root, graph, service, pin: pin.commit, inputs: pin.inputs, ref: d.ref, repository: d.repository, client, digest, base }));
    const pushSeconds = seconds(pushStart);
    o.log(`images: pushed ${d.ref} in ${pushSeconds} s`);
    records.push({ service: service.name, pin: pin.commit, image: d.ref, digest, built: true, pushed: true, missing: true, buildSeconds, pushSeconds, ...(Object.keys(extra).length > 0 ? { extra } : {}) });
  }
  return records;
}
