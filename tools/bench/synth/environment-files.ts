/**
 * The hand-written environment files of the synthetic repository (DESIGN.md "Configuration"):
 * staging (root) → preprod (promoted from staging) → prod (promoted from preprod), a tenant.yaml for
 * every namespace in every environment, and overrides.yaml for a few services.
 */
import { stringify } from 'yaml';
import { namespaceName, serviceName, serviceNamespace } from './service-files';

export const ENVIRONMENTS = ['staging', 'preprod', 'prod'] as const;

const GIT = { url: 'https://git.example.com/acme/monorepo.git', branch: 'main' };

function yamlFile(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}

function environmentConfig(env: (typeof ENVIRONMENTS)[number]): Record<string, unknown> {
  if (env === 'staging') {
    return { registry: 'registry.example.com/acme', cluster: { name: 'staging', git: GIT } };
  }
  const from = env === 'preprod' ? 'staging' : 'preprod';
  const config: Record<string, unknown> = {
    extends: from,
    cluster: { name: env },
    promotion: { from, tags: `${env}-v*` },
  };
  if (env === 'prod') config.defaults = { replicas: 3 };
  return config;
}

/** The root environment states team and quota; the others inherit everything (`{}`). */
function tenantConfig(env: string, ns: string): Record<string, unknown> {
  if (env !== 'staging') return {};
  return { team: `team-${ns}`, quota: { cpu: '100', memory: '200Gi', pods: 1000 } };
}

/** environment.yaml and tenant.yaml of every environment and namespace. */
export function environmentFiles(namespaces: number): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  for (const env of ENVIRONMENTS) {
    files.push([`environments/${env}/environment.yaml`, yamlFile(environmentConfig(env))]);
    for (let n = 0; n < namespaces; n++) {
      const ns = namespaceName(n);
      files.push([`environments/${env}/${ns}/tenant.yaml`, yamlFile(tenantConfig(env, ns))]);
    }
  }
  return files;
}

/** Every 250th service (from the first) gets overrides in staging and prod. */
export function overrideFiles(services: number, namespaces: number): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  for (let i = 0; i < services; i += 250) {
    const dir = `${serviceNamespace(i, namespaces)}/${serviceName(i)}`;
    files.push([`environments/staging/${dir}/overrides.yaml`, yamlFile({ env: { LOG_LEVEL: 'debug' } })]);
    files.push([
      `environments/prod/${dir}/overrides.yaml`,
      yamlFile({ replicas: 4, resources: { cpu: '200m', memory: '256Mi' } }),
    ]);
  }
  return files;
}
