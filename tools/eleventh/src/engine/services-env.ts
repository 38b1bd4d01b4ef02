/**
 * Render (or reuse) every service of one environment. Shared by environments that follow main (pins from
 * the Nx graph and git) and promoted ones (pins from their recipe, sources from their promotedFrom commit).
 */
import type { ConfigSet } from '../config/load';
import type { Kit } from '../load/kit';
import type { RecipeEntry } from '../model';
import { ConfigError, ValidationError } from '../errors';
import { loadDefinition } from '../load/services';
import { renderService, serviceDir, type RenderedService } from '../render/service';
import { fileNames, type FileMap } from '../render/files';
import type { RenderedObject } from '@eleventh/platform';
import { manifestIdentity } from './identity';
import { withDigests, workloadImage, type EnvDigests } from '../images/digests';
import { checkerIdentity, RenderChecks, type ChecksRecord } from './passed-checks';

export interface ServiceToRender {
  readonly name: string;
  readonly namespace: string;
  readonly commit: string;
  readonly inputs: string;
  readonly deployFile: string;
  readonly deployHash: string;
}

export interface EnvServicesInput {
  readonly sourceRoot: string;
  readonly environment: string;
  readonly config: ConfigSet;
  readonly kit: Kit;
  readonly kitId: string;
  readonly engineId: string;
  readonly services: readonly ServiceToRender[];
  /** The environment's previous recipe entries: reused when the manifest identity is unchanged. */
  readonly previous?: Readonly<Record<string, RecipeEntry>>;
  /** Re-render everything (render, verify) instead of reusing unchanged services (recipe). */
  readonly full: boolean;
  /** The registry digests known for this environment's services: workloads then reference `image@imageDigest`. */
  readonly digests?: EnvDigests;
  /** Check every service, reusing no remembered verdict (verify): passed-checks.ts. */
  readonly recheck?: boolean;
}

export interface EnvServicesResult {
  readonly entries: Record<string, RecipeEntry>;
  /** Service folders kept as they are on disk (reused). */
  readonly kept: string[];
  readonly rendered: string[];
  /**
   * Each rendered service folder's objects as plain JSON with the file each is written to, sorted by file: what
   * the environment policies read, without parsing the YAML just made (policy/view.ts).
   */
  readonly objects: Array<[string, RenderedObject[]]>;
  /** The remembered checks this render used and the ones it adds (saved by the main thread at the end of the run). */
  readonly checks: ChecksRecord;
}

function folderObjects(dir: string, out: RenderedService): RenderedObject[] {
  const names = fileNames(out.objects);
  return names
    .map((name, i) => ({ file: `${dir}/${name}`, object: out.jsons[i] as Record<string, unknown> }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** `onService` is called after each service, rendered or kept (progress; not across a worker boundary). */
export function renderEnvServices(input: EnvServicesInput, files: FileMap, onService?: () => void): EnvServicesResult {
  const env = input.config.environment(input.environment);
  const namespaces = new Set(input.config.namespaces(input.environment));
  const entries: Record<string, RecipeEntry> = {};
  const kept: string[] = [];
  const rendered: string[] = [];
  const objects: Array<[string, RenderedObject[]]> = [];
  const findings: string[] = [];
  const checks = new RenderChecks(() => checkerIdentity(input.engineId, input.kitId, input.sourceRoot), !input.recheck);
  for (const svc of input.services) {
    if (!namespaces.has(svc.namespace)) {
      throw new ConfigError({ file: svc.deployFile }, `namespace '${svc.namespace}' has no tenant.yaml in environment '${input.environment}'`, `one of: ${[...namespaces].join(', ')}`);
    }
    const { config, provenance } = input.config.service(input.environment, svc.namespace, svc.name);
    const image = `${env.registry}/${svc.name}:${svc.commit}`;
    const known = input.digests?.[svc.name];
    const ref = workloadImage(image, known);
    const { availability } = env;
    const secretStore = env.secretStore ? { provider: env.secretStore.config.provider as 'vault' | 'sealed-secrets' } : undefined;
    const manifest = manifestIdentity({ engine: input.engineId, kit: input.kitId, deployHash: svc.deployHash, environment: input.environment, namespace: svc.namespace, image: ref, config, availability, ...(secretStore ? { secretStore } : {}) });
    const prev = input.previous?.[svc.name];
    if (!input.full && prev && prev.manifest === manifest && prev.commit === svc.commit && prev.inputs === svc.inputs) {
      entries[svc.name] = withDigests(prev, known);
      kept.push(serviceDir(input.environment, svc.namespace, svc.name));
      onService?.();
      continue;
    }
    const definition = loadDefinition(input.sourceRoot, svc.deployFile);
    let out;
    try {
      out = renderService(input.kit, { environment: input.environment, namespace: svc.namespace, name: svc.name, commit: svc.commit, image: ref, config, availability, secretStore, provenance, definition, deployFile: svc.deployFile, sourceRoot: input.sourceRoot }, checks);
    } catch (err) {
      // Every service's findings, not the first failing service's only.
      if (!(err instanceof ValidationError)) throw err;
      findings.push(...err.findings);
      continue;
    }
    for (const [p, c] of out.files) files.set(p, c);
    objects.push([out.dir, folderObjects(out.dir, out)]);
    entries[svc.name] = withDigests({ namespace: svc.namespace, commit: svc.commit, image, digest: out.digest, inputs: svc.inputs, manifest }, known);
    rendered.push(svc.name);
    onService?.();
  }
  if (findings.length > 0) throw new ValidationError(findings);
  return { entries, kept, rendered, objects, checks: checks.record };
}
