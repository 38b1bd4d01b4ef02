/**
 * `nx g @eleventh/nx:profile <name>`: a business unit's objects and add-ons, selectable per environment
 * with `profiles: [<name>]` in environment.yaml. Written beside the kit's profiles when this repository
 * carries the kit's source (platform/src/), else into the repository's own registry (platform/profiles/).
 */
import { join } from 'node:path';
import { formatFiles, type Tree } from '@nx/devkit';
import { renderFiles } from '../../utils/templates';
import type { ProfileGeneratorSchema } from './schema';
import { normalizeOptions, type NormalizedProfileOptions } from './lib/normalize-options';
import { registerProfile } from './lib/register-profile';

function addProfileFile(tree: Tree, o: NormalizedProfileOptions): void {
  renderFiles(tree, join(__dirname, 'files'), o.dir, { name: o.name, symbol: o.symbol, description: o.description, local: o.mode === 'kit' });
}

export async function profileGenerator(tree: Tree, options: ProfileGeneratorSchema): Promise<void> {
  const o = normalizeOptions(tree, options);
  addProfileFile(tree, o);
  registerProfile(tree, o);
  if (!o.skipFormat) await formatFiles(tree);
}

export default profileGenerator;
