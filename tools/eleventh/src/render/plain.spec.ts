import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServiceSpec } from '@eleventh/platform';
import { installedKit } from '../load/kit';
import { plainJson, plainJsons } from './plain';

const { defineService } = installedKit();

const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;
const PIN = '0123456789abcdef0123456789abcdef01234567';
const context = (environment: string) => ({
  environment,
  image: `registry.example.com/svc:${PIN}`,
  commit: PIN,
  config: { replicas: 3, resources: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' }, autoscaling: { min: 2, max: 5, cpuPercent: 70 }, env: { LOG: 'debug' }, values: { a: 1 } },
  availability: { pdb: true, spread: true },
});

const SPECS: ServiceSpec[] = [
  { name: 'api', namespace: 'payments', type: 'http', port: 8080, allowFrom: ['risk'] },
  { name: 'worker', namespace: 'payments', type: 'worker' },
  { name: 'nightly', namespace: 'risk', type: 'cron', schedule: '0 2 * * *' },
] as ServiceSpec[];

afterEach(() => vi.restoreAllMocks());

describe('plainJson: what the JSON round trip gives', () => {
  it.each(SPECS.map((s) => [s.type, s] as const))('every object the kit renders for a %s service', (_, spec) => {
    const objects = defineService(spec).render(context('prod'));
    expect(objects.length).toBeGreaterThan(2);
    for (const o of objects) {
      const copy = plainJson(o);
      expect(copy).toStrictEqual(roundTrip(o));
      // Key order too: the YAML is emitted in it.
      expect(JSON.stringify(copy)).toBe(JSON.stringify(o));
    }
  });

  it('walks kubernetes-models objects without the string round trip (their toJSON is recognised)', () => {
    const [deployment] = defineService(SPECS[0]).render(context('staging'));
    const stringify = vi.spyOn(JSON, 'stringify');
    plainJson(deployment);
    expect(stringify).not.toHaveBeenCalled();
  });

  it('drops undefined, functions and symbols from objects, and makes them null in arrays', () => {
    const value = { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1, Symbol('t'), 1], e: { f: undefined } };
    expect(plainJson(value)).toStrictEqual(roundTrip(value));
    expect(plainJson(value)).toStrictEqual({ d: [null, null, null, 1], e: {} });
  });

  it('numbers as JSON writes them: NaN and infinities null, -0 as 0', () => {
    const value = { nan: NaN, inf: -Infinity, zero: -0, n: 1.5, list: [NaN, -0] };
    expect(plainJson(value)).toStrictEqual(roundTrip(value));
    expect(Object.is((plainJson(value) as { zero: number }).zero, 0)).toBe(true);
  });

  it('integer-like keys first, as JSON.parse orders them', () => {
    const value = { b: 1, 2: 'two', a: 2, 1: 'one' };
    expect(Object.keys(plainJson(value) as object)).toEqual(Object.keys(roundTrip(value) as object));
  });

  it('another toJSON, boxed primitives and a __proto__ key take the real round trip', () => {
    const when = new Date(Date.UTC(2026, 0, 2));
    const proto = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as unknown;
    const list = Object.assign([1, 2], { toJSON: () => 'a list' });
    const value = { when, boxed: [new String('s'), new Number(2), new Boolean(false)], custom: { toJSON: () => ({ z: 1 }) }, proto, list };
    const copy = plainJson(value);
    expect(copy).toStrictEqual(roundTrip(value));
    expect((copy as { when: string }).when).toBe('2026-01-02T00:00:00.000Z');
    expect((copy as { list: string }).list).toBe('a list');
    expect(Object.getPrototypeOf((copy as { proto: object }).proto)).toBe(Object.prototype);
  });

  it("fails as JSON fails: a cycle and a BigInt throw JSON's own TypeError", () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    expect(() => plainJson(cycle)).toThrow(/circular/i);
    expect(() => plainJson({ n: 10n })).toThrow(TypeError);
    expect(() => plainJson({ n: 10n })).toThrow(/BigInt/);
  });

  it('top-level primitives as the round trip returns them', () => {
    expect(plainJson('s')).toBe('s');
    expect(plainJson(null)).toBe(null);
    expect(plainJson(3)).toBe(3);
  });
});

describe('plainJsons: whether the objects are exactly what their JSON says', () => {
  it.each(SPECS.map((s) => [s.type, s] as const))('the kit\'s objects for a %s service are exact', (_, spec) => {
    const objects = defineService(spec).render(context('prod'));
    const { jsons, exact } = plainJsons(objects);
    expect(exact).toBe(true);
    expect(jsons).toStrictEqual(objects.map(roundTrip));
  });

  it.each<[string, unknown]>([
    ['an undefined value', { metadata: { labels: { a: undefined } } }],
    ['a function', { spec: { f: () => 1 } }],
    ['a symbol', { spec: { s: Symbol('s') } }],
    ['a hole or undefined in an array', { list: [1, undefined] }],
    ['NaN', { spec: { replicas: NaN } }],
    ['an infinity', { spec: { replicas: Infinity } }],
    ['-0', { spec: { replicas: -0 } }],
    ['a class instance', { spec: new (class Holder { x = 1; })() }],
    ['an object without a prototype', { spec: Object.assign(Object.create(null) as object, { x: 1 }) }],
    ['another toJSON (a Date)', { when: new Date(0) }],
    ['a boxed primitive', { s: new String('s') }],
  ])('%s makes the set inexact, and the copies stay what JSON gives', (_, value) => {
    const fine = { kind: 'ConfigMap', data: { a: 'b' } };
    const { jsons, exact } = plainJsons([fine, value]);
    expect(exact).toBe(false);
    expect(jsons).toStrictEqual([fine, roundTrip(value)]);
  });

  it('plain objects, arrays, strings, finite numbers, booleans and null are exact', () => {
    expect(plainJsons([{ a: [1, 'two', true, null, { b: 0, c: -1.5 }] }]).exact).toBe(true);
    expect(plainJsons([]).exact).toBe(true);
  });

  it('each call judges its own objects: an inexact set does not stain the next', () => {
    expect(plainJsons([{ a: undefined }]).exact).toBe(false);
    expect(plainJsons([{ a: 1 }]).exact).toBe(true);
  });
});
