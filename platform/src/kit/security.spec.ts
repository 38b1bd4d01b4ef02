import { describe, expect, it } from 'vitest';
import { defineService } from './define-service';
import type { ServiceSpec } from './types';
import { context, PIN } from './test-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const specs: ServiceSpec[] = [
  { name: 'api', namespace: 'payments', type: 'http' },
  { name: 'worker', namespace: 'payments', type: 'worker' },
  { name: 'nightly', namespace: 'payments', type: 'cron', schedule: '0 2 * * *' },
];

function podOf(spec: ServiceSpec): Json {
  const objects: Json[] = JSON.parse(JSON.stringify(defineService(spec).render(context())));
  const workload = objects.find((o) => o.kind === 'Deployment' || o.kind === 'CronJob');
  return workload.kind === 'CronJob' ? workload.spec.jobTemplate.spec.template : workload.spec.template;
}

describe.each(specs)('platform defaults on the $type workload', (spec) => {
  it('sets the container security context', () => {
    expect(podOf(spec).spec.containers[0].securityContext).toEqual({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('sets the pod security context and turns token automount off', () => {
    const pod = podOf(spec).spec;
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.serviceAccountName).toBe(spec.name);
  });

  it('mounts an emptyDir at /tmp', () => {
    const pod = podOf(spec).spec;
    expect(pod.volumes).toContainEqual({ name: 'tmp', emptyDir: {} });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
  });

  it('labels the pod and annotates the full pin', () => {
    const meta = podOf(spec).metadata;
    expect(meta.labels).toEqual({
      'app.kubernetes.io/name': spec.name,
      'app.kubernetes.io/instance': `${spec.name}-staging`,
      'app.kubernetes.io/part-of': 'payments',
      'app.kubernetes.io/managed-by': 'eleventh',
      'app.kubernetes.io/version': PIN.slice(0, 12),
    });
    expect(meta.annotations['eleventh.dev/commit']).toBe(PIN);
  });

  it('labels every object and annotates it with the pin', () => {
    for (const obj of defineService(spec).render(context()) as Json[]) {
      expect(obj.metadata.labels['app.kubernetes.io/managed-by']).toBe('eleventh');
      expect(obj.metadata.annotations['eleventh.dev/commit']).toBe(PIN);
    }
  });
});

describe('http specifics', () => {
  const spec: ServiceSpec = { name: 'api', namespace: 'payments', type: 'http', port: 9000, healthPath: '/ready', allowFrom: ['web', 'checkout'] };
  const objects: Json[] = JSON.parse(JSON.stringify(defineService(spec).render(context())));

  it('exposes the port and probes healthPath on it', () => {
    const c = objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers[0];
    expect(c.ports).toEqual([{ name: 'http', containerPort: 9000, protocol: 'TCP' }]);
    expect(c.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
  });

  it('selects pods by stable labels only (no version)', () => {
    const svc = objects.find((o) => o.kind === 'Service');
    expect(svc.spec.selector).toEqual({ 'app.kubernetes.io/name': 'api', 'app.kubernetes.io/instance': 'api-staging' });
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
  });

  it('allows ingress to the port from its own namespace and allowFrom, sorted', () => {
    const np = objects.find((o) => o.kind === 'NetworkPolicy');
    expect(np.spec.policyTypes).toEqual(['Ingress']);
    expect(np.spec.ingress).toEqual([
      {
        from: ['checkout', 'payments', 'web'].map((ns) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } })),
        ports: [{ protocol: 'TCP', port: 9000 }],
      },
    ]);
  });

  it('worker containers have no ports and no readiness probe, and a heartbeat liveness probe', () => {
    const c = podOf({ name: 'w', namespace: 'payments', type: 'worker' }).spec.containers[0];
    expect(c.ports).toBeUndefined();
    expect(c.readinessProbe).toBeUndefined();
    expect(c.livenessProbe).toEqual({ exec: { command: ['/bin/sh', '-c', 'test -n "$(find /tmp/heartbeat -mmin -2)"'] }, initialDelaySeconds: 30, periodSeconds: 30, timeoutSeconds: 2, failureThreshold: 3 });
  });

  it('cron pods restart on failure and the CronJob carries the schedule', () => {
    const objects2: Json[] = JSON.parse(JSON.stringify(defineService(specs[2]).render(context())));
    const cron = objects2.find((o) => o.kind === 'CronJob');
    expect(cron.spec.schedule).toBe('0 2 * * *');
    expect(cron.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('OnFailure');
  });
});
