/**
 * `plainJson(o)`: what `JSON.parse(JSON.stringify(o))` returns, without making and parsing the text. Rendering
 * copies every object of every service to plain JSON (for the checks, the policies and the YAML), and the
 * round trip through a string was a tenth of a render worker's time at 5,000 services.
 *
 * The copy walks what JSON walks: own enumerable string keys in their order; `undefined`, functions and
 * symbols dropped from objects and `null` in arrays; non-finite numbers `null`, `-0` as `0`. A kubernetes-models
 * object's `toJSON` (its defined properties, copied) is walked directly, since it gives the same JSON. Anything
 * else — another `toJSON` (a Date), a boxed primitive, a BigInt, a `__proto__` key, a cycle — takes the round
 * trip itself, so its result, or its error, is exactly JSON's.
 *
 * `plainJsons` also says whether every copy is *exact*: the objects hold nothing JSON changes or leaves out (no
 * `undefined`, function or symbol value, no non-finite number or `-0`, no hole, nothing but plain objects, arrays and
 * kubernetes-models objects). Then a validator reading the objects reads what the YAML says, which is what lets a
 * check's verdict be remembered by the YAML's bytes (engine/passed-checks.ts).
 */

/** Thrown inside the copy: this value needs the real round trip. */
class NeedsRoundTrip extends Error {}

/** Deeper than any manifest: a cycle, or something JSON itself must judge. */
const MAX_DEPTH = 512;

const modelToJson = new WeakMap<object, boolean>();

/** Cleared by a copy that changed or dropped something (see `plainJsons`). */
let exact = true;

/** The body of @kubernetes-models/base's `Model.prototype.toJSON`, whitespace removed. */
const MODEL_TO_JSON = 'toJSON(){constresult={};setDefinedProps(this,result);returnresult;}';

/** True for kubernetes-models' own `toJSON`, whichever copy of the package the kit loaded. */
function isModelToJson(fn: (...args: unknown[]) => unknown): boolean {
  let known = modelToJson.get(fn);
  if (known === undefined) modelToJson.set(fn, (known = Function.prototype.toString.call(fn).replace(/\s+/g, '') === MODEL_TO_JSON));
  return known;
}

/** The copy of `value`; `undefined` for what JSON leaves out of an object. */
function copy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      exact = false;
      return Number.isFinite(value) ? 0 : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      exact = false;
      return undefined;
    case 'bigint':
      throw new NeedsRoundTrip();
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) throw new NeedsRoundTrip();
  const obj = value as Record<string, unknown>;
  // Before the array case: JSON asks every object, arrays too, for a toJSON.
  const toJson = obj.toJSON;
  if (typeof toJson === 'function') {
    if (!isModelToJson(toJson as (...args: unknown[]) => unknown)) throw new NeedsRoundTrip();
  } else if (!Array.isArray(obj) && Object.getPrototypeOf(obj) !== Object.prototype) {
    exact = false; // a class instance, or no prototype: JSON sees its own keys, a validator may see more
  }
  if (Array.isArray(obj)) {
    const out: unknown[] = new Array(obj.length);
    for (let i = 0; i < obj.length; i++) {
      const item = copy(obj[i], depth + 1);
      out[i] = item === undefined ? null : item;
    }
    return out;
  }
  if (obj instanceof Number || obj instanceof String || obj instanceof Boolean || obj instanceof BigInt) throw new NeedsRoundTrip();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    if (key === '__proto__') throw new NeedsRoundTrip();
    const item = copy(obj[key], depth + 1);
    if (item !== undefined) out[key] = item;
  }
  return out;
}

export function plainJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    exact = false;
    return JSON.parse(JSON.stringify(value)) as unknown;
  }
  try {
    return copy(value, 0);
  } catch (err) {
    if (!(err instanceof NeedsRoundTrip)) throw err;
    exact = false;
    return JSON.parse(JSON.stringify(value)) as unknown;
  }
}

/** Every object's copy, and whether all of them are exact (see above). */
export function plainJsons(values: readonly unknown[]): { jsons: unknown[]; exact: boolean } {
  exact = true;
  const jsons = values.map(plainJson);
  return { jsons, exact };
}
