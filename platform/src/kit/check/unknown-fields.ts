/**
 * Unknown fields at any depth. kubernetes-models ships its OpenAPI schemas only as precompiled ajv
 * validators (`kubernetes-models/_schemas/*.js`, attached to each class by `setValidateFunc` from
 * `@kubernetes-models/base`); there are no JSON schema objects left to walk, and the schemas do not
 * set `additionalProperties: false`, so `validate()` accepts any extra key.
 *
 * The validators do read every property their schema declares (`void 0 === data.spec || …`), and
 * enumerate maps (`for (key in data)`). So we run the object's own validator over a recording proxy
 * of its JSON and then walk the JSON: a key the validator never looked at is not in the schema.
 * An object whose keys were never read at all has a free-form schema (`{}`, preserve-unknown-fields)
 * and is not checked further.
 *
 * One gap: the generator strips every `description` key from the schemas, which also drops properties
 * named `description` (PriorityClass, JSONSchemaProps, …). A string `description` is therefore let through.
 */
import type { KubeObject } from '../types';
import { didYouMean } from '../../suggest';

/** One unknown field: its dotted path and the keys its schema does know at that level. */
export interface UnknownField {
  readonly path: string;
  readonly key: string;
  readonly known: readonly string[];
}

type Reads = Map<object, Set<string>>;
const ENUMERATED = '\u0000enumerated';
/** The property name kubernetes-models' schema generator strips (see above). */
const STRIPPED = 'description';

function recorder(reads: Reads) {
  const proxies = new WeakMap<object, object>();
  const wrap = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const cached = proxies.get(value);
    if (cached) return cached;
    const seen = new Set<string>();
    reads.set(value, seen);
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'string') seen.add(key);
        return wrap(Reflect.get(target, key, receiver));
      },
      ownKeys(target) {
        seen.add(ENUMERATED);
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  return wrap;
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

function walk(value: unknown, path: string, reads: Reads, out: UnknownField[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, join(path, i), reads, out));
    return;
  }
  const seen = reads.get(value);
  if (!seen || seen.size === 0 || seen.has(ENUMERATED)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === STRIPPED && typeof child === 'string') continue;
    if (seen.has(key)) walk(child, join(path, key), reads, out);
    else out.push({ path: join(path, key), key, known: [...seen].sort() });
  }
}

/**
 * The structure of a JSON value without its leaf values: two objects of one kind with the same shape have
 * the same fields, so a shape found clean once need not be run through the recording validator again
 * (rendering 5,000 services makes the same few shapes tens of thousands of times).
 */
function shapeOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? 's' : typeof value === 'number' ? 'n' : 'o';
  if (Array.isArray(value)) return `[${[...new Set(value.map(shapeOf))].join('|')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${k}:${shapeOf(v)}`).join(',')}}`;
}

const cleanShapes = new Set<string>();

/** Every field of `obj` (at any depth) that its kind's schema does not declare. `json`: `obj` as plain JSON, when the caller has it. */
export function findUnknownFields(obj: KubeObject, json?: unknown): UnknownField[] {
  const validate = (obj as { validate?: unknown }).validate;
  if (typeof validate !== 'function') return [];
  // `json` may be an array index when checkObject is passed straight to flatMap: only an object counts.
  const data: unknown = typeof json === 'object' && json !== null ? json : JSON.parse(JSON.stringify(obj));
  const shape = `${obj.apiVersion}/${obj.kind}${shapeOf(data)}`;
  if (cleanShapes.has(shape)) return [];
  const reads: Reads = new Map();
  try {
    validate.call(recorder(reads)(data));
  } catch {
    // schema errors are reported by checkObject's own validate() call
  }
  const out: UnknownField[] = [];
  walk(data, '', reads, out);
  if (out.length === 0) cleanShapes.add(shape);
  return out;
}

/** `unknown field 'spec.template.spec.containrs' (did you mean 'containers'?)` */
export function unknownFieldMessage(field: UnknownField): string {
  return `unknown field '${field.path}'${didYouMean(field.key, field.known)}`;
}
