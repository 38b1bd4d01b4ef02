/**
 * Test helper: the published schemas (tools/eleventh/schemas), read from disk as they are published,
 * compiled by the engine's own ajv set-up (ajv.ts: strict mode, the hint vocabulary, union types and the
 * platform's formats) — what editors' checks agree with (yaml-language-server implements the same draft-07
 * and ignores the formats it does not know).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { configAjv } from './ajv';

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
  return configAjv(schemaFiles().map(readSchema));
}

/** ajv's findings for `value` against the schema `$id`, as `instancePath: message` lines (empty: valid). */
export function ajvFindings(ajv: Ajv, schema: string, value: unknown): string[] {
  const validate = ajv.getSchema(schema);
  if (!validate) throw new Error(`no schema ${schema}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : ''}`);
}
