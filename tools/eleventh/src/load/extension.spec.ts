import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../errors';
import { loadExtensionCommand } from './extension';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-ext-'));
  dirs.push(dir);
  return dir;
}

/** A folder with node_modules/@eleventh/nx holding `manifest` as its package.json and `files`. */
function withProvider(manifest: object, files: Record<string, string> = {}): string {
  const dir = tempDir();
  const pkg = join(dir, 'node_modules', '@eleventh', 'nx');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(pkg, name), text);
  return dir;
}

describe('loadExtensionCommand (the "eleventh.commands" extension point)', () => {
  it("loads the module @eleventh/nx declares for 'new' in this repository", () => {
    const mod = loadExtensionCommand<{ createNewRepository?: unknown }>('new', process.cwd());
    expect(typeof mod.createNewRepository).toBe('function');
  });

  it('prefers the package installed where the command runs, and loads the module it names', () => {
    const dir = withProvider({ name: '@eleventh/nx', eleventh: { commands: { new: './cmd.js' } } }, { 'cmd.js': 'exports.marker = 42;' });
    expect(loadExtensionCommand<{ marker: number }>('new', dir)).toEqual({ marker: 42 });
  });

  it('refuses a provider that declares no module for the command, naming its package.json (exit 2)', () => {
    const dir = withProvider({ name: '@eleventh/nx', version: '0.1.0' });
    const load = () => loadExtensionCommand('new', dir);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(`${join(dir, 'node_modules/@eleventh/nx/package.json')}: no "eleventh.commands.new" module declared (expected a version of @eleventh/nx that provides \`eleventh new\`)`);
  });

  it('says which package to install when none provides the command (exit 2)', () => {
    const dir = tempDir();
    let error: unknown;
    try {
      loadExtensionCommand('new', dir, [dir]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).report()).toBe(
      'eleventh: new: needs @eleventh/nx, which provides this command, and it is not installed (expected @eleventh/nx next to @eleventh/cli)\n' +
        'hint: npm install --save-dev @eleventh/nx   or   npx -p @eleventh/cli -p @eleventh/nx eleventh new …',
    );
  });

  it('refuses a command no package provides', () => {
    expect(() => loadExtensionCommand('deploy', process.cwd())).toThrow("deploy: no package provides this command (expected one of: new)");
  });
});
