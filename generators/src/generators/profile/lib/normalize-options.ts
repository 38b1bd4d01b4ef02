import type { Tree } from '@nx/devkit';
import { listProfiles } from '@eleventh/platform';
import { GeneratorError } from '../../../utils/errors';
import { assertName } from '../../../utils/names';
import { listEnvironments, listNamespaces, rootEnvironment } from '../../../utils/environments';
import type { ProfileGeneratorSchema } from '../schema';

/** Where profiles live when the repository carries the kit's source (this repository). */
export const KIT_PROFILES_DIR = 'platform/src/profiles';
/** Where a repository made by `eleventh new` keeps its own profiles (the kit is the installed package). */
export const LOCAL_PROFILES_DIR = 'platform/profiles';

export interface NormalizedProfileOptions {
  readonly name: string;
  /** The exported constant, camelCase of the name (`trading-risk` → `tradingRisk`). */
  readonly symbol: string;
  readonly description: string;
  /** `kit`: platform/src/profiles (the kit's source is here); `package`: platform/profiles. */
  readonly mode: 'kit' | 'package';
  /** The folder the profile is written to. */
  readonly dir: string;
  /** `<dir>/index.ts`: the registry the profile is added to. */
  readonly index: string;
  /** `<dir>/<name>.ts` */
  readonly file: string;
  readonly skipFormat: boolean;
}

export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function checkDescription(description: string): string {
  if (description.trim() === '' || /['\n\r\\]|\*\//.test(description)) {
    throw new GeneratorError('--description', `${JSON.stringify(description)} cannot be used`, "one line without ', \\ or */");
  }
  return description.trim().replace(/\.$/, '');
}

/** A profile's namespace must not be a tenant's. */
function checkNotTenant(tree: Tree, name: string): void {
  const environments = listEnvironments(tree);
  if (environments.length === 0) return;
  const root = rootEnvironment(tree, environments).name;
  if (listNamespaces(tree, root).includes(name)) {
    throw new GeneratorError(`environments/${root}/${name}/tenant.yaml`, `'${name}' is a tenant namespace`, 'a profile name no namespace uses');
  }
}

/** Check everything the profile generator needs before it writes anything. */
export function normalizeOptions(tree: Tree, options: ProfileGeneratorSchema): NormalizedProfileOptions {
  const name = options.name;
  const mode = tree.exists('platform/src/index.ts') ? 'kit' : 'package';
  const dir = mode === 'kit' ? KIT_PROFILES_DIR : LOCAL_PROFILES_DIR;
  const index = `${dir}/index.ts`;
  const file = `${dir}/${String(name)}.ts`;
  assertName('profile', name, file);
  if (tree.exists(file)) throw new GeneratorError(file, 'already exists', 'a new profile name');
  const symbol = camelCase(name);
  const registry = tree.read(index, 'utf8') ?? '';
  if (registry.includes(`'./${name}'`)) throw new GeneratorError(index, `already registers './${name}'`, 'a new profile name');
  if (mode === 'package' && listProfiles().includes(name)) throw new GeneratorError(file, `'${name}' is a profile of @eleventh/platform`, 'a profile name the platform package does not use');
  checkNotTenant(tree, name);
  const description = checkDescription(options.description ?? `Add-ons of the ${name} business unit`);
  return { name, symbol, description, mode, dir, index, file, skipFormat: options.skipFormat ?? false };
}
