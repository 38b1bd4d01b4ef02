import { describe, expect, it } from 'vitest';
import { defineService } from './define-service';
import type { KubeObject, ResolvedServiceConfig, ServiceSpec } from './types';
import { context } from './test-fixtures';

const http: ServiceSpec = { name: 'payments-api', namespace: 'payments', type: 'http' };

// Objects are inspected as JSON, the form the renderer writes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function render(config: Partial<ResolvedServiceConfig>, spec: ServiceSpec = http): Json[] {
  return JSON.parse(JSON.stringify(defineService(spec).render(context(config))));
}

function find(objects: Json[], kind: string): Json {
  return objects.find((o: KubeObject) => o.kind === kind);
}

function container(config: Partial<ResolvedServiceConfig>, spec: ServiceSpec = http): Json {
  const objects = render(config, spec);
  const workload = find(objects, 'Deployment') ?? find(objects, 'CronJob').spec.jobTemplate;
  return workload.spec.template.spec.containers[0];
}

describe('each config key reaches its field', () => {
  it('replicas → Deployment.spec.replicas', () => {
    expect(find(render({ replicas: 4 }), 'Deployment').spec.replicas).toBe(4);
  });

  it.each([
    ['resources.cpu', { resources: { cpu: '250m', memory: '128Mi' } }, ['requests', 'cpu', '250m']],
    ['resources.memory', { resources: { cpu: '100m', memory: '300Mi' } }, ['requests', 'memory', '300Mi']],
    ['limits.cpu', { limits: { cpu: '2', memory: '256Mi' } }, ['limits', 'cpu', '2']],
    ['limits.memory', { limits: { cpu: '500m', memory: '1Gi' } }, ['limits', 'memory', '1Gi']],
  ] as const)('%s → container resources', (_, config, [group, key, value]) => {
    expect(container(config).resources[group][key]).toBe(value);
  });

  it.each([
    ['autoscaling.min', 'minReplicas', 3],
    ['autoscaling.max', 'maxReplicas', 9],
  ] as const)('%s → HPA %s', (_, field, value) => {
    const hpa = find(render({ autoscaling: { min: 3, max: 9, cpuPercent: 65 } }), 'HorizontalPodAutoscaler');
    expect(hpa.spec[field]).toBe(value);
  });

  it('autoscaling.cpuPercent → HPA cpu utilization target', () => {
    const hpa = find(render({ autoscaling: { min: 3, max: 9, cpuPercent: 65 } }), 'HorizontalPodAutoscaler');
    expect(hpa.spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 65 } } },
    ]);
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'payments-api' });
  });

  it('autoscaling object → Deployment.spec.replicas is omitted', () => {
    expect(find(render({ replicas: 4, autoscaling: { min: 2, max: 5, cpuPercent: 70 } }), 'Deployment').spec).not.toHaveProperty('replicas');
  });

  it('autoscaling: false → no HPA', () => {
    expect(find(render({ autoscaling: false }), 'HorizontalPodAutoscaler')).toBeUndefined();
  });

  it('worker autoscaling → HPA too', () => {
    const objects = render({ autoscaling: { min: 1, max: 2, cpuPercent: 50 } }, { ...http, type: 'worker' });
    expect(find(objects, 'HorizontalPodAutoscaler').spec.maxReplicas).toBe(2);
  });

  it('env → container env sorted by name, with ELEVENTH_ENVIRONMENT', () => {
    expect(container({ env: { ZED: 'z', ALPHA: 'a' } }).env).toEqual([
      { name: 'ALPHA', value: 'a' },
      { name: 'ELEVENTH_ENVIRONMENT', value: 'staging' },
      { name: 'ZED', value: 'z' },
    ]);
  });

  it('values → ConfigMap <name>-values values.json with sorted keys, mounted read-only', () => {
    const objects = render({ values: { b: { y: 1, x: 2 }, a: 'one' } });
    expect(find(objects, 'ConfigMap').metadata.name).toBe('payments-api-values');
    expect(find(objects, 'ConfigMap').data).toEqual({ 'values.json': '{"a":"one","b":{"x":2,"y":1}}' });
    const pod = find(objects, 'Deployment').spec.template.spec;
    expect(pod.volumes).toContainEqual({ name: 'values', configMap: { name: 'payments-api-values' } });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'values', mountPath: '/etc/eleventh', readOnly: true });
  });

  it('values change the pod template checksum, so pods roll', () => {
    const a = find(render({ values: { a: 1 } }), 'Deployment').spec.template.metadata.annotations;
    const b = find(render({ values: { a: 2 } }), 'Deployment').spec.template.metadata.annotations;
    expect(a['eleventh.dev/values-sha256']).not.toBe(b['eleventh.dev/values-sha256']);
  });

  it('cron containers get resources and env too', () => {
    const c = container({ env: { A: 'x' }, resources: { cpu: '1', memory: '1Gi' } }, { ...http, type: 'cron', schedule: '0 * * * *' });
    expect(c.resources.requests).toEqual({ cpu: '1', memory: '1Gi' });
    expect(c.env).toContainEqual({ name: 'A', value: 'x' });
  });
});

describe('replica-dependent objects', () => {
  it.each([
    ['replicas 1', { replicas: 1 }, false],
    ['replicas 2', { replicas: 2 }, true],
    ['autoscaling min 1 with replicas 5', { replicas: 5, autoscaling: { min: 1, max: 5, cpuPercent: 80 } }, false],
    ['autoscaling min 2', { replicas: 1, autoscaling: { min: 2, max: 5, cpuPercent: 80 } }, true],
  ] as const)('PDB with %s: %s', (_, config, expected) => {
    const pdb = find(render(config), 'PodDisruptionBudget');
    expect(pdb !== undefined).toBe(expected);
    if (pdb) expect(pdb.spec.maxUnavailable).toBe(1);
  });
});

describe('config checks at render', () => {
  const def = defineService(http);
  it.each([
    [{ autoscaling: { min: 3, max: 2, cpuPercent: 50 } }, "'maxReplicas' (2) must be ≥ 'minReplicas' (3)"],
    [{ autoscaling: { min: 0, max: 2, cpuPercent: 50 } }, "'minReplicas' (0) must be ≥ 1 (expected an integer ≥ 1)"],
    [{ autoscaling: { min: 1, max: 2, cpuPercent: 0 } }, "'cpuPercent' (0) must be ≥ 1"],
    [{ replicas: -1 }, "'replicas' (-1) is not a replica count (expected an integer ≥ 0)"],
    [{ env: { ELEVENTH_ENVIRONMENT: 'x' } }, "'env.ELEVENTH_ENVIRONMENT' is set by the platform"],
    [{ env: { PORT: 8080 as unknown as string } }, "'env.PORT' (8080) is not a string"],
    [{ resources: { cpu: '', memory: '1Gi' } }, "'resources.cpu' ('') is not a quantity"],
  ] as const)('%j → %s', (config, message) => {
    expect(() => def.render(context(config as Partial<ResolvedServiceConfig>))).toThrow(message);
  });

  it('rejects a commit that is not a full SHA', () => {
    expect(() => def.render({ ...context(), commit: 'abc123' })).toThrow("'commit' ('abc123') is not a full commit SHA (expected 40 lowercase hex characters)");
  });
});
