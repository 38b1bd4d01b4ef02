/**
 * Registration in platform/src/profiles/index.ts: an import after the last relative import and the
 * constant appended to `const PROFILES: readonly Profile[] = [...]`. When the index does not have that
 * shape, the profile file is still written and the manual step is printed.
 */
import { logger, type Tree } from '@nx/devkit';
import { PROFILES_INDEX, type NormalizedProfileOptions } from './normalize-options';

const PROFILES_LIST = /(const PROFILES: readonly Profile\[\] = \[)([^\]]*)(\];)/;
const RELATIVE_IMPORT = /^import .* from '\.\/[^']+';$/gm;

/** The index with the profile registered, or null when the index has another shape. */
export function registerInIndex(index: string, o: Pick<NormalizedProfileOptions, 'name' | 'symbol'>): string | null {
  const imports = [...index.matchAll(RELATIVE_IMPORT)];
  const list = PROFILES_LIST.exec(index);
  if (imports.length === 0 || !list) return null;
  const items = list[2].split(',').map((s) => s.trim()).filter(Boolean);
  const withProfile = index.replace(PROFILES_LIST, `$1${[...items, o.symbol].join(', ')}$3`);
  const last = imports[imports.length - 1][0];
  return withProfile.replace(last, `${last}\nimport { ${o.symbol} } from './${o.name}';`);
}

export function registerProfile(tree: Tree, o: NormalizedProfileOptions): void {
  const index = tree.read(PROFILES_INDEX, 'utf8');
  const updated = index === null ? null : registerInIndex(index, o);
  if (updated === null) {
    logger.warn(
      `${PROFILES_INDEX}: no profiles registry found; register ${o.file} by hand: ` +
        `import { ${o.symbol} } from './${o.name}' and add ${o.symbol} to the list of profiles.`,
    );
    return;
  }
  tree.write(PROFILES_INDEX, updated);
}
