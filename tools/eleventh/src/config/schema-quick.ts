/**
 * "Is this file valid?", answered without compiling the schemas. Every command validates every hand-written
 * file, and ajv compiling the published schemas cost each run ~0.2 s. ajv's standalone code for the same
 * schemas, options and formats is saved once in the engine's cache (node_modules/.cache/eleventh, or
 * ELEVENTH_CACHE_DIR), keyed by the schemas, ajv's version and the format names, and loaded as code after.
 *
 * It only ever says "valid": a file it refuses is validated again by the full ajv (schema-validate.ts), whose
 * errors make the messages. Both are ajv over the same schemas with the same formats, strict options and
 * vocabulary; they differ only in collecting every error and keeping the schema on each, which does not
 * change whether a value is valid.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { configAjv, FORMAT_DEFINITIONS, HINT_KEYWORDS, STANDALONE_FORMATS } from './ajv';
import { schemaDocuments } from './schemas';
import { engineCacheFile, writeCacheFile } from '../load/engine-cache';

const CACHE_VERSION = '1';

type Check = (value: unknown) => boolean;

let checks: Readonly<Record<string, Check>> | null | undefined;

function keyOf(docs: readonly object[]): string {
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  return createHash('sha256')
    .update(JSON.stringify([CACHE_VERSION, ajvVersion, Object.keys(FORMAT_DEFINITIONS), HINT_KEYWORDS, docs]))
    .digest('hex')
    .slice(0, 32);
}

/** The standalone code for every schema, exported under its `$id`. */
function generate(docs: readonly object[]): string {
  const standaloneCode = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  const ajv = configAjv(docs, { standalone: true });
  const ids = Object.fromEntries(docs.map((d) => [(d as { $id: string }).$id, (d as { $id: string }).$id]));
  return standaloneCode(ajv, ids);
}

/** Run saved code: its `require`s are the engine's (ajv's runtime helpers), its formats the engine's own. */
function load(code: string): Record<string, Check> {
  const exports: Record<string, Check> = {};
  // The code is ajv's own output for the engine's own schemas, read back from the engine's own cache.
  new Function('require', 'exports', STANDALONE_FORMATS, code)(require, exports, FORMAT_DEFINITIONS);
  return exports;
}

function loadChecks(): Readonly<Record<string, Check>> | null {
  const docs = schemaDocuments();
  const file = engineCacheFile(`schemas-${keyOf(docs)}.js`);
  try {
    return load(readFileSync(file, 'utf8'));
  } catch {
    /* not saved yet, or unreadable: made again */
  }
  try {
    const code = generate(docs);
    const made = load(code);
    writeCacheFile(file, code);
    return made;
  } catch {
    return null; // the full ajv answers alone
  }
}

/** True when `value` is valid against the schema file `docName`; undefined when there is no quick answer. */
export function quickValid(docName: string, value: unknown): boolean | undefined {
  if (checks === undefined) checks = loadChecks();
  const check = checks?.[docName];
  if (typeof check !== 'function') return undefined;
  try {
    return check(value) === true;
  } catch {
    return undefined;
  }
}
