/**
 * Test helper: the published schemas (tools/eleventh/schemas) compiled by ajv, the validator editors' checks
 * agree with (yaml-language-server implements the same draft-07). Strict mode, with two declared allowances:
 * the `x-must`/`x-expected`/`x-invalid` message hints of the engine's own validator are a vocabulary, and
 * union types (`type: [string, number]` for quantities) are allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';

export const SCHEMAS_DIR = join(__dirname, '..', '..', 'schemas');

/** The published schema files, sorted. */
export function schemaFiles(): string[] {
  return readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).sort();
}

export function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8')) as Record<string, unknown>;
}

/** A strict ajv holding every published schema under its `$id` (compiled on first use). */
export function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  ajv.addVocabulary(['x-must', 'x-expected', 'x-invalid']);
  for (const file of schemaFiles()) ajv.addSchema(readSchema(file));
  return ajv;
}

/** ajv's findings for `value` against the schema `$id`, as `instancePath: message` lines (empty: valid). */
export function ajvFindings(ajv: Ajv, schema: string, value: unknown): string[] {
  const validate = ajv.getSchema(schema);
  if (!validate) throw new Error(`no schema ${schema}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : ''}`);
}
