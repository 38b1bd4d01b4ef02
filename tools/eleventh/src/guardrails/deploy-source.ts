/**
 * deploy.ts sources for the policy catalog: one example service's own definition with a `customize` that
 * breaks what a row tests (statements on the workload's pod, objects added, objects dropped). The source
 * type-checks: the engine refuses a deploy.ts that does not, and a row is about a policy, not a type error.
 */

/** The example services' definitions, as their deploy.ts write them (without customize). */
const SPECS: Readonly<Record<string, string>> = {
  'payments-api': "name: 'payments-api', namespace: 'payments', type: 'http', port: 8080, allowFrom: ['customer']",
  'ledger-worker': "name: 'ledger-worker', namespace: 'payments', type: 'worker'",
  'fraud-scorer': "name: 'fraud-scorer', namespace: 'risk', type: 'http', port: 8080, allowFrom: ['payments']",
  'risk-report': "name: 'risk-report', namespace: 'risk', type: 'cron', schedule: '0 6 * * *'",
};

/** kubernetes-models module of each kind a row adds. */
const MODULES: Readonly<Record<string, string>> = {
  ClusterRole: 'rbac.authorization.k8s.io/v1',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
  Role: 'rbac.authorization.k8s.io/v1',
  RoleBinding: 'rbac.authorization.k8s.io/v1',
  ConfigMap: 'v1',
  Namespace: 'v1',
  ServiceAccount: 'v1',
  CustomResourceDefinition: 'apiextensions.k8s.io/v1',
};

export interface Customize {
  /** Statements run first, with `pod` (the workload's pod spec) and `main` (its first container) in scope. */
  readonly body?: string;
  /** Expressions of objects appended to what the kit rendered (`new Role({...})`). */
  readonly add?: readonly string[];
  /** Kinds the kit rendered that are dropped (`PodDisruptionBudget`). */
  readonly drop?: readonly string[];
}

export const SERVICES = Object.keys(SPECS);

/** The file a row writes for `service`. */
export const deployFile = (service: string): string => `services/${service}/deploy.ts`;

export function deploySource(service: string, c: Customize): string {
  const spec = SPECS[service];
  if (!spec) throw new Error(`no example service '${service}'`);
  const kinds = Object.keys(MODULES).filter((k) => (c.add ?? []).some((a) => a.includes(`new ${k}(`)));
  const drop = JSON.stringify(c.drop ?? []);
  return [
    "import { defineService, type KubeObject } from '@eleventh/platform';",
    ...kinds.map((k) => `import { ${k} } from 'kubernetes-models/${MODULES[k]}/${k}';`),
    '',
    'function podOf(objects: KubeObject[]): any {',
    "  const w: any = objects.find((o) => o.kind === 'Deployment' || o.kind === 'CronJob');",
    "  return w.kind === 'CronJob' ? w.spec.jobTemplate.spec.template.spec : w.spec.template.spec;",
    '}',
    '',
    'export default defineService({',
    `  ${spec},`,
    '  customize: (objects) => {',
    '    const pod = podOf(objects);',
    '    const main = pod.containers[0];',
    '    void main;',
    `    ${c.body ?? ''}`,
    `    const drop: string[] = ${drop};`,
    `    return [...objects.filter((o) => !drop.includes(o.kind)), ${(c.add ?? []).join(', ')}];`,
    '  },',
    '});',
    '',
  ].join('\n');
}
