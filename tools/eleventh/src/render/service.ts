/** One service in one environment: build its objects with the kit, check them, turn them into files. */
import type { KubeObject, ResolvedServiceConfig, ServiceDefinition, ServiceSecretStore } from '@eleventh/platform';
import type { Kit } from '../load/kit';
import { join } from 'node:path';
import { ConfigError, ValidationError } from '../errors';
import type { Provenance } from '../model';
import { checkSecretsRenderable, secretsOrigin } from './secrets';
import { contained } from '../load/contain';
import { addFolder, digestFiles, type FileMap } from './files';
import { plainJsons } from './plain';

export interface ServiceRenderInput {
  readonly environment: string;
  readonly namespace: string;
  readonly name: string;
  readonly commit: string;
  readonly image: string;
  readonly config: ResolvedServiceConfig;
  /** environment.yaml `availability` as resolved. */
  readonly availability: { readonly pdb: boolean; readonly spread: boolean };
  /** environment.yaml `secretStore`'s provider, when the environment names one. */
  readonly secretStore?: ServiceSecretStore;
  /** Where each resolved config key was set: a kit error about a config `secrets:` entry is reported there. */
  readonly provenance?: ReadonlyMap<string, Provenance>;
  readonly definition: ServiceDefinition;
  /** deploy.ts path, for messages. */
  readonly deployFile: string;
  /** The source root deploy.ts lives in (its absolute path finds its lines in stack traces). */
  readonly sourceRoot: string;
}

export interface RenderedService {
  readonly dir: string;
  readonly files: FileMap;
  readonly digest: string;
  /** The objects in the order the kit made them, and each as the plain JSON its YAML was emitted from. */
  readonly objects: readonly KubeObject[];
  readonly jsons: readonly unknown[];
}

/**
 * Services whose exact bytes passed every check before (engine/passed-checks.ts): `has` says a folder with this
 * digest, made of objects of these classes, passed; `add` records one that has just passed.
 */
export interface PassedChecks {
  has(digest: string, classes: string): boolean;
  add(digest: string, classes: string): void;
}

export function serviceDir(env: string, ns: string, name: string): string {
  return `environments/${env}/${ns}/${name}`;
}

/**
 * Build, validate (schemas, unknown fields, names, policies) and serialise one service. With `passed`, a folder
 * whose bytes passed every check before is not checked again: the checks read only the objects, and exact objects
 * (render/plain.ts) are what their YAML says.
 */
export function renderService(kit: Kit, input: ServiceRenderInput, passed?: PassedChecks): RenderedService {
  const ctx = { environment: input.environment, image: input.image, commit: input.commit, config: input.config, availability: input.availability, ...(input.secretStore ? { secretStore: input.secretStore } : {}) };
  checkSecretsRenderable(kit, input);
  let objects: KubeObject[];
  try {
    const { definition } = input;
    // Only a service's own `customize` runs its code; the kit's defaults need no guard (and no watchdog's cost).
    objects = definition.spec.customize ? contained(input.deployFile, join(input.sourceRoot, input.deployFile), 'customize', () => definition.render(ctx)) : definition.render(ctx);
  } catch (err) {
    if (err instanceof kit.KitError) {
      const at = secretsOrigin(err.message, input.provenance);
      if (at) throw new ConfigError(at, `${input.environment}/${input.namespace}/${input.name}: ${err.message}`);
      throw new ValidationError([`${input.deployFile}: ${input.environment}: ${err.message}`]);
    }
    throw err;
  }
  // One plain-JSON copy per object serves the checks, the policies and the YAML.
  const { jsons, exact } = plainJsons(objects);
  const dir = serviceDir(input.environment, input.namespace, input.name);
  const files: FileMap = new Map();
  let digest = '';
  let unwritable: unknown;
  try {
    addFolder(files, dir, objects, [], jsons);
    digest = digestFiles(files, `${dir}/`);
  } catch (err) {
    unwritable = err; // reported after the checks, whose findings come first
  }
  const classes = objects.map(className).join(',');
  if (unwritable !== undefined || !passed?.has(digest, classes)) {
    check(kit, input, objects, jsons);
    if (unwritable !== undefined) throw unwritable;
    if (exact) passed?.add(digest, classes);
  }
  return { dir, files, digest, objects, jsons };
}

/** Every finding of every object (schemas, unknown fields, names, the kit's policies), thrown as one error. */
function check(kit: Kit, input: ServiceRenderInput, objects: readonly KubeObject[], jsons: readonly unknown[]): void {
  const findings: string[] = [];
  objects.forEach((o, i) => {
    for (const f of kit.checkObject(o, jsons[i])) findings.push(`${input.deployFile}: ${input.environment}: ${f}`);
  });
  for (const p of kit.runPolicies(objects, kit.POLICY_RULES, jsons)) findings.push(`${input.deployFile}: ${input.environment}: policy ${p.rule}: ${p.message}`);
  if (findings.length > 0) throw new ValidationError(findings);
}

/** The class an object was made with: its validator. */
function className(o: object): string {
  return (Object.getPrototypeOf(o) as { constructor?: { name?: string } } | null)?.constructor?.name ?? '';
}
