import type { Tree } from '@nx/devkit';
import { GeneratorError } from '../../../utils/errors';
import { assertName } from '../../../utils/names';
import { listEnvironments, listNamespaces, rootEnvironment } from '../../../utils/environments';
import type { ProfileGeneratorSchema } from '../schema';

export const PROFILES_DIR = 'platform/src/profiles';
export const PROFILES_INDEX = `${PROFILES_DIR}/index.ts`;

export interface NormalizedProfileOptions {
  readonly name: string;
  /** The exported constant, camelCase of the name (`trading-risk` → `tradingRisk`). */
  readonly symbol: string;
  readonly description: string;
  /** platform/src/profiles/<name>.ts */
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
  const file = `${PROFILES_DIR}/${String(name)}.ts`;
  assertName('profile', name, file);
  if (tree.exists(file)) throw new GeneratorError(file, 'already exists', 'a new profile name');
  const symbol = camelCase(name);
  const index = tree.read(PROFILES_INDEX, 'utf8') ?? '';
  if (index.includes(`'./${name}'`)) throw new GeneratorError(PROFILES_INDEX, `already registers './${name}'`, 'a new profile name');
  checkNotTenant(tree, name);
  const description = checkDescription(options.description ?? `Add-ons of the ${name} business unit`);
  return { name, symbol, description, file, skipFormat: options.skipFormat ?? false };
}
