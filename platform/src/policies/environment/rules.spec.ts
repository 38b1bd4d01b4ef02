import { describe, expect, it } from 'vitest';
import { defineService } from '../../kit/define-service';
import { context } from '../../kit/test-fixtures';
import type { KubeObject } from '../../kit/types';
import { ENVIRONMENT_POLICY_RULES, runEnvironmentPolicies } from '.';
import type { PolicyEnvironment } from './types';

type Json = Record<string, any>;
const json = (o: KubeObject): Json => JSON.parse(JSON.stringify(o));

function envOf(objects: Json[], opts: { quota?: { cpu: string; memory: string; pods: number }; spread?: boolean } = {}): PolicyEnvironment {
  const ctx = context();
  return {
    environment: 'staging',
    availability: { pdb: true, spread: opts.spread ?? false },
    services: [{ name: 'a', namespace: 'p', objects: objects.map((object, i) => ({ file: `environments/staging/p/a/${i}.yaml`, object })), config: ctx.config, origin: () => undefined }],
    tenants: [{ namespace: 'p', quota: opts.quota ?? { cpu: '100', memory: '100Gi', pods: 500 }, origin: (k) => ({ file: 'environments/staging/p/tenant.yaml', line: k === 'quota.cpu' ? 3 : 4 }), file: 'environments/staging/p/tenant.yaml' }],
  };
}
const rendered = (type: 'http' | 'worker', spread = false): Json[] => defineService({ name: 'a', namespace: 'p', type }).render({ ...context(), availability: { pdb: true, spread } }).map(json);
const rulesOf = (env: PolicyEnvironment) => runEnvironmentPolicies(env).map((f) => f.rule);
const deploymentOf = (objects: Json[]) => objects.find((o) => o.kind === 'Deployment')!;

