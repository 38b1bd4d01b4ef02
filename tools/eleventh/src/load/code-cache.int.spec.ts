/**
 * The .ts hook runs Eleventh's own modules (the engine, a kit) and a service's code (deploy.ts, anything under
 * services/) from V8's code cache; a service file's source map is kept aside, so messages still quote the
 * deploy.ts line its author wrote.
 * Each case loads real files in a fresh node process with the hook (register.js) and its own cache folder.
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
  const res = spawnSync(process.execPath, ['-r', REGISTER, entry], { encoding: 'utf8', env: { ...process.env, ELEVENTH_CACHE_DIR: cache, ...env } });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}
/** The code caches of .ts modules (js-… are node_modules packages' caches, js-cache.int.spec). */
const codeCaches = (): string[] => readdirSync(join(cache, 'ts')).filter((f) => f.endsWith('.v8') && !f.startsWith('js-'));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eleventh-code-cache-'));
  cache = join(dir, 'cache');
  mkdirSync(join(dir, 'lib'));
  mkdirSync(join(dir, 'services', 'svc'), { recursive: true });
  writeFileSync(join(dir, 'lib', 'helper.ts'), 'export const twice = (n: number): number => n * 2;\n');
  writeFileSync(
    join(dir, 'lib', 'main.ts'),
    [
      "import { twice } from './helper';",
      "console.log(JSON.stringify({ twice: twice(21), file: __filename, dir: __dirname, resolved: require.resolve('./helper'), cached: require.cache[__filename] === module, main: require.main === module }));",
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'services', 'svc', 'deploy.ts'), ['const a: number = 1;', 'export function boom(): never {', '  throw new Error(`boom ${a}`);', '}', 'boom();', ''].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the .ts hook and V8 code cache', () => {
  it('runs an own module from the code cache with everything a CommonJS module has', () => {
    const first = node(join(dir, 'lib', 'main.ts'));
    expect(first.status, first.stderr).toBe(0);
    const made = codeCaches();
    expect(made.length).toBe(2); // main.ts and helper.ts
    const second = node(join(dir, 'lib', 'main.ts'));
    expect(second.stdout).toBe(first.stdout);
    expect(codeCaches()).toEqual(made);
    // What Node's own loader gives the same file (the hook without the code cache).
    expect(node(join(dir, 'lib', 'main.ts'), { ELEVENTH_NO_CODE_CACHE: '1' }).stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout)).toEqual({ twice: 42, file: join(dir, 'lib', 'main.ts'), dir: join(dir, 'lib'), resolved: join(dir, 'lib', 'helper.ts'), cached: true, main: true });
  });

  it('a copy of the same module elsewhere names its own path in a stack, not the path the cache was made for', () => {
    for (const d of ['kit-a', 'kit-b']) {
      mkdirSync(join(dir, d), { recursive: true });
      writeFileSync(join(dir, d, 'where.ts'), "export const where = (): string => new Error('here').stack!.split('\\n')[1]!;\nconsole.log(where());\n");
    }
    for (const d of ['kit-a', 'kit-b', 'kit-a', 'kit-b']) {
      const res = node(join(dir, d, 'where.ts'));
      expect(res.stdout, res.stderr).toContain(join(dir, d, 'where.ts'));
    }
  });

  it('a damaged code cache is made again, and the module still runs', () => {
    for (const f of codeCaches()) writeFileSync(join(cache, 'ts', f), 'not a code cache');
    const res = node(join(dir, 'lib', 'main.ts'));
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout).twice).toBe(42);
  });

  it("a deploy.ts runs from the code cache too, and its errors' lines are still the ones its author wrote", () => {
    const deploy = join(dir, 'services', 'svc', 'deploy.ts');
    // What the engine's messages quote (load/contain.ts): the first stack frame in the file, through lineOf.
    writeFileSync(
      join(dir, 'where.js'),
      [
        `const { lineOf } = require(${JSON.stringify(join(__dirname, 'stack-line.ts'))});`,
        `try { require(${JSON.stringify(deploy)}); } catch (err) { console.log(JSON.stringify({ line: lineOf(err, ${JSON.stringify(deploy)}), message: err.message, raw: /deploy\\.ts:(\\d+)/.exec(err.stack)[1] })); }`,
      ].join('\n'),
    );
    const before = codeCaches().length;
    const first = node(join(dir, 'where.js'));
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ line: 3, message: 'boom 1' });
    expect(codeCaches().length).toBeGreaterThan(before);
    const second = node(join(dir, 'where.js'));
    expect(JSON.parse(second.stdout)).toMatchObject({ line: 3, message: 'boom 1' });
    // The raw stack is SWC's output (the map is not parsed unless a message asks): only lineOf maps it.
    expect(Number(JSON.parse(second.stdout).raw)).not.toBe(3);
    // Without the code cache, Node maps the stack itself, and lineOf leaves it as it is.
    const uncached = node(join(dir, 'where.js'), { ELEVENTH_NO_CODE_CACHE: '1' });
    expect(JSON.parse(uncached.stdout)).toEqual({ line: 3, message: 'boom 1', raw: '3' });
  });

  it('a deploy.ts run directly still fails with its own error', () => {
    const res = node(join(dir, 'services', 'svc', 'deploy.ts'));
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('boom 1');
    expect(res.stderr).toContain(join(dir, 'services', 'svc', 'deploy.ts'));
  });

  it('ELEVENTH_NO_CODE_CACHE=1 loads as before (no code cache made)', () => {
    rmSync(cache, { recursive: true, force: true });
    const res = node(join(dir, 'lib', 'main.ts'), { ELEVENTH_NO_CODE_CACHE: '1' });
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout).twice).toBe(42);
    expect(codeCaches()).toEqual([]);
  });
});
