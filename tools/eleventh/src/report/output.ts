/**
 * Where the report goes: checked before anything is gathered, written after everything is rendered
 * (to a temporary name, then renamed), so bad input writes nothing. `-` prints to stdout.
 */
import { accessSync, constants, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors';

export const FORMATS = ['html', 'md', 'json'] as const;
export type Format = (typeof FORMATS)[number];
export const FILE_NAME: Record<Format, string> = { html: 'index.html', md: 'report.md', json: 'report.json' };
/** Relative to the repository root; `tmp/` is in .gitignore. */
export const DEFAULT_OUT = 'tmp/report';

/** The nearest existing ancestor must be a writable directory, and `dir` itself a directory if it exists. */
export function checkOutDir(command: string, dir: string): void {
  let probe = resolve(dir);
  while (!existsSync(probe)) probe = dirname(probe);
  const fail = (why: string): never => {
    throw new UsageError(`${command}: --out '${dir}' ${why} (expected a directory it can create or write)`);
  };
  if (!statSync(probe).isDirectory()) fail(`is not usable: '${probe}' is a file`);
  try {
    accessSync(probe, constants.W_OK | constants.X_OK);
  } catch {
    fail(`is not writable ('${probe}')`);
  }
}

/** Write `text` as `dir/name` atomically; returns the file's path. */
export function writeReport(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  return file;
}
