'use strict';
/**
 * A require hook for .ts files: SWC transpiles to CommonJS, and the output is cached on disk keyed by the
 * source's hash, so loading thousands of deploy.ts files costs a read each, not a compile each. The output
 * carries an inline source map. Modules run from V8's code cache without it; a service file's map is kept
 * aside (sourcePosition), so the line a message quotes is the one its author wrote, not SWC's. Files Node
 * compiles itself keep the map inline, with Node's source-map support turned on.
 * Plain JavaScript on purpose: it must run before any TypeScript can be loaded.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { installJsCache, runWrapped } = require('./js-cache.js');

const CACHE_VERSION = '3';
let installed = false;
let swc;
let cacheDir;

function cacheDirectory() {
  if (cacheDir !== undefined) return cacheDir;
  const base = process.env.ELEVENTH_CACHE_DIR || path.join(__dirname, '..', '..', '..', '..', 'node_modules', '.cache', 'eleventh');
  cacheDir = path.join(base, 'ts');
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
  } catch {
    cacheDir = null;
  }
  return cacheDir;
}

function transpile(source, filename) {
  swc = swc || require('@swc/core');
  return swc.transformSync(source, {
    filename,
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    sourceMaps: 'inline',
    // The map names the file by its base name, resolved next to the module: output stays free of the
    // directory, so the cache entry is shared by the same file in a temporary worktree of another commit.
    sourceFileName: path.basename(filename),
    swcrc: false,
    configFile: false,
  }).code;
}

/** Where the compiled output of `source` is cached (null without a cache folder). */
function cachePath(source, filename) {
  const dir = cacheDirectory();
  // Keyed by content and base name alone (the source map names no directory): the same deploy.ts in a
  // temporary worktree of an older commit reuses the compiled output.
  const key = crypto.createHash('sha1').update(CACHE_VERSION).update('\0').update(path.basename(filename)).update('\0').update(source).digest('hex');
  return dir && path.join(dir, `${key}.js`);
}

/** The compiled output of `source`, from the cache at `file` when it is there (written there when not). */
function compileCached(source, filename, file = cachePath(source, filename)) {
  if (file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      /* not cached yet */
    }
  }
  const code = transpile(source, filename);
  if (file) writeAtomically(file, code);
  return code;
}

/**
 * Files that need their source map: a service's code (a deploy.ts and what it imports), whose stack lines the
 * messages quote; their map is kept aside (serviceMaps). Any other .ts (the engine, a kit) runs from V8's code
 * cache with no map: compiling and parsing the inline maps of ~450 modules was a third of a small command's
 * CPU. A path with `/services/` anywhere keeps its map, so the rule errs on the side of messages.
 * ELEVENTH_NO_CODE_CACHE=1: every file compiled by Node with its inline map (mapped stack traces of the engine
 * itself and of every service file, for debugging).
 */
function needsSourceMap(filename) {
  return filename.includes(`${path.sep}services${path.sep}`) || path.basename(filename) === 'deploy.ts' || Boolean(process.env.ELEVENTH_NO_CODE_CACHE);
}

/**
 * V8's data for `filename` from `cacheFile`: `data`, or `other` when the entry was made for another path, or
 * nothing. V8 keeps the name of the script that made the data (its stack lines would name that file), so each
 * entry starts with the path it was made for, and another copy of the same source (a kit in another
 * repository or worktree) compiles without it. The first path keeps the entry: copies that alternate (the
 * test suite's repositories) would otherwise rewrite it on every run.
 */
function readCodeCache(cacheFile, filename) {
  let buf;
  try {
    buf = fs.readFileSync(cacheFile);
  } catch {
    return {};
  }
  const header = Buffer.from(`${ENTRY_MAGIC}${filename}\0`);
  if (buf.length > header.length && buf.subarray(0, header.length).equals(header)) return { data: buf.subarray(header.length) };
  return buf.subarray(0, ENTRY_MAGIC.length).toString('latin1') === ENTRY_MAGIC ? { other: true } : {};
}

/** What an entry starts with (an entry without it, of an older engine, is made again). */
const ENTRY_MAGIC = 'eleventh-code-cache-1\0';

