/**
 * `nx g @eleventh/nx:service <name> --namespace <ns>`: a service in an existing namespace, owned by its team.
 */
import { formatFiles, type Tree } from '@nx/devkit';
import { addCodeOwner } from '../../utils/codeowners';
import type { ServiceGeneratorSchema } from './schema';
import { normalizeOptions } from './lib/normalize-options';
import { addServiceFiles } from './lib/add-service-files';

export async function serviceGenerator(tree: Tree, options: ServiceGeneratorSchema): Promise<void> {
  const o = normalizeOptions(tree, options);
  addServiceFiles(tree, o);
  addCodeOwner(tree, o.codeowners, o.team);
  if (!o.skipFormat) await formatFiles(tree);
}

export default serviceGenerator;
