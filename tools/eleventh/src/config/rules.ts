/**
 * Every configuration check, as named rules in one list. All run; every finding is reported. Rules that
 * need resolution run only when the files parse and the `extends` chains are sound (otherwise they
 * would only add noise).
 */
import { ConfigError } from '../errors';
import type { YamlDoc } from '../yaml/read';
import { checkPromotions } from './chains';
import { checkPromotionSettings } from './promotion';
import { checkRequiredEnvironmentKeys, environmentLeaves } from './environment';
import { checkSecretStores } from './secret-store';
import { credentialLiterals } from './credentials';
import { PLATFORM_DEFAULTS } from './inputs';
import type { Resolver } from './resolver';
import { validateSchema } from './schema-validate';
import { checkServiceLeaves } from './service';
import { checkNamespaceSets, checkTenant } from './tenant';

type Rule = (resolver: Resolver) => ConfigError[];

const platformReadable: Rule = (r) => [...r.inputs.platformErrors];
const foldersAndSyntax: Rule = (r) => r.inputs.scan.errors;
const schemas: Rule = (r) => allDocs(r).flatMap(([schema, doc]) => schemaErrors(schema, doc));
const extendsChains: Rule = (r) => r.inputs.chains.errors;
const promotions: Rule = (r) => [...checkPromotions(r.inputs.docs), ...checkPromotionSettings(r.inputs.docs)];
const sameNamespacesEverywhere: Rule = (r) => checkNamespaceSets(r.inputs.scan.environments);

/** Where each file writes service config: platform/defaults.yaml `service`, `defaults`, an overrides.yaml's top level. */
const SERVICE_CONFIG_AT: Readonly<Record<string, readonly string[]>> = {
  'platform-defaults.schema.json': ['service'],
  'environment.schema.json': ['defaults'],
  'tenant.schema.json': ['defaults'],
  'overrides.schema.json': [],
};
const credentials: Rule = (r) => allDocs(r).flatMap(([schema, doc]) => credentialLiterals(doc, SERVICE_CONFIG_AT[schema] ?? []));

const STRUCTURE: readonly Rule[] = [platformReadable, foldersAndSyntax, schemas, credentials, extendsChains, promotions, sameNamespacesEverywhere];

const requiredEnvironmentKeys: Rule = (r) => checkRequiredEnvironmentKeys(r.inputs.chains.chains, r.inputs.docs);

const tenants: Rule = (r) => {
  const errors: ConfigError[] = [];
  const lacks = new Map<string, Set<string>>();
  for (const [env, chain] of byChainLength(r)) {
    const parent = chain[chain.length - 2];
    for (const ns of r.inputs.namespaces) {
      const parentLacks = parent === undefined ? new Set<string>() : (lacks.get(`${parent}/${ns}`) ?? new Set<string>());
      const found = checkTenant(r.tenant(env, ns).leaves, { env, ns, parentLacks, namespaces: r.inputs.namespaces, itemLine: (file, i) => allowFromLine(r, file, i) });
      lacks.set(`${env}/${ns}`, found.lacking);
      errors.push(...found.errors);
    }
  }
  return errors;
};

const serviceConfigs: Rule = (r) => {
  const errors: ConfigError[] = [];
  for (const [env, chain] of byChainLength(r)) {
    for (const ns of r.inputs.namespaces) {
      errors.push(...checkServiceLeaves(r.service(env, ns).leaves));
      for (const svc of overriddenServices(r, chain, ns)) errors.push(...checkServiceLeaves(r.service(env, ns, svc).leaves));
    }
  }
  return errors;
};

/** Each selected profile's defaults against the service config schema, reported at the profile's file. */
const profileDefaults: Rule = (r) => {
  const names = new Set([...r.inputs.docs.keys()].flatMap((env) => r.environment(env).profiles));
  return [...names].sort().flatMap((name) => {
    const doc = r.inputs.profileDefaults(name);
    if (!doc) return [];
    const schema = validateSchema('service-config.schema.json', doc.value).map((f) => new ConfigError({ file: doc.file, line: doc.lineOf(f.path) }, `profile '${name}' defaults: ${f.problem}`, f.expected));
    return [...schema, ...credentialLiterals(doc, [], `profile '${name}' defaults: `)];
  });
};

const secretStores: Rule = (r) => checkSecretStores(r.inputs.chains.chains, r.inputs.docs, (env) => environmentLeaves(r.chain(env), r.inputs.docs));

const RESOLUTION: readonly Rule[] = [requiredEnvironmentKeys, secretStores, profileDefaults, tenants, serviceConfigs];

/** Run every rule; duplicates (one cause seen from several environments) are reported once. */
export function runRules(resolver: Resolver): ConfigError[] {
  const errors = STRUCTURE.flatMap((rule) => rule(resolver));
  const { scan, platformErrors, chains } = resolver.inputs;
  const namespacesAgree = sameNamespacesEverywhere(resolver).length === 0;
  const sound = !scan.malformed && platformErrors.length === 0 && chains.errors.length === 0 && namespacesAgree;
  if (sound) errors.push(...RESOLUTION.flatMap((rule) => rule(resolver)));
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.message) && seen.add(e.message) !== undefined);
}

function allDocs(r: Resolver): Array<[string, YamlDoc]> {
  const out: Array<[string, YamlDoc]> = [];
  if (r.inputs.platformErrors.length === 0) out.push(['platform-defaults.schema.json', r.inputs.platform]);
  for (const env of r.inputs.scan.environments.values()) {
    out.push(['environment.schema.json', env.doc]);
    for (const ns of env.namespaces.values()) {
      if (ns.tenant) out.push(['tenant.schema.json', ns.tenant]);
      for (const doc of ns.services.values()) out.push(['overrides.schema.json', doc]);
    }
  }
  return out;
}

/** One file's schema findings, in the order of their lines. */
function schemaErrors(schema: string, doc: YamlDoc): ConfigError[] {
  const errors = validateSchema(schema, doc.value).map((f) => new ConfigError({ file: doc.file, line: doc.lineOf(f.path) }, f.problem, f.expected));
  return errors.map((e, i) => [e, i] as const).sort(([a, i], [b, j]) => (a.at.line ?? 0) - (b.at.line ?? 0) || i - j).map(([e]) => e);
}

/** The line of `network.allowFrom[i]` in the tenant.yaml or platform/defaults.yaml that wrote the list. */
function allowFromLine(r: Resolver, file: string, i: number): number | undefined {
  if (file === r.inputs.platform.file) return r.inputs.platform.lineOf(['tenant', 'network', 'allowFrom', i]);
  const [, env, ns] = file.split('/');
  return r.inputs.scan.environments.get(env)?.namespaces.get(ns)?.tenant?.lineOf(['network', 'allowFrom', i]);
}

function byChainLength(r: Resolver): Array<[string, readonly string[]]> {
  return [...r.inputs.chains.chains.entries()].sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]));
}

function overriddenServices(r: Resolver, chain: readonly string[], ns: string): Set<string> {
  const names = new Set<string>();
  for (const env of chain) for (const svc of r.inputs.scan.environments.get(env)?.namespaces.get(ns)?.services.keys() ?? []) names.add(svc);
  return names;
}
