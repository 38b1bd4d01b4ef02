/**
 * Typed means checked: every deploy.ts of a run is type-checked with the TypeScript compiler before it is
 * executed, and a type error is refused as `services/x/deploy.ts:line:col: message` (exit 2, all of them).
 *
 * Incremental: a file that passed is remembered by a key over the TypeScript version, the kit's sources,
 * its path and its content (node_modules/.cache/eleventh/deploy-types.json, or ELEVENTH_CACHE_DIR), with the
 * content hashes of the repository files it imports (a `./helpers` beside it), so a run where no deploy.ts,
 * no file one imports and no kit file changed creates no program at all; otherwise one program is built with
 * only the changed files as roots (the kit's types are loaded once for all of them), over the part of the kit
 * index that they import (typecheck-entry.ts); a second one, over the whole kit, when that finds an error.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { checkHandWritten } from '../hand-written/read';
import { dirname, join } from 'node:path';
import type * as TS from 'typescript';
import { ConfigError, ConfigErrors } from '../errors';
import { folderIdentity } from '../engine/identity';
import { kitEntry, localKitEntry } from './kit';
import { blobId } from './services';
import { engineCacheFile, writeCacheFile } from './engine-cache';
import { kitNamesImported, narrowKitIndex } from './typecheck-entry';
import { timed } from '../timing';

/** The git blob id of a committed, unmodified file (pins' ls-tree), when known. */
export type CleanBlob = (path: string) => string | undefined;

// 3: a file's key names its git blob id (the same content identity, known without reading a committed file).
const CACHE_VERSION = '3';

/** A passed file's key → the repository files it imports, each `path\0sha256`. */
type Passed = Map<string, readonly string[]>;

const cacheFile = (): string => engineCacheFile('deploy-types.json');

function readPassed(): Passed {
  try {
    const parsed = JSON.parse(readFileSync(cacheFile(), 'utf8')) as Record<string, string[]>;
    return Array.isArray(parsed) ? new Map() : new Map(Object.entries(parsed));
  } catch {
    return new Map();
  }
}

function writePassed(passed: Passed): void {
  writeCacheFile(cacheFile(), JSON.stringify(Object.fromEntries([...passed].sort(([a], [b]) => (a < b ? -1 : 1)))));
}

