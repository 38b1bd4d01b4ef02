/**
 * What `nx g` does with options before it calls a generator, done the same way for plop's answers: the
 * generator and its schema from generators.json, the answers' types coerced, the schema's defaults set and
 * the result validated against the schema (Nx's own functions) — so both refuse the same input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { coerceTypesInOptions, setDefaults, validateOptsAgainstSchema, type Options, type Schema } from 'nx/src/utils/params';
import type { Answers } from './types';

/** The @eleventh/nx package folder (this file is src/plop/options.{ts,js}). */
export const PACKAGE_DIR = join(__dirname, '..', '..');

interface GeneratorEntry {
  readonly factory: string;
  readonly schema: string;
  readonly description: string;
}

export type GeneratorFunction = (tree: Tree, options: Record<string, unknown>) => Promise<unknown>;

export function generatorEntries(): Record<string, GeneratorEntry> {
  return JSON.parse(readFileSync(join(PACKAGE_DIR, 'generators.json'), 'utf8')).generators;
}

function entry(name: string): GeneratorEntry {
  const found = generatorEntries()[name];
  if (!found) throw new Error(`generators.json: no generator '${name}'`);
  return found;
}

export function generatorSchema(name: string): Schema {
  return JSON.parse(readFileSync(join(PACKAGE_DIR, entry(name).schema), 'utf8'));
}

/** The generator function, as Nx loads it (the factory module's default export). */
export function loadGenerator(name: string): GeneratorFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(PACKAGE_DIR, entry(name).factory));
  return mod.default ?? mod;
}

/** Answers as options: empty and skipped answers left out, then Nx's coercion, defaults and validation. */
export function answersToOptions(generator: string, answers: Answers): Record<string, unknown> {
  const options: Options = {};
  for (const [key, value] of Object.entries(answers)) {
    if (value !== '' && value !== undefined && value !== null) options[key] = value as Options[string];
  }
  const schema = generatorSchema(generator);
  coerceTypesInOptions(options, schema);
  setDefaults(options, schema);
  try {
    validateOptsAgainstSchema(options, schema);
  } catch (err) {
    // Nx's SchemaError is not an Error: carry its message (the one `nx g` prints) in one.
    throw err instanceof Error ? err : new Error(String((err as { message?: unknown }).message ?? err));
  }
  return options;
}
