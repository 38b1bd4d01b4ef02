/**
 * Typed means checked: every deploy.ts of a run is type-checked with the TypeScript compiler before it is
 * executed, and a type error is refused as `services/x/deploy.ts:line:col: message` (exit 2, all of them).
 *
 * Incremental: a file that passed is remembered by a key over the TypeScript version, the kit's sources,
 * its path and its content (node_modules/.cache/eleventh/deploy-types.json, or ELEVENTH_CACHE_DIR), so a run
 * where no deploy.ts and no kit file changed creates no program at all; otherwise one program is built with
 * only the changed files as roots (the kit's types are loaded once for all of them).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { checkHandWritten } from '../hand-written/read';
import { dirname, join } from 'node:path';
import type * as TS from 'typescript';
import { ConfigError, ConfigErrors } from '../errors';
import { folderIdentity } from '../engine/identity';
import { kitEntry } from './kit';

const CACHE_VERSION = '1';

function cacheFile(): string {
  const base = process.env.ELEVENTH_CACHE_DIR ?? join(__dirname, '..', '..', '..', '..', 'node_modules', '.cache', 'eleventh');
  return join(base, 'deploy-types.json');
}

function readPassed(): Set<string> {
  try {
    return new Set(JSON.parse(readFileSync(cacheFile(), 'utf8')) as string[]);
  } catch {
    return new Set();
  }
}

function writePassed(passed: Set<string>): void {
  try {
    const file = cacheFile();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, JSON.stringify([...passed].sort()));
    renameSync(`${file}.${process.pid}`, file);
  } catch {
    /* the cache only saves time */
  }
}

function compilerOptions(ts: typeof TS, root: string): TS.CompilerOptions {
  const localKit = join(root, 'platform', 'src', 'index.ts');
  return {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    // No ambient Node globals: a manifest is plain data and kit calls (and a program without @types/node is
    // built in half the time).
    types: [],
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    // As the loader resolves it (load/source-root.ts): the repository's own kit when it has one.
    ...(existsSync(localKit) ? { baseUrl: root, paths: { '@eleventh/platform': [localKit] } } : {}),
  };
}

function oneLine(ts: typeof TS, d: TS.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\s+/g, ' ').trim();
}

/** The type errors of `files` (repository-relative), one ConfigError each, in file and position order. */
function check(root: string, files: readonly string[]): ConfigError[] {
  const ts = require('typescript') as typeof TS;
  const program = ts.createProgram(files.map((f) => join(root, f)), compilerOptions(ts, root));
  const errors: ConfigError[] = [];
  for (const file of files) {
    const source = program.getSourceFile(join(root, file));
    if (!source) continue;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    for (const d of diagnostics) {
      if (d.category !== ts.DiagnosticCategory.Error) continue;
      const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      errors.push(new ConfigError({ file, line: pos && pos.line + 1, column: pos && pos.character + 1 }, `type error TS${d.code}: ${oneLine(ts, d)}`, 'deploy.ts to type-check against @eleventh/platform'));
    }
  }
  return errors;
}

/** Type-check the run's deploy.ts files (repository-relative); throws ConfigErrors listing every type error. */
export function typeCheckDeployFiles(root: string, files: readonly string[]): void {
  if (files.length === 0) return;
  // Each file must be a regular file inside the repository before the compiler (or the hash) reads it.
  for (const file of files) checkHandWritten(root, file);
  const tsVersion = (require('typescript/package.json') as { version: string }).version;
  const context = createHash('sha256').update(CACHE_VERSION).update('\0').update(tsVersion).update('\0').update(folderIdentity(dirname(kitEntry(root)))).digest('hex');
  const keyOf = (file: string): string => createHash('sha256').update(context).update('\0').update(file).update('\0').update(readFileSync(join(root, file))).digest('hex');
  const passed = readPassed();
  const keys = new Map(files.map((f) => [f, keyOf(f)] as const));
  const changed = files.filter((f) => !passed.has(keys.get(f)!));
  if (changed.length === 0) return;
  const errors = check(root, changed);
  const failed = new Set(errors.map((e) => e.at.file));
  for (const f of changed) if (!failed.has(f)) passed.add(keys.get(f)!);
  writePassed(passed);
  if (errors.length > 0) throw new ConfigErrors(errors);
}