/** The entry readCodeCache reads: the magic, the path, NUL, V8's data. */
function codeCacheEntry(filename, data) {
  return Buffer.concat([Buffer.from(`${ENTRY_MAGIC}${filename}\0`), data]);
}

/** Run transpiled `code` as `module`, from V8's code cache beside the transpiled file when there is one for this path. */
function runCached(module, filename, code, file) {
  const vm = require('node:vm');
  const cacheFile = `${file}.${process.versions.v8}.v8`;
  const cached = readCodeCache(cacheFile, filename);
  const script = new vm.Script(module.constructor.wrap(code), { filename, cachedData: cached.data });
  runWrapped(script, module, filename);
  // Made after the module ran, so the functions its loading compiled are in it too.
  if (!cached.other && (cached.data === undefined || script.cachedDataRejected)) writeAtomically(cacheFile, codeCacheEntry(filename, script.createCachedData()));
}

/** Write `file` whole or not at all; a read-only cache is only slower. Unique per process and thread (render workers share a pid). */
function writeAtomically(file, data) {
  const tmp = `${file}.${process.pid}-${require('node:worker_threads').threadId}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing to tidy */
    }
  }
}

function installTsHook() {
  if (installed) return;
  installed = true;
  process.setSourceMapsEnabled(true);
  installJsCache(cacheDirectory(), writeAtomically);
  require.extensions['.ts'] = function loadTs(module, filename) {
    const source = fs.readFileSync(filename, 'utf8');
    const file = cachePath(source, filename);
    const code = compileCached(source, filename, file);
    if (file && !needsSourceMap(filename)) return runCached(module, filename, splitMap(code).code, file);
    const split = file && !process.env.ELEVENTH_NO_CODE_CACHE && !code.includes('import(') ? splitMap(code) : undefined;
    if (split?.map === undefined) return module._compile(code, filename);
    serviceMaps.set(filename, split.map);
    runCached(module, filename, split.code, file);
  };
}

/**
 * A service's code (a deploy.ts and what it imports) runs from V8's code cache too, without its inline map,
 * which Node would otherwise parse for every module (at 5,000 services, ~1.8 s of each render worker's
 * compile time went to compiling the modules and reading their maps). Its map is kept here, as text, and read
 * only when a message asks where in the file an error happened (sourcePosition, load/stack-line.ts; splitMap
 * finds it). A file that calls import() is Node's to compile (code from V8's data has no link to Node's module
 * loader), and keeps its map the usual way: its stack lines are the source's already.
 */
const serviceMaps = new Map();


/**
 * Where `line:column` (1-based, as a stack line gives them) of `filename` is in its source, when the file ran
 * from the code cache without its map; undefined for any other file (Node maps those stack lines itself).
 */
function sourcePosition(filename, line, column) {
  let map = serviceMaps.get(filename);
  if (map === undefined) return undefined;
  const Module = require('node:module');
  if (typeof map === 'string') {
    map = new Module.SourceMap(JSON.parse(Buffer.from(map, 'base64').toString('utf8')));
    serviceMaps.set(filename, map);
  }
  // The module wrapper (Module.wrap) shares the code's first line: columns there start after it.
  const shift = line === 1 ? Module.wrapper[0].length : 0;
  const found = map.findEntry(line - 1, Math.max(0, column - 1 - shift));
  return found && typeof found.originalLine === 'number' ? { line: found.originalLine + 1, column: found.originalColumn + 1 } : undefined;
}

const MAP_MARKER = '\n//# sourceMappingURL=data:';
const BASE64_JSON = 'application/json;base64,';

/**
 * The transpiled code without its inline source map (a module run from the code cache has no use for it),
 * and that map's base64 JSON when it has one.
 */
function splitMap(code) {
  const at = code.lastIndexOf(MAP_MARKER);
  if (at < 0) return { code };
  const data = code.slice(at + MAP_MARKER.length);
  return { code: code.slice(0, at + 1), map: data.startsWith(BASE64_JSON) ? data.slice(BASE64_JSON.length).trim() : undefined };
}

module.exports = { installTsHook, compileCached, sourcePosition };
