/**
 * Validate a hand-written config file against its published JSON Schema with ajv (strict, every error;
 * ajv.ts) and turn ajv's errors into the engine's messages: the dotted key, what it must be (`x-must`),
 * what was expected and what was got, "did you mean" for a misspelt key, and one finding per key (a value
 * that breaks several keywords is reported once). `anyOf` is reported like a choice: when the value's type
 * picks a branch, that branch's findings; otherwise one mismatch naming every branch.
 */
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { configAjv, FORMATS } from './ajv';
import { schemaDocuments, type Schema } from './schemas';
import { quickValid } from './schema-quick';
import { nearest } from './suggest';

export type PathSegment = string | number;

export interface SchemaFinding {
  /** Path of the offending key inside the file. */
  readonly path: readonly PathSegment[];
  readonly problem: string;
  readonly expected?: string;
}

let engineAjv: Ajv | undefined;
function ajv(): Ajv {
  engineAjv ??= configAjv(schemaDocuments(), { verbose: true });
  return engineAjv;
}

/** Validate `value` against the schema file `docName` (e.g. `environment.schema.json`). */
export function validateSchema(docName: string, value: unknown): SchemaFinding[] {
  // Most files are valid: the saved standalone check says so without compiling the schemas (schema-quick.ts).
  if (quickValid(docName, value) === true) return [];
  const validate = ajv().getSchema(docName);
  if (!validate) throw new Error(`no schema named ${docName}`);
  if (validate(value)) return [];
  return findingsOf(validate.errors ?? [], value);
}

/** ajv's errors about `data` (the whole document, or the value at `base` re-validated against one anyOf branch) as findings. */
function findingsOf(errors: readonly ErrorObject[], data: unknown, base: readonly PathSegment[] = []): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const seen = new Set<string>();
  const push = (f: SchemaFinding, key = f.path.join('\0')): void => {
    if (!seen.has(key)) out.push(f);
    seen.add(key);
  };
  const choices = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const insideChoice = (e: ErrorObject): boolean => e.keyword !== 'anyOf' && choices.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`));
  for (const e of errors) {
    if (insideChoice(e) || e.propertyName !== undefined) continue;
    const path = [...base, ...segments(e.instancePath, data)];
    const schema = e.parentSchema as Schema;
    if (e.keyword === 'additionalProperties') {
      const key = String(e.params.additionalProperty);
      push(unknownKey(key, path, Object.keys(schema.properties ?? {})), ['unknown', ...path, key].join('\0'));
    } else if (e.keyword === 'required') {
      const key = String(e.params.missingProperty);
      const where = path.length ? ` in '${displayPath(path)}'` : '';
      push({ path, problem: `missing key '${key}'${where}`, expected: (schema.required ?? []).join(', ') }, ['missing', ...path, key].join('\0'));
    } else if (e.keyword === 'propertyNames') {
      const key = String(e.params.propertyName);
      push(invalidName(schema.propertyNames ?? {}, key, path), ['name', ...path, key].join('\0'));
    } else if (e.keyword === 'anyOf') {
      for (const f of choose(schema, e.data, path)) push(f);
    } else {
      push(mismatch(schema, e.data, path, e));
    }
  }
  // A key whose name is refused is reported for its name only, not also for its value.
  const badNames = out.filter((f) => f.problem.startsWith('invalid ')).map((f) => f.path.join('\0'));
  return out.filter((f) => f.problem.startsWith('invalid ') || !badNames.some((n) => f.path.join('\0') === n || f.path.join('\0').startsWith(`${n}\0`)));
}

/** The branch of `anyOf` the value's type picks (a `const` it equals, else a `type` it has), validated alone. */
function choose(schema: Schema, value: unknown, path: PathSegment[]): SchemaFinding[] {
  const branches = (schema.anyOf ?? []).map((b) => ({ branch: b, target: b.$ref ? referenced(b.$ref) : b }));
  const fitting = branches.find(({ target }) => (target.const !== undefined ? target.const === value : target.type !== undefined && typeMatches(target.type, value)));
  if (!fitting) return [mismatch(schema, value, path)];
  const validate = branchValidator(fitting.branch.$ref ?? pointerOf(fitting.branch));
  return validate(value) ? [] : findingsOf(validate.errors ?? [], value, path);
}

const branchValidators = new Map<string, ValidateFunction>();
function branchValidator(ref: string): ValidateFunction {
  let validate = branchValidators.get(ref);
  if (!validate) {
    validate = ajv().compile({ $ref: ref.startsWith('#') ? `${docOfRef(ref)}${ref}` : ref });
    branchValidators.set(ref, validate);
  }
  return validate;
}

/** A schema reached by `$ref` (`file#/pointer` or a local `#/definitions/…` in any of the documents). */
function referenced(ref: string): Schema {
  const found = ajv().getSchema(ref.startsWith('#') ? `${docOfRef(ref)}${ref}` : ref);
  return (found?.schema ?? {}) as Schema;
}

/** The document holding a local `#/definitions/<name>` (the definition names are unique across the documents). */
function docOfRef(ref: string): string {
  const name = ref.split('/').pop() ?? '';
  const doc = schemaDocuments().find((d) => d.definitions?.[name] !== undefined) as (Schema & { $id?: string }) | undefined;
  return doc?.$id ?? '';
}

