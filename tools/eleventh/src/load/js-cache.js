'use strict';
/**
 * V8's code cache for the CommonJS packages a command loads from node_modules (TypeScript's 9 MB compiler,
 * kubernetes-models, yaml, ajv, Nx in the graph process). Node 20 compiles every such file again on each run
 * (`typescript.js` alone: ~0.4 s, paid by every run that type-checks a deploy.ts); V8's cache keeps the
 * compiled code of what a run used. The package's own code runs unchanged: the cache is keyed by the file's
 * path and whole content (and V8 rejects data of another V8 or flag set, which is then made again), so any edit or
 * another version of a package compiles afresh.
 *
 * Only where Node itself would load the file as CommonJS: a `.js` under node_modules whose nearest
 * package.json does not say `"type": "module"` and that has no `#!` line. Anything else goes to Node's own
 * loader, so what it does with them (require of an ES module, a syntax error) stays Node's. So does a file with
 * a native `import()` or one that makes code at run time (see withoutDynamicImport). The data is written when
 * the process ends, so the functions the run compiled after loading (a type-check) are in it. Plain JavaScript: it is
 * installed with the ts hook, before any TypeScript loads. ELEVENTH_NO_CODE_CACHE=1 turns it off.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const CACHE_VERSION = '1';
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
/** Directory → whether .js files there are CommonJS (Node's package scope: the nearest package.json's `type`). */
const commonJsDirs = new Map();
/** Scripts compiled without usable data: [script, its cache file], written at exit. */
const toWrite = [];

function isCommonJsDir(dir) {
  const known = commonJsDirs.get(dir);
  if (known !== undefined) return known;
  let answer;
  const pkg = path.join(dir, 'package.json');
  let text;
  try {
    text = fs.readFileSync(pkg, 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    try {
      answer = JSON.parse(text).type !== 'module';
    } catch {
      answer = false; // Node reports an unreadable package.json its own way
    }
  } else {
    const up = path.dirname(dir);
    answer = up !== dir && !dir.endsWith(`${path.sep}node_modules`) && isCommonJsDir(up);
  }
  commonJsDirs.set(dir, answer);
  return answer;
}

/** Whether `filename` is a node_modules CommonJS file this cache may compile. */
function cacheable(filename) {
  return filename.includes(NODE_MODULES) && filename.endsWith('.js') && isCommonJsDir(path.dirname(filename));
}

function writeAtExit(writeAtomically) {
  for (const [script, file] of toWrite.splice(0)) {
    try {
      writeAtomically(file, script.createCachedData());
    } catch {
      /* a read-only or full cache is only slower */
    }
  }
}

/** es-module-lexer, ready (a dependency; without it nothing is cached). Its own files load through Node's loader. */
let lexer;
let loadingLexer = false;
function lexerReady() {
  if (lexer !== undefined || loadingLexer) return lexer;
  loadingLexer = true;
  try {
    lexer = require('es-module-lexer');
    lexer.initSync();
  } catch {
    lexer = null;
  } finally {
    loadingLexer = false;
  }
  return lexer;
}

/** Code made at run time (`new Function`, `eval`) shares its maker's origin, so it cannot `import()` either. */
const CODE_GENERATION = /\b(?:Function|eval)\s*\(/;

/**
 * Whether `source` may run from a code cache (undefined: no lexer to tell). Code compiled by `vm.Script` has
 * no link to Node's module loader, which a native `import()` needs (Node 20 reports
 * ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING; the option that links it is experimental and warns). So a file with
 * one, by the lexer's reading (not a text search: TypeScript's messages say "import(" in strings), a file the
 * lexer cannot read, and a file that makes code at run time go to Node's loader.
 */
function withoutDynamicImport(source) {
  if (CODE_GENERATION.test(source)) return false;
  const lex = lexerReady();
  if (!lex) return undefined;
  try {
    return lex.parse(source)[0].every((i) => i.d === -1);
  } catch {
    return false;
  }
}

/**
 * Install the `.js` loader: cacheable files run from the code cache in `dir`, every other file through
 * Node's own loader. A file's verdict is kept beside its cache: `<key>.<v8>.v8` (its code) or `<key>.node`
 * (Node's to load), so the lexer reads each content once.
 */
function installJsCache(dir, writeAtomically) {
  if (!dir || process.env.ELEVENTH_NO_CODE_CACHE) return;
  const fallback = require.extensions['.js'];
  let exitHooked = false;
  require.extensions['.js'] = function loadJs(module, filename) {
    if (!cacheable(filename)) return fallback(module, filename);
    let source = fs.readFileSync(filename, 'utf8');
    if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
    if (source.startsWith('#!')) return fallback(module, filename);
    // By path too: V8's data keeps the name of the file it was made for, which its stack lines then name.
    const key = path.join(dir, `js-${crypto.createHash('sha1').update(CACHE_VERSION).update('\0').update(filename).update('\0').update(source).digest('hex')}`);
    const file = `${key}.${process.versions.v8}.v8`;
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      if (fs.existsSync(`${key}.node`)) return fallback(module, filename);
      const verdict = withoutDynamicImport(source);
      if (verdict === false) writeAtomically(`${key}.node`, '');
      if (!verdict) return fallback(module, filename);
    }
    const script = new (require('node:vm').Script)(module.constructor.wrap(source), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) {
      toWrite.push([script, file]);
      if (!exitHooked) {
        exitHooked = true;
        process.once('exit', () => writeAtExit(writeAtomically));
      }
    }
    runWrapped(script, module, filename);
  };
}

/** Run `script` (a module's code in Node's wrapper, `Module.wrap`) as `module`, with what Node's loader passes. */
function runWrapped(script, module, filename) {
  const fn = script.runInThisContext({ displayErrors: true });
  fn.call(module.exports, module.exports, requireFor(module), module, filename, path.dirname(filename));
}

/** `require` for a module, as Node's loader makes it. */
function requireFor(module) {
  const Module = module.constructor;
  const req = (id) => module.require(id);
  req.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  req.resolve.paths = (request) => Module._resolveLookupPaths(request, module);
  req.main = process.mainModule;
  req.extensions = Module._extensions;
  req.cache = Module._cache;
  return req;
}

module.exports = { installJsCache, runWrapped };
