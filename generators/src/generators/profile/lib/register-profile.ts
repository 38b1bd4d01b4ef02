/**
 * Registration in the profiles index (`platform/src/profiles/index.ts`, or `platform/profiles/index.ts` in a
 * repository whose kit is the installed package, created on first use): an import after the last relative
 * import (or the last import) and the constant appended to `const PROFILES: readonly Profile[] = [...]`.
 * When the index does not have that shape, the profile file is still written and the manual step is printed.
 */
import { join } from 'node:path';
import { logger, type Tree } from '@nx/devkit';
import { renderTemplate } from '../../../utils/templates';
import type { NormalizedProfileOptions } from './normalize-options';

const PROFILES_LIST = /((?:export )?const PROFILES: readonly Profile\[\] = \[)([^\]]*)(\];)/;
const RELATIVE_IMPORT = /^import .* from '\.\/[^']+';$/gm;
const ANY_IMPORT = /^import .* from '[^']+';$/gm;

/** The index with the profile registered, or null when the index has another shape. */
export function registerInIndex(index: string, o: Pick<NormalizedProfileOptions, 'name' | 'symbol'>): string | null {
  const relative = [...index.matchAll(RELATIVE_IMPORT)];
  const imports = relative.length > 0 ? relative : [...index.matchAll(ANY_IMPORT)];
  const list = PROFILES_LIST.exec(index);
  if (imports.length === 0 || !list) return null;
  const items = list[2].split(',').map((s) => s.trim()).filter(Boolean);
  const withProfile = index.replace(PROFILES_LIST, `$1${[...items, o.symbol].join(', ')}$3`);
  const last = imports[imports.length - 1][0];
  return withProfile.replace(last, `${last}\nimport { ${o.symbol} } from './${o.name}';`);
}

function currentIndex(tree: Tree, o: NormalizedProfileOptions): string | null {
  const index = tree.read(o.index, 'utf8');
  if (index !== null || o.mode === 'kit') return index;
  return renderTemplate(join(__dirname, '..', 'files-registry', 'index.ts.hbs'), {});
}

export function registerProfile(tree: Tree, o: NormalizedProfileOptions): void {
  const index = currentIndex(tree, o);
  const updated = index === null ? null : registerInIndex(index, o);
  if (updated === null) {
    logger.warn(
      `${o.index}: no profiles registry found; register ${o.file} by hand: ` +
        `import { ${o.symbol} } from './${o.name}' and add ${o.symbol} to the list of profiles.`,
    );
    return;
  }
  tree.write(o.index, updated);
}
