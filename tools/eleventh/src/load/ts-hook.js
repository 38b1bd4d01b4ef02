'use strict';
/**
 * A require hook for .ts files: SWC transpiles to CommonJS, and the output is cached on disk keyed by the
 * source's hash, so loading thousands of deploy.ts files costs a read each, not a compile each. The output
 * carries an inline source map and the hook turns Node's source-map support on, so a stack position in a
 * deploy.ts is the line the author wrote (messages quote it), not the line of SWC's output.
 * Plain JavaScript on purpose: it must run before any TypeScript can be loaded.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

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

function compileCached(source, filename) {
  const dir = cacheDirectory();
  // Keyed by content and base name alone (the source map names no directory): the same deploy.ts in a
  // temporary worktree of an older commit reuses the compiled output.
  const key = crypto.createHash('sha1').update(CACHE_VERSION).update('\0').update(path.basename(filename)).update('\0').update(source).digest('hex');
  const file = dir && path.join(dir, `${key}.js`);
  if (file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      /* not cached yet */
    }
  }
  const code = transpile(source, filename);
  if (file) {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, code);
      fs.renameSync(tmp, file);
    } catch {
      /* a read-only cache is only slower */
    }
  }
  return code;
}

function installTsHook() {
  if (installed) return;
  installed = true;
  process.setSourceMapsEnabled(true);
  require.extensions['.ts'] = function loadTs(module, filename) {
    const source = fs.readFileSync(filename, 'utf8');
    module._compile(compileCached(source, filename), filename);
  };
}

module.exports = { installTsHook, compileCached };
