/**
 * Workspace library aliases from tsconfig.base.json `compilerOptions.paths` (as committed at the pin): how a
 * service's `import '@acme/runtime'` reaches the library's file, the same mapping the Nx graph used to make
 * the library one of the service's inputs. Exact keys and one `*` wildcard, the first target of each.
 */
import { posix } from 'node:path';
import type * as TS from 'typescript';

export interface Aliases {
  /** The repository-relative target of `specifier` (without extension resolution), if an alias maps it. */
  resolve(specifier: string): string | undefined;
}

export function workspaceAliases(tsconfigText: string | undefined): Aliases {
  // Loaded here, not at the top: TypeScript takes ~0.7 s to load, and every command imports this module.
  const ts = require('typescript') as typeof TS;
  const parsed = tsconfigText === undefined ? {} : (ts.parseConfigFileTextToJson('tsconfig.base.json', tsconfigText).config ?? {});
  const options = (parsed as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } }).compilerOptions ?? {};
  const baseUrl = options.baseUrl ?? '.';
  const entries = Object.entries(options.paths ?? {}).filter(([, targets]) => Array.isArray(targets) && typeof targets[0] === 'string');
  return {
    resolve(specifier) {
      for (const [key, targets] of entries) {
        const star = key.indexOf('*');
        const target = targets[0]!;
        if (star < 0 && key === specifier) return posix.normalize(posix.join(baseUrl, target));
        if (star >= 0 && specifier.startsWith(key.slice(0, star)) && specifier.endsWith(key.slice(star + 1))) {
          const middle = specifier.slice(star, specifier.length - (key.length - star - 1));
          return posix.normalize(posix.join(baseUrl, target.replace('*', middle)));
        }
      }
      return undefined;
    },
  };
}
