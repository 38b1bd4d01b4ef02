/**
 * A small JSON Schema (draft-07 subset) validator for the hand-written config files. Supports `type`,
 * `properties`, `additionalProperties`, `required`, `items`, `propertyNames`, `pattern`, `minLength`,
 * `minimum`, `maximum`, `const`, `enum`, `anyOf`, `$ref` (local and to the sibling schema files) and the message
 * hints `x-must`, `x-expected`, `x-invalid`. Reports every finding, never stops at the first.
 */
import { nearest } from './suggest';
import { schemaDocument, type Schema } from './schemas';

export type PathSegment = string | number;

export interface SchemaFinding {
  /** Path of the offending key inside the file. */
  readonly path: readonly PathSegment[];
  readonly problem: string;
  readonly expected?: string;
}

interface Cursor {
  readonly doc: string;
  readonly schema: Schema;
}

/** Validate `value` against the schema file `docName` (e.g. `environment.schema.json`). */
export function validateSchema(docName: string, value: unknown): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  visit(resolve({ doc: docName, schema: schemaDocument(docName) }), value, [], findings);
  return findings;
}

export function displayPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function resolve(cursor: Cursor): Cursor {
  let current = cursor;
  while (current.schema.$ref !== undefined) {
    const [file, pointer] = current.schema.$ref.split('#');
    const doc = file === '' ? current.doc : file;
    let schema = schemaDocument(doc);
    for (const part of (pointer ?? '').split('/').filter(Boolean)) {
      schema = (schema as Record<string, Schema>)[part];
    }
    const hints = { 'x-must': current.schema['x-must'], 'x-expected': current.schema['x-expected'] };
    current = { doc, schema: { ...schema, ...stripUndefined(hints) } };
  }
  return current;
}

function stripUndefined(o: Record<string, unknown>): Partial<Schema> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<Schema>;
}

function visit(cursor: Cursor, value: unknown, path: PathSegment[], out: SchemaFinding[]): void {
  const { schema } = cursor;
  if (schema.anyOf) return visitAnyOf(cursor, value, path, out);
  if (schema.const !== undefined && value !== schema.const) return mismatch(schema, value, path, out);
  if (schema.enum !== undefined && !schema.enum.includes(value)) return mismatch(schema, value, path, out);
  if (schema.type !== undefined && !typeMatches(schema.type, value)) return mismatch(schema, value, path, out);
  if (typeof value === 'string') return visitString(schema, value, path, out);
  if (typeof value === 'number') return visitNumber(schema, value, path, out);
  if (Array.isArray(value)) return visitArray(cursor, value, path, out);
  if (isPlainObject(value)) visitObject(cursor, value, path, out);
}

function visitAnyOf(cursor: Cursor, value: unknown, path: PathSegment[], out: SchemaFinding[]): void {
  const branches = (cursor.schema.anyOf ?? []).map((b) => resolve({ doc: cursor.doc, schema: b }));
  const fitting = branches.find((b) =>
    b.schema.const !== undefined ? b.schema.const === value : b.schema.type !== undefined && typeMatches(b.schema.type, value),
  );
  if (!fitting) return mismatch(cursor.schema, value, path, out);
  visit(fitting, value, path, out);
}

function visitString(schema: Schema, value: string, path: PathSegment[], out: SchemaFinding[]): void {
  const tooShort = schema.minLength !== undefined && value.length < schema.minLength;
  const badPattern = schema.pattern !== undefined && !new RegExp(schema.pattern).test(value);
  if (tooShort || badPattern) mismatch(schema, value, path, out);
}

function visitNumber(schema: Schema, value: number, path: PathSegment[], out: SchemaFinding[]): void {
  const low = schema.minimum !== undefined && value < schema.minimum;
  const high = schema.maximum !== undefined && value > schema.maximum;
  if (low || high) mismatch(schema, value, path, out);
}

function visitArray(cursor: Cursor, value: unknown[], path: PathSegment[], out: SchemaFinding[]): void {
  const items = cursor.schema.items;
  if (!items) return;
  value.forEach((item, i) => visit(resolve({ doc: cursor.doc, schema: items }), item, [...path, i], out));
}

function visitObject(cursor: Cursor, value: Record<string, unknown>, path: PathSegment[], out: SchemaFinding[]): void {
  const { schema, doc } = cursor;
  const known = Object.keys(schema.properties ?? {});
  for (const key of schema.required ?? []) {
    if (!(key in value)) {
      const where = path.length ? ` in '${displayPath(path)}'` : '';
      out.push({ path, problem: `missing key '${key}'${where}`, expected: (schema.required ?? []).join(', ') });
    }
  }
  for (const [key, child] of Object.entries(value)) {
    const keyPath = [...path, key];
    const propertySchema = schema.properties?.[key];
    if (schema.propertyNames && !nameAllowed(schema.propertyNames, key)) {
      out.push(invalidName(schema.propertyNames, key, path));
    } else if (propertySchema) {
      visit(resolve({ doc, schema: propertySchema }), child, keyPath, out);
    } else if (schema.additionalProperties === false) {
      out.push(unknownKey(key, path, known));
    } else if (typeof schema.additionalProperties === 'object') {
      visit(resolve({ doc, schema: schema.additionalProperties }), child, keyPath, out);
    }
  }
}

function nameAllowed(rule: Schema, key: string): boolean {
  return rule.pattern === undefined || new RegExp(rule.pattern).test(key);
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

function mismatch(schema: Schema, value: unknown, path: PathSegment[], out: SchemaFinding[]): void {
  const name = path.length ? `'${displayPath(path)}'` : 'the file';
  const must = schema['x-must'] ?? `of type ${typeNames(schema)}`;
  const expected = schema['x-expected'] ?? typeNames(schema);
  out.push({ path, problem: `${name} must be ${must}`, expected: `${expected}, got ${describeValue(value)}` });
}

function typeNames(schema: Schema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' or ');
  if (schema.anyOf) return schema.anyOf.map((b) => (b.const !== undefined ? JSON.stringify(b.const) : typeNames(b))).join(' or ');
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
