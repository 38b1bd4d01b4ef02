import { describe, expect, it, vi } from 'vitest';
import type { KubeObject, ServiceSpec } from '@eleventh/platform';
import { installedKit } from '../load/kit';
import { ValidationError } from '../errors';
import { renderService, type PassedChecks, type ServiceRenderInput } from './service';

const kit = installedKit();
const PIN = '0123456789abcdef0123456789abcdef01234567';

function input(spec: Partial<ServiceSpec> = {}): ServiceRenderInput {
  const definition = kit.defineService({ name: 'api', namespace: 'payments', type: 'http', port: 8080, ...spec } as ServiceSpec);
  return {
    environment: 'staging', namespace: 'payments', name: 'api', commit: PIN, image: `registry.example.com/api:${PIN}`,
    config: { replicas: 2, resources: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' }, autoscaling: false, env: {}, values: {} },
    availability: { pdb: true, spread: true }, definition, deployFile: 'services/api/deploy.ts', sourceRoot: '/nowhere',
  };
}

/** A PassedChecks over a plain set, recording what it was asked. */
function memory(): PassedChecks & { keys: Set<string>; asked: number } {
  const keys = new Set<string>();
  const out = {
    keys,
    asked: 0,
    has: (digest: string, classes: string) => (out.asked++, keys.has(`${digest} ${classes}`)),
    add: (digest: string, classes: string) => void keys.add(`${digest} ${classes}`),
  };
  return out;
}

describe('renderService with remembered checks', () => {
  it('remembers a folder that passed, by its digest and its classes, and then does not check it again', () => {
    const passed = memory();
    const first = renderService(kit, input(), passed);
    expect([...passed.keys]).toEqual([`${first.digest} ${first.objects.map((o) => o.constructor.name).join(',')}`]);
    const checkObject = vi.fn(kit.checkObject);
    const runPolicies = vi.fn(kit.runPolicies);
    const again = renderService({ ...kit, checkObject, runPolicies }, input(), passed);
    expect(checkObject).not.toHaveBeenCalled();
    expect(runPolicies).not.toHaveBeenCalled();
    expect([...again.files]).toEqual([...first.files]);
    expect(again.digest).toBe(first.digest);
  });

  it('checks a folder whose bytes differ, and reports its findings as before', () => {
    const passed = memory();
    renderService(kit, input(), passed);
    const bad = input({ customize: (objects: KubeObject[]) => objects.map((o) => Object.assign(o, { spek: 1 })) });
    expect(() => renderService(kit, bad, passed)).toThrow(ValidationError);
    expect(() => renderService(kit, bad, passed)).toThrow(/unknown field 'spek'/);
    expect(passed.keys.size).toBe(1);
  });

  it('never remembers a service whose objects are not exactly their JSON', () => {
    const passed = memory();
    const inexact = input({ customize: (objects: KubeObject[]) => objects.map((o) => Object.assign(o, { status: undefined })) });
    const out = renderService(kit, inexact, passed);
    expect(out.files.size).toBeGreaterThan(1);
    expect(passed.asked).toBe(1);
    expect(passed.keys.size).toBe(0);
  });

  it('why: the checks read the objects, and an undefined value JSON drops can still fail them', () => {
    // JSON drops `note` (its YAML holds an empty annotations map, which would pass); validate() sees the value.
    const annotated = input({ customize: (objects: KubeObject[]) => objects.map((o) => Object.assign(o, { metadata: { ...o.metadata, annotations: { note: undefined } } })) });
    const passed = memory();
    renderService(kit, input(), passed);
    expect(() => renderService(kit, annotated, passed)).toThrow(/annotations\/note must be string/);
    expect(passed.keys.size).toBe(1);
  });

  it('gives the same files, digest and JSON with remembered checks as without', () => {
    const plain = renderService(kit, input());
    const passed = memory();
    renderService(kit, input(), passed);
    const remembered = renderService(kit, input(), passed);
    expect([...remembered.files]).toEqual([...plain.files]);
    expect(remembered.jsons).toStrictEqual(plain.jsons);
  });
});
