/**
 * node_modules' CommonJS packages run from V8's code cache (load/js-cache.js), with exactly what Node's own
 * loader gives them; any file Node would not load as CommonJS goes to Node's loader, with Node's error. Each
 * case loads real files in a fresh node process with the hook (register.js) and its own cache folder, and
 * compares with the same process under ELEVENTH_NO_CODE_CACHE=1 (Node's loader).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REGISTER = join(__dirname, '..', 'register.js');
let dir: string;
let cache: string;

function node(entry: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, ['-r', REGISTER, entry], { cwd: dir, encoding: 'utf8', env: { ...process.env, ELEVENTH_CACHE_DIR: cache, ...env } });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}
const jsCaches = (): string[] => {
  try {
    return readdirSync(join(cache, 'ts')).filter((f) => f.startsWith('js-')).sort();
  } catch {
    return [];
  }
};
const write = (rel: string, text: string): void => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const NODE_LOADER = { ELEVENTH_NO_CODE_CACHE: '1' };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eleventh-js-cache-'));
  cache = join(dir, 'cache');
  write('node_modules/cjs-pkg/package.json', JSON.stringify({ name: 'cjs-pkg', main: 'index.js' }));
  write('node_modules/cjs-pkg/helper.js', "exports.twice = (n) => n * 2;\n");
  write('node_modules/cjs-pkg/esm.mjs', 'export const seven = 7;\n');
  // A native import() loses Node's loader when run from V8's data: such a file is Node's to load.
  write('node_modules/cjs-pkg/dynamic.js', "module.exports = async () => (await import('./esm.mjs')).seven;\n");
  // Nx's way to keep a compiler from rewriting import(): the code of a Function has its own origin.
  write('node_modules/cjs-pkg/function.js', "module.exports = new Function('p', 'return import(p)');\n");
  write(
    'node_modules/cjs-pkg/index.js',
    [
      "const { twice } = require('./helper');",
      "const dynamic = require('./dynamic');",
      "const viaFunction = require('./function');",
      'module.exports = async () => ({',
      '  twice: twice(21), file: __filename, dir: __dirname, resolved: require.resolve("./helper"), cached: require.cache[__filename] === module,',
      '  thisIsExports: this === exports, id: module.id, loaded: module.loaded, paths: module.paths.slice(0, 2),',
      "  imported: await dynamic(), viaFunction: (await viaFunction(require('node:url').pathToFileURL(require.resolve('./esm.mjs')).href)).seven,",
      '  strictMode: (function () { return this === undefined; })(),',
      '});',
      '',
    ].join('\n'),
  );
  write('node_modules/esm-pkg/package.json', JSON.stringify({ name: 'esm-pkg', type: 'module', main: 'index.js' }));
  write('node_modules/esm-pkg/index.js', 'export const x = 1;\n');
  write('node_modules/mixed-pkg/package.json', JSON.stringify({ name: 'mixed-pkg', main: 'dist/esm/index.js' }));
  write('node_modules/mixed-pkg/dist/esm/package.json', JSON.stringify({ type: 'module' }));
  write('node_modules/mixed-pkg/dist/esm/index.js', 'export const y = 2;\n');
  write('node_modules/value-pkg/package.json', JSON.stringify({ name: 'value-pkg' }));
  write('use-cjs.js', "require('cjs-pkg')().then((r) => console.log(JSON.stringify(r)));\n");
  write('use-value.js', "console.log(require('value-pkg'));\n");
  write('use-esm.js', "for (const p of ['esm-pkg', 'mixed-pkg']) { try { console.log(JSON.stringify(require(p))); } catch (e) { console.log(e.code); } }\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('V8 code cache for node_modules packages (load/js-cache.js)', () => {
  it("runs a CommonJS package from the code cache with what Node's loader gives it, and reuses the cache", () => {
    const first = node(join(dir, 'use-cjs.js'));
    expect(first.status, first.stderr).toBe(0);
    const made = jsCaches();
    // index.js and helper.js from the code cache; dynamic.js and function.js marked as Node's (use-cjs.js is not under node_modules).
    expect(made.filter((f) => f.endsWith('.v8'))).toHaveLength(2);
    expect(made.filter((f) => f.endsWith('.node'))).toHaveLength(2);
    const second = node(join(dir, 'use-cjs.js'));
    expect(second.stdout).toBe(first.stdout);
    expect(jsCaches()).toEqual(made);
    expect(node(join(dir, 'use-cjs.js'), NODE_LOADER).stdout).toBe(first.stdout);
    const pkg = join(dir, 'node_modules', 'cjs-pkg');
    expect(JSON.parse(first.stdout)).toEqual({
      twice: 42, file: join(pkg, 'index.js'), dir: pkg, resolved: join(pkg, 'helper.js'), cached: true, thisIsExports: true,
      id: join(pkg, 'index.js'), loaded: true, paths: [join(pkg, 'node_modules'), join(dir, 'node_modules')], imported: 7, viaFunction: 7, strictMode: false,
    });
  });

  it('an edited file of the same length runs its new code (the cache is keyed by content, not by V8 length check)', () => {
    for (const value of ['1', '2', '1']) {
      write('node_modules/value-pkg/index.js', `module.exports = ${value};\n`);
      const res = node(join(dir, 'use-value.js'));
      expect(res.stdout.trim(), res.stderr).toBe(value);
    }
  });

  it("a package Node loads as ES module (type: module, or a nested package.json) is Node's to load (or refuse)", () => {
    const res = node(join(dir, 'use-esm.js'));
    expect(res.stdout.split('\n').filter(Boolean), res.stderr).toHaveLength(2);
    expect(res.stdout).not.toMatch(/SyntaxError|ERR_INTERNAL/);
    expect(node(join(dir, 'use-esm.js'), NODE_LOADER).stdout).toBe(res.stdout);
  });

  it('a copy of the same package elsewhere names its own path in a stack', () => {
    for (const d of ['a', 'b']) {
      write(`${d}/node_modules/where-pkg/index.js`, "module.exports = new Error('here').stack.split('\\n')[1];\n");
      write(`${d}/use.js`, "console.log(require('where-pkg'));\n");
    }
    for (const d of ['a', 'b', 'a']) {
      const res = node(join(dir, d, 'use.js'));
      expect(res.stdout, res.stderr).toContain(join(dir, d, 'node_modules', 'where-pkg', 'index.js'));
    }
  });

  it('a damaged code cache is made again, and the package still runs', () => {
    for (const f of jsCaches()) writeFileSync(join(cache, 'ts', f), 'not a code cache');
    const res = node(join(dir, 'use-cjs.js'));
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout).twice).toBe(42);
  });

  it('ELEVENTH_NO_CODE_CACHE=1 makes no code cache', () => {
    rmSync(cache, { recursive: true, force: true });
    const res = node(join(dir, 'use-cjs.js'), NODE_LOADER);
    expect(JSON.parse(res.stdout).twice).toBe(42);
    expect(jsCaches()).toEqual([]);
  });
});