describe('environment policies', () => {
  it('find nothing in what the kit renders (http and worker, spread on)', () => {
    expect(runEnvironmentPolicies(envOf(rendered('http', true), { spread: true }))).toEqual([]);
    expect(runEnvironmentPolicies(envOf(rendered('worker', true), { spread: true }))).toEqual([]);
  });

  it.each<[string, (objects: Json[]) => void]>([
    ['requests-within-limits', (o) => (deploymentOf(o).spec.template.spec.containers[0].resources.requests.cpu = '2')],
    ['run-as-user-numeric', (o) => (deploymentOf(o).spec.template.spec.securityContext.runAsUser = 'app')],
    ['no-privileged', (o) => (deploymentOf(o).spec.template.spec.containers[0].securityContext.privileged = true)],
    ['no-host-namespaces', (o) => (deploymentOf(o).spec.template.spec.hostPID = true)],
    ['no-host-path', (o) => deploymentOf(o).spec.template.spec.volumes.push({ name: 'root', hostPath: { path: '/' } })],
    ['no-added-capabilities', (o) => (deploymentOf(o).spec.template.spec.containers[0].securityContext.capabilities.add = ['NET_ADMIN'])],
    ['own-namespace', (o) => (o.find((x) => x.kind === 'ConfigMap')!.metadata.namespace = 'kube-system')],
    ['no-cluster-scoped', (o) => o.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } })],
    ['no-cluster-admin-binding', (o) => o.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b', namespace: 'p' }, roleRef: { kind: 'ClusterRole', name: 'cluster-admin' } })],
    ['no-wildcard-role', (o) => o.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r', namespace: 'p' }, rules: [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }] })],
    ['config-map-size', (o) => (o.find((x) => x.kind === 'ConfigMap')!.data = { big: 'x'.repeat(1024 * 1024) })],
    ['replicated-has-pdb', (o) => o.splice(o.findIndex((x) => x.kind === 'PodDisruptionBudget'), 1)],
    ['http-probes', (o) => delete deploymentOf(o).spec.template.spec.containers[0].startupProbe],
  ])('%s: flags its violation (and only that rule)', (rule, breakIt) => {
    const objects = rendered('http');
    breakIt(objects);
    expect(rulesOf(envOf(objects))).toEqual([rule]);
  });

  it('replicated-has-spread: flags a replicated workload without spread when availability.spread is on', () => {
    expect(rulesOf(envOf(rendered('http', false), { spread: true }))).toEqual(['replicated-has-spread']);
    expect(rulesOf(envOf(rendered('http', false), { spread: false }))).toEqual([]);
  });

  it('worker-liveness: flags a worker without a liveness probe', () => {
    const objects = rendered('worker');
    delete deploymentOf(objects).spec.template.spec.containers[0].livenessProbe;
    expect(runEnvironmentPolicies(envOf(objects)).map((f) => f.message)).toEqual(["Deployment p/a: worker container 'a' has no livenessProbe (expected livenessProbe)"]);
  });

  it('no-wildcard-role: a binding to a wildcard role is a finding too', () => {
    const objects = rendered('worker');
    objects.push({ kind: 'ClusterRole', metadata: { name: 'all' }, rules: [{ apiGroups: ['*'], resources: ['pods'], verbs: ['*'] }] });
    objects.push({ kind: 'RoleBinding', metadata: { name: 'b', namespace: 'p' }, roleRef: { kind: 'ClusterRole', name: 'all' } });
    expect(runEnvironmentPolicies(envOf(objects)).filter((f) => f.rule === 'no-wildcard-role').map((f) => f.message)).toEqual([
      "ClusterRole all: grants '*' in rules[0].apiGroups, rules[0].verbs (expected named apiGroups, resources and verbs)",
      "RoleBinding p/b: binds ClusterRole 'all', which grants '*' (expected a role with named verbs and resources)",
    ]);
  });

  it('quota-admits-peak: Σ (max replicas + surge) × requests, with exact numbers, at the tenant.yaml line', () => {
    // The kit's context: autoscaling 2..5, requests 100m / 128Mi; surge 25% of 5 rounds up to 2 → 7 pods.
    const ctx = context();
    const objects = defineService({ name: 'a', namespace: 'p', type: 'http' }).render({ ...ctx, config: { ...ctx.config, autoscaling: { min: 2, max: 5, cpuPercent: 70 } } }).map(json);
    expect(objects.find((o) => o.kind === 'HorizontalPodAutoscaler')!.spec).toMatchObject({ minReplicas: 2, maxReplicas: 5 });
    const findings = runEnvironmentPolicies(envOf(objects, { quota: { cpu: '600m', memory: '1Gi', pods: 6 } }));
    expect(findings.map((f) => [f.file, f.line, f.message])).toEqual([
      ['environments/staging/p/tenant.yaml', 3, "namespace 'p': quota.cpu 600m is below the peak of its services, 700m = a (5+2) × 100m (expected quota.cpu ≥ 700m)"],
      ['environments/staging/p/tenant.yaml', 4, "namespace 'p': quota.pods 6 is below the peak of its services, 7 = a (5+2) × 1 (expected quota.pods ≥ 7)"],
    ]);
    expect(runEnvironmentPolicies(envOf(objects, { quota: { cpu: '700m', memory: '896Mi', pods: 7 } }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, Record<string, { file: string; line: number; rank: number }>, [string, number | undefined, string]]>([
    [
      'a limit lowered later than the request is blamed at the limit, naming the request',
      { limits: { cpu: '50m', memory: '256Mi' } },
      { 'resources.cpu': { file: 'platform/defaults.yaml', line: 7, rank: 0 }, 'limits.cpu': { file: 'environments/staging/p/a/overrides.yaml', line: 4, rank: 5 } },
      ['environments/staging/p/a/overrides.yaml', 4, "Deployment p/a: container 'a' requests cpu 100m above its limit 50m (expected requests ≤ limits; the request is set at platform/defaults.yaml:7)"],
    ],
    [
      'a request raised later than the limit is blamed at the request, naming the limit',
      { resources: { cpu: '2', memory: '128Mi' } },
      { 'resources.cpu': { file: 'environments/staging/environment.yaml', line: 9, rank: 2 }, 'limits.cpu': { file: 'platform/defaults.yaml', line: 10, rank: 0 } },
      ['environments/staging/environment.yaml', 9, "Deployment p/a: container 'a' requests cpu 2 above its limit 500m (expected requests ≤ limits; the limit is set at platform/defaults.yaml:10)"],
    ],
    [
      'both set on one line of one file: that line, said once',
      { resources: { cpu: '2', memory: '128Mi' } },
      { 'resources.cpu': { file: 'o.yaml', line: 3, rank: 4 }, 'limits.cpu': { file: 'o.yaml', line: 3, rank: 4 } },
      ['o.yaml', 3, "Deployment p/a: container 'a' requests cpu 2 above its limit 500m (expected requests ≤ limits)"],
    ],
  ])('requests-within-limits: %s', (_, change, origins, expected) => {
    const ctx = context();
    const config = { ...ctx.config, ...change };
    const objects = defineService({ name: 'a', namespace: 'p', type: 'http' }).render({ ...ctx, config, availability: { pdb: true, spread: false } }).map(json);
    const env = envOf(objects);
    const service = { ...env.services[0], config, origin: (k: string) => origins[k] };
    const found = runEnvironmentPolicies({ ...env, services: [service] }, ENVIRONMENT_POLICY_RULES.filter((r) => r.name === 'requests-within-limits'));
    expect(found.map((f) => [f.file, f.line, f.message])).toEqual([expected]);
  });

  it('config-map-size: values from config that overflow the ConfigMap are blamed at the line that set the largest', () => {
    const ctx = context();
    const config = { ...ctx.config, values: { small: 'x', nested: { big: 'y'.repeat(1024 * 1024) } } };
    const objects = defineService({ name: 'a', namespace: 'p', type: 'worker' }).render({ ...ctx, config, availability: { pdb: true, spread: false } }).map(json);
    const env = envOf(objects);
    const origins: Record<string, { file: string; line: number }> = { 'values.small': { file: 'o.yaml', line: 2 }, 'values.nested.big': { file: 'o.yaml', line: 4 } };
    const found = runEnvironmentPolicies({ ...env, services: [{ ...env.services[0], config, origin: (k) => origins[k] }] }).filter((f) => f.rule === 'config-map-size');
    expect(found.map((f) => [f.file, f.line, f.message])).toEqual([
      ['o.yaml', 4, 'ConfigMap p/a-values: data is 1048620 bytes (expected at most 1048576, 1 MiB; the largest value is values.nested.big, 1048578 bytes)'],
    ]);
  });

  it('every rule has a kebab-case name and a description', () => {
    for (const r of ENVIRONMENT_POLICY_RULES) expect(r.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(ENVIRONMENT_POLICY_RULES.map((r) => r.name)).size).toBe(16);
  });
});
