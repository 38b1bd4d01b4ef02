/**
 * A small structural check for kinds kubernetes-models does not model (Kyverno). A shape names every field
 * a kind declares; `checkShape` reads each declared field (present or not) and enumerates free-form maps,
 * so `checkObject`'s recording proxy finds unknown fields here exactly as it does for kubernetes-models
 * kinds. Returns every finding, never stops at the first.
 */

export type Shape =
  | 'string'
  | 'boolean'
  /** Free-form (any JSON): enumerated, never looked into. */
  | 'any'
  /** Map of string → string (labels, annotations). */
  | 'strings'
  | { readonly enum: readonly string[] }
  | { readonly list: Shape; readonly minItems?: number }
  | { readonly fields: Readonly<Record<string, Shape>>; readonly required?: readonly string[] };

function typeName(value: unknown): string {
  return Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every way `value` at `path` differs from `shape`: `'spec.rules[0].name' must be a string (got number)`. */
export function checkShape(value: unknown, shape: Shape, path: string): string[] {
  const at = path === '' ? 'object' : `'${path}'`;
  if (shape === 'any') {
    if (isMap(value)) Object.keys(value);
    return [];
  }
  if (shape === 'string' || shape === 'boolean') return typeof value === shape ? [] : [`${at} must be a ${shape} (got ${typeName(value)})`];
  if (shape === 'strings') {
    if (!isMap(value)) return [`${at} must be a map of strings (got ${typeName(value)})`];
    return Object.keys(value).filter((k) => typeof value[k] !== 'string').map((k) => `'${path}.${k}' must be a string (got ${typeName(value[k])})`);
  }
  if ('enum' in shape) return shape.enum.includes(value as string) ? [] : [`${at} must be one of ${shape.enum.join(', ')} (got ${JSON.stringify(value)})`];
  if ('list' in shape) {
    if (!Array.isArray(value)) return [`${at} must be a list (got ${typeName(value)})`];
    const short = value.length < (shape.minItems ?? 0) ? [`${at} must have at least ${shape.minItems} item(s) (got ${value.length})`] : [];
    return [...short, ...value.flatMap((item, i) => checkShape(item, shape.list, `${path}[${i}]`))];
  }
  if (!isMap(value)) return [`${at} must be a map (got ${typeName(value)})`];
  const out: string[] = [];
  for (const [key, child] of Object.entries(shape.fields)) {
    const v = value[key];
    const where = path === '' ? key : `${path}.${key}`;
    if (v === undefined) {
      if (shape.required?.includes(key)) out.push(`'${where}' is required`);
      continue;
    }
    out.push(...checkShape(v, child, where));
  }
  return out;
}