/** `$id#/pointer` of a schema object inside one of the documents. */
function pointerOf(target: Schema): string {
  for (const doc of schemaDocuments() as ReadonlyArray<Schema & { $id: string }>) {
    const found = find(doc, target, '');
    if (found !== undefined) return `${doc.$id}#${found}`;
  }
  throw new Error('anyOf branch outside the schema documents');
}

function find(node: unknown, target: unknown, at: string): string | undefined {
  if (node === target) return at;
  if (typeof node !== 'object' || node === null) return undefined;
  for (const [k, v] of Object.entries(node)) {
    const hit = find(v, target, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function segments(pointer: string, root: unknown): PathSegment[] {
  const out: PathSegment[] = [];
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: PathSegment = Array.isArray(node) ? Number(key) : key;
    out.push(segment);
    node = isPlainObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return out;
}

export function displayPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function invalidName(rule: Schema, key: string, path: PathSegment[]): SchemaFinding {
  const what = rule['x-invalid'] ?? 'key';
  return { path: [...path, key], problem: `invalid ${what} '${key}' in '${displayPath(path)}'`, expected: rule['x-expected'] };
}

function unknownKey(key: string, path: PathSegment[], known: string[]): SchemaFinding {
  const where = path.length ? ` in '${displayPath(path)}'` : '';
  const match = nearest(key, known);
  if (match !== undefined) return { path: [...path, key], problem: `unknown key '${key}'${where} (did you mean '${match}'?)` };
  return { path: [...path, key], problem: `unknown key '${key}'${where}`, expected: `one of: ${known.join(', ')}` };
}

/** `'key' must be <x-must>[: it <why>] (expected <x-expected, the format's, the broken bound or the type>, got <value>)`. */
function mismatch(schema: Schema, value: unknown, path: readonly PathSegment[], error?: ErrorObject): SchemaFinding {
  const name = path.length ? `'${displayPath(path)}'` : 'the file';
  const must = schema['x-must'] ?? `of type ${typeNames(schema)}`;
  const rule = error?.keyword === 'format' ? FORMATS[String(error.params.format)] : undefined;
  const why = rule && typeof value === 'string' ? rule.problem(value) : undefined;
  const expected = schema['x-expected'] ?? rule?.expected() ?? (error && boundOf(error, schema)) ?? typeNames(schema);
  return { path, problem: `${name} must be ${must}${why ? `: it ${why}` : ''}`, expected: `${expected}, got ${describeValue(value)}` };
}

/** The schemas' patterns, in words (a pattern not listed here is quoted). */
export const PATTERN_WORDS: Readonly<Record<string, string>> = {
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$': "lower-case letters, digits and '-', starting and ending with a letter or digit",
  '^\\d{4}-\\d{2}-\\d{2}$': 'YYYY-MM-DD, e.g. 2026-06-30',
  '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2}))?$': 'YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] with Z or ±HH:MM',
  '^(mon|tue|wed|thu|fri|sat|sun) ([01]\\d|2[0-3]):[0-5]\\d$': "a day and a 24-hour time, e.g. 'fri 16:00'",
  '^(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?$': "weeks, days, hours and minutes, e.g. '24h' or '1d12h'",
  '^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$': 'MAJOR.MINOR.PATCH, e.g. 1.21.1 or v1.21.1',
  '^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$': "a Kubernetes quantity, e.g. '250m', '1' or '512Mi'",
  '^[A-Za-z_][A-Za-z0-9_]*$': "letters, digits and '_', not starting with a digit",
  "^https?://[^\\s\"'<>]*\\{sha\\}[^\\s\"'<>]*$": 'http(s)://… containing {sha}',
};

/**
 * What a value of the right type broke (a pattern, a length, a bound): naming the type there would say
 * "expected integer, got 150" of an integer.
 */
function boundOf(e: ErrorObject, schema: Schema): string | undefined {
  if (e.keyword === 'pattern') return PATTERN_WORDS[String(e.params.pattern)] ?? `a string matching /${String(e.params.pattern)}/`;
  if (e.keyword === 'minLength') return `at least ${String(e.params.limit)} character${e.params.limit === 1 ? '' : 's'}`;
  if (e.keyword === 'minimum' || e.keyword === 'maximum') return `${typeNames(schema)} ${e.keyword === 'minimum' ? '≥' : '≤'} ${String(e.params.limit)}`;
  return undefined;
}

function typeNames(schema: Schema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' or ');
  if (schema.anyOf) return schema.anyOf.map((b) => (b.const !== undefined ? JSON.stringify(b.const) : typeNames(b.$ref ? referenced(b.$ref) : b))).join(' or ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const named = types.filter((t) => t !== 'null').map((t) => (t === 'object' ? 'map' : t === 'array' ? 'list' : t));
  return named.join(' or ') || 'value';
}

function typeMatches(type: string | readonly string[], value: unknown): boolean {
  const types = Array.isArray(type) ? type : [type as string];
  return types.some((t) => {
    if (t === 'integer') return Number.isInteger(value);
    if (t === 'number') return typeof value === 'number' && Number.isFinite(value);
    if (t === 'object') return isPlainObject(value);
    if (t === 'array') return Array.isArray(value);
    if (t === 'null') return value === null;
    return typeof value === t;
  });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A received value for a message: strings quoted, maps and lists named, long values shortened. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a map';
  const text = typeof value === 'string' ? `'${value}'` : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
