/**
 * Commands other packages provide (the extension point): a package declares in its package.json
 *   "eleventh": { "commands": { "<command>": "./path/to/module" } }
 * and `eleventh <command>` loads that module at run time, found with require.resolve from the current
 * directory, then from the engine's own install. The engine never imports such a package (the generators
 * sit above it; .dependency-cruiser.cjs forbids the import), so a missing provider is bad input: exit 2
 * naming the package to install.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, UsageError } from '../errors';
import { installedRequire } from './source-root';

/** Which package provides each extension command. */
export const COMMAND_PROVIDERS: Readonly<Record<string, string>> = { new: '@eleventh/nx' };

function providerManifest(pkg: string, searchFrom: readonly string[]): string | undefined {
  for (const from of searchFrom) {
    try {
      return require.resolve(`${pkg}/package.json`, { paths: [from] });
    } catch {
      /* not installed there */
    }
  }
  return undefined;
}

/**
 * The module a package provides for `command`, looked up from `cwd` and then from the engine's install;
 * throws UsageError (exit 2) when the package is not installed, ConfigError (exit 2) when it declares no such command.
 */
export function loadExtensionCommand<T>(command: string, cwd: string, searchFrom: readonly string[] = [cwd, __dirname]): T {
  const pkg = COMMAND_PROVIDERS[command];
  if (!pkg) throw new UsageError(`${command}: no package provides this command (expected one of: ${Object.keys(COMMAND_PROVIDERS).join(', ')})`);
  const manifest = providerManifest(pkg, searchFrom);
  if (!manifest) {
    throw new UsageError(
      `${command}: needs ${pkg}, which provides this command, and it is not installed (expected ${pkg} next to @eleventh/cli)`,
      `npm install --save-dev ${pkg}   or   npx -p @eleventh/cli -p ${pkg} eleventh ${command} …`,
    );
  }
  const declared = (JSON.parse(readFileSync(manifest, 'utf8')) as { eleventh?: { commands?: Record<string, unknown> } }).eleventh?.commands?.[command];
  if (typeof declared !== 'string') {
    throw new ConfigError({ file: manifest }, `no "eleventh.commands.${command}" module declared`, `a version of ${pkg} that provides \`eleventh ${command}\``);
  }
  return installedRequire<T>(join(dirname(manifest), declared));
}