function compilerOptions(ts: typeof TS, root: string): TS.CompilerOptions {
  const localKit = localKitEntry(root);
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

const contentHash = (abs: string): string => createHash('sha256').update(readFileSync(abs)).digest('hex');

/** Repository files (not node_modules, not the kit) that `file` imports, transitively, as `path\0sha256`. */
function localImports(ts: typeof TS, root: string, file: string, options: TS.CompilerOptions, kitDir: string): string[] {
  const seen = new Set<string>();
  const visit = (abs: string): void => {
    for (const spec of ts.preProcessFile(readFileSync(abs, 'utf8'), true, true).importedFiles) {
      const resolved = ts.resolveModuleName(spec.fileName, abs, options, ts.sys).resolvedModule?.resolvedFileName;
      if (!resolved || resolved.includes('/node_modules/') || resolved.startsWith(`${kitDir}/`)) continue;
      const rel = relative(root, resolved);
      if (rel.startsWith('..') || isAbsolute(rel) || seen.has(rel)) continue;
      seen.add(rel);
      visit(resolved);
    }
  };
  visit(join(root, file));
  return [...seen].sort().map((rel) => `${rel}\0${contentHash(join(root, rel))}`);
}

/** Every recorded import still has the content it had when the file passed. */
function importsUnchanged(root: string, deps: readonly string[]): boolean {
  return deps.every((d) => {
    const [rel, hash] = d.split('\0') as [string, string];
    return existsSync(join(root, rel)) && contentHash(join(root, rel)) === hash;
  });
}

/**
 * The kit entry's text for a program over `checked` (repository-relative): the narrower index when the
 * repository has its own kit and every checked file names what it imports from it (typecheck-entry.ts).
 */
function narrowEntry(ts: typeof TS, root: string, checked: readonly string[]): { path: string; text: string } | undefined {
  const path = localKitEntry(root);
  if (!existsSync(path)) return undefined;
  const names = kitNamesImported(ts, checked.map((f) => ({ fileName: f, text: readFileSync(join(root, f), 'utf8') })));
  const text = names && narrowKitIndex(ts, path, readFileSync(path, 'utf8'), names);
  return text === undefined ? undefined : { path, text };
}

/** The type errors of `checked`, in a program with `roots` as its roots; `entry`: the kit index's text to use. */
function errorsOf(ts: typeof TS, root: string, options: TS.CompilerOptions, roots: readonly string[], checked: readonly string[], entry?: { path: string; text: string }): ConfigError[] {
  const host = ts.createCompilerHost(options);
  // JSDoc is parsed only where it can make a type error (JavaScript files): kubernetes-models' declarations are
  // mostly documentation, and the errors of a TypeScript file are the same (~20 % of building the program).
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  if (entry) {
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, language, onError, create) => (fileName === entry.path ? ts.createSourceFile(fileName, entry.text, language, true) : read(fileName, language, onError, create));
  }
  const program = ts.createProgram(roots.map((f) => join(root, f)), options, host);
  const errors: ConfigError[] = [];
  for (const file of checked) {
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

/**
 * The type errors of `files` (repository-relative) and of the repository files they import, one ConfigError
 * each, in file and position order; and each file's imports, for the cache. A program over the narrower kit
 * index answers first; any error is then asked of the whole kit, so every reported error is its answer.
 */
function check(root: string, files: readonly string[]): { errors: ConfigError[]; imports: Map<string, string[]> } {
  const ts = require('typescript') as typeof TS;
  const options = compilerOptions(ts, root);
  const kitDir = dirname(kitEntry(root));
  const imports = new Map(files.map((f) => [f, localImports(ts, root, f, options, kitDir)] as const));
  const checked = [...new Set([...files, ...[...imports.values()].flat().map((d) => d.split('\0')[0]!)])];
  const entry = narrowEntry(ts, root, checked);
  const errors = entry ? timed('typecheck: program, kit as imported', () => errorsOf(ts, root, options, files, checked, entry)) : undefined;
  return { errors: errors?.length === 0 ? errors : timed('typecheck: program, whole kit', () => errorsOf(ts, root, options, files, checked)), imports };
}

/** A passed file's cache entry: its key and the repository files it imports. */
export type PassedEntry = readonly [key: string, imports: readonly string[]];

/** The files among `files` not known to pass, their keys and blob ids, and the cache as read. */
function pending(root: string, files: readonly string[], cleanBlob: CleanBlob = () => undefined): { changed: string[]; keys: Map<string, string>; blobs: Map<string, string>; passed: Passed } {
  // Each file must be a regular file inside the repository before the compiler (or the hash) reads it.
  for (const file of files) checkHandWritten(root, file);
  const tsVersion = (require('typescript/package.json') as { version: string }).version;
  const context = createHash('sha256').update(CACHE_VERSION).update('\0').update(tsVersion).update('\0').update(folderIdentity(dirname(kitEntry(root)))).digest('hex');
  const blobs = new Map(files.map((f) => [f, cleanBlob(f) ?? blobId(readFileSync(join(root, f)))] as const));
  const keyOf = (file: string): string => createHash('sha256').update(context).update('\0').update(file).update('\0').update(blobs.get(file)!).digest('hex');
  const passed = readPassed();
  const keys = new Map(files.map((f) => [f, keyOf(f)] as const));
  const changed = files.filter((f) => {
    const deps = passed.get(keys.get(f)!);
    return deps === undefined || !importsUnchanged(root, deps);
  });
  return { changed, keys, blobs, passed };
}

/** Check `changed`; the entries of the files that passed (they and every repository file they import). */
function checkChanged(root: string, changed: readonly string[], keys: ReadonlyMap<string, string>): { errors: ConfigError[]; entries: PassedEntry[]; files: string[] } {
  const { errors, imports } = check(root, changed);
  const failed = new Set(errors.map((e) => e.at.file));
  const files = changed.filter((f) => !failed.has(f) && imports.get(f)!.every((d) => !failed.has(d.split('\0')[0]!)));
  return { errors, entries: files.map((f) => [keys.get(f)!, imports.get(f)!] as const), files };
}

/** Type-check the run's deploy.ts files (repository-relative); throws ConfigErrors listing every type error. */
export function typeCheckDeployFiles(root: string, files: readonly string[], cleanBlob?: CleanBlob): void {
  if (files.length === 0) return;
  const { changed, keys, passed } = pending(root, files, cleanBlob);
  if (changed.length === 0) return;
  const { errors, entries } = checkChanged(root, changed, keys);
  for (const [key, imports] of entries) passed.set(key, imports);
  writePassed(passed);
  if (errors.length > 0) throw new ConfigErrors(errors);
}

/**
 * The warm-up's type-check (engine/warm-up.ts): check `files` and return the files that pass, all of them
 * (cached or checked now), with the cache entries to record, and every file's blob id as read (each file was
 * checked to be a regular file inside the repository first: the warm-up's header read takes both as done).
 * Nothing is written and nothing thrown: the run's own check reports what failed.
 */
export function passingFiles(root: string, files: readonly string[]): { files: string[]; entries: PassedEntry[]; blobs: ReadonlyMap<string, string> } {
  if (files.length === 0) return { files: [], entries: [], blobs: new Map() };
  const { changed, keys, blobs } = pending(root, files);
  if (changed.length === 0) return { files: [...files], entries: [], blobs };
  const checked = checkChanged(root, changed, keys);
  const known = new Set(changed);
  return { files: [...files.filter((f) => !known.has(f)), ...checked.files], entries: checked.entries, blobs };
}

/** Add entries that passed elsewhere (the warm-up's workers) to the cache. */
export function recordPassed(entries: readonly PassedEntry[]): void {
  if (entries.length === 0) return;
  const passed = readPassed();
  for (const [key, imports] of entries) passed.set(key, imports);
  writePassed(passed);
}
