/**
 * `nx g @eleventh/nx:namespace <ns> --team <group>`: a tenant in every environment, owned by a team.
 */
import { formatFiles, type Tree } from '@nx/devkit';
import { addCodeOwner } from '../../utils/codeowners';
import type { NamespaceGeneratorSchema } from './schema';
import { normalizeOptions } from './lib/normalize-options';
import { addTenants } from './lib/add-tenants';

export async function namespaceGenerator(tree: Tree, options: NamespaceGeneratorSchema): Promise<void> {
  const o = normalizeOptions(tree, options);
  addTenants(tree, o);
  addCodeOwner(tree, o.codeowners, o.team);
  if (!o.skipFormat) await formatFiles(tree);
}

export default namespaceGenerator;
