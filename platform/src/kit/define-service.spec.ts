import { describe, expect, it } from 'vitest';
import { defineService } from './define-service';
import { KitError } from '../errors';
import type { ServiceSpec } from './types';
import { context } from './test-fixtures';

const base: ServiceSpec = { name: 'payments-api', namespace: 'payments', type: 'http' };

function kinds(spec: ServiceSpec, config = {}): string[] {
  return defineService(spec).render(context(config)).map((o) => `${o.kind}/${o.metadata?.name}`);
}

describe('defineService construction checks', () => {
  it.each<[string, Partial<ServiceSpec> & Record<string, unknown>, string]>([
    ['uppercase name', { name: 'Payments' }, "'name' ('Payments') is not a DNS-1123 label (expected a DNS-1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit)"],
    ['underscore-led name', { name: '_platform' }, "'name' ('_platform') is not a DNS-1123 label"],
    ['name too long', { name: 'a'.repeat(64) }, `'name' ('${'a'.repeat(64)}') is not a DNS-1123 label`],
    ['name ending in a dash', { name: 'api-' }, "'name' ('api-') is not a DNS-1123 label"],
    ['bad namespace', { namespace: 'Pay_ments' }, "'namespace' ('Pay_ments') is not a DNS-1123 label"],
    ['bad allowFrom', { allowFrom: ['web', 'Bad'] }, "'allowFrom[1]' ('Bad') is not a DNS-1123 label"],
    ['unknown type', { type: 'job' as never }, "'type' ('job') is not a service type (expected one of: http, worker, cron)"],
    ['cron without schedule', { type: 'cron' }, "'schedule' is required for cron services (expected a 5-field cron expression, e.g. '*/5 * * * *')"],
    ['cron with 4 fields', { type: 'cron', schedule: '* * * *' }, "'schedule' ('* * * *') is not a 5-field cron expression"],
    ['cron minute out of range', { type: 'cron', schedule: '61 * * * *' }, "'schedule' ('61 * * * *') has an invalid minute field ('61') (expected values from 0 to 59, '*', lists, ranges and steps)"],
    ['schedule on http', { schedule: '* * * * *' }, "'schedule' ('* * * * *') is only for cron services (expected no 'schedule' for type 'http')"],
    ['port 0', { port: 0 }, "'port' (0) is out of range (expected an integer from 1 to 65535)"],
    ['port 65536', { port: 65536 }, "'port' (65536) is out of range (expected an integer from 1 to 65535)"],
    ['fractional port', { port: 80.5 }, "'port' (80.5) is out of range"],
    ['relative health path', { healthPath: 'healthz' }, "'healthPath' ('healthz') is not an absolute HTTP path"],
    ['a typo of an option', { prot: 9090 }, "unknown option 'prot' (did you mean 'port'?) (expected one of: name, namespace, type, port, schedule, command, healthPath, allowFrom, secrets, customize)"],
    ['an unknown option', { replicas: 3 }, "unknown option 'replicas' (expected one of:"],
    ['port as a string', { port: '8080' as never }, "'port' ('8080') is not a number (expected an integer from 1 to 65535)"],
    ['allowFrom not a list', { allowFrom: 'customer' as never }, "'allowFrom' ('customer') is not a list of namespaces"],
    ['a schedule that is not a string', { type: 'cron', schedule: 5 as never }, "'schedule' (5) is not a string"],
  ])('rejects %s', (_, patch, message) => {
    const make = () => defineService({ ...base, ...patch } as ServiceSpec);
    expect(make).toThrow(KitError);
    expect(make).toThrow(message);
  });

  it('keeps problem and expected apart on the error', () => {
    try {
      defineService({ ...base, port: 0 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KitError);
      expect((error as KitError).problem).toBe("'port' (0) is out of range");
      expect((error as KitError).expected).toBe('an integer from 1 to 65535');
    }
  });

  it.each(['*/5 * * * *', '0 3 * * MON-FRI', '15,45 0-6/2 1 JAN *', '0 0 ? * 7'])('accepts schedule %s', (schedule) => {
    expect(defineService({ ...base, type: 'cron', schedule }).spec.schedule).toBe(schedule);
  });

  it('accepts the boundary ports 1 and 65535', () => {
    expect(defineService({ ...base, port: 1 }).spec.port).toBe(1);
    expect(defineService({ ...base, port: 65535 }).spec.port).toBe(65535);
  });

  it('returns a frozen definition of kind eleventh.dev/service', () => {
    const def = defineService(base);
    expect(def.kind).toBe('eleventh.dev/service');
    expect(Object.isFrozen(def.spec)).toBe(true);
  });
});

describe('object kinds per service type', () => {
  it('http renders ServiceAccount, ConfigMap, Deployment, Service, NetworkPolicy and a PDB for 2 replicas', () => {
    expect(kinds(base)).toEqual([
      'ServiceAccount/payments-api',
      'ConfigMap/payments-api-values',
      'Deployment/payments-api',
      'Service/payments-api',
      'NetworkPolicy/payments-api',
      'PodDisruptionBudget/payments-api',
    ]);
  });

  it('http with autoscaling adds an HPA', () => {
    expect(kinds(base, { autoscaling: { min: 1, max: 3, cpuPercent: 80 } })).toEqual([
      'ServiceAccount/payments-api',
      'ConfigMap/payments-api-values',
      'Deployment/payments-api',
      'Service/payments-api',
      'NetworkPolicy/payments-api',
      'HorizontalPodAutoscaler/payments-api',
    ]);
  });

  it('worker has no Service and no ingress NetworkPolicy', () => {
    expect(kinds({ ...base, type: 'worker' }, { replicas: 1 })).toEqual([
      'ServiceAccount/payments-api',
      'ConfigMap/payments-api-values',
      'Deployment/payments-api',
    ]);
  });

  it('cron renders ServiceAccount, ConfigMap and CronJob only', () => {
    expect(kinds({ ...base, type: 'cron', schedule: '0 * * * *' }, { autoscaling: { min: 2, max: 3, cpuPercent: 50 } })).toEqual([
      'ServiceAccount/payments-api',
      'ConfigMap/payments-api-values',
      'CronJob/payments-api',
    ]);
  });

  it('puts every object in the service namespace', () => {
    const objects = defineService(base).render(context());
    expect(objects.map((o) => o.metadata?.namespace)).toEqual(objects.map(() => 'payments'));
  });
});

describe('customize and determinism', () => {
  it('applies the customize hook last, with the context', () => {
    const def = defineService({
      ...base,
      customize: (objects, ctx) => objects.filter((o) => o.kind !== 'PodDisruptionBudget' || ctx.environment !== 'staging'),
    });
    expect(def.render(context()).map((o) => o.kind)).not.toContain('PodDisruptionBudget');
    expect(def.render(context({}, 'prod')).map((o) => o.kind)).toContain('PodDisruptionBudget');
  });

  it('gives deep-equal output for the same input', () => {
    const config = { env: { B: '2', A: '1' }, values: { z: [1, { y: 2, x: 1 }], a: true } };
    const first = JSON.stringify(defineService(base).render(context(config)));
    const second = JSON.stringify(defineService({ ...base }).render(context({ env: { A: '1', B: '2' }, values: { a: true, z: [1, { x: 1, y: 2 }] } })));
    expect(second).toBe(first);
  });
});

describe('whole output', () => {
  it('renders an http service with autoscaling exactly so', () => {
    const objects = defineService({ ...base, allowFrom: ['web'] }).render(
      context({ autoscaling: { min: 2, max: 6, cpuPercent: 75 }, env: { LOG_LEVEL: 'info' }, values: { currency: 'EUR' } }),
    );
    expect(objects.map((o) => o.kind)).toContain('HorizontalPodAutoscaler');
    expect(JSON.parse(JSON.stringify(objects))).toMatchSnapshot();
  });
});

describe('customize must return a list of objects', () => {
  it.each<[string, unknown, string]>([
    ['undefined', undefined, "'customize' returned nothing (undefined), not a list of objects (expected customize to return the list of objects"],
    ['a string', 'objects', "'customize' returned 'objects', not a list of objects"],
    ['an object', { a: 1 }, '\'customize\' returned {"a":1}, not a list of objects'],
    ['a list with a number', [42], "'customize' returned a list whose item 0 (42) is not a Kubernetes object"],
    ['a list with an object without kind', [{ apiVersion: 'v1' }], 'item 0 ({"apiVersion":"v1"}) is not a Kubernetes object'],
  ])('rejects %s', (_, returned, message) => {
    const definition = defineService({ ...base, customize: () => returned as never });
    expect(() => definition.render(context({}))).toThrow(KitError);
    expect(() => definition.render(context({}))).toThrow(message);
  });
});
