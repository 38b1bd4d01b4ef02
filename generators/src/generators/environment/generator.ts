/**
 * `nx g @eleventh/nx:environment <name> --extends <env>`: a new stage and its cluster's Flux bootstrap.
 */
import { formatFiles, type Tree } from '@nx/devkit';
import type { EnvironmentGeneratorSchema } from './schema';
import { normalizeOptions } from './lib/normalize-options';
import { addEnvironmentFile, addTenants } from './lib/add-environment';
import { addFluxBootstrap } from './lib/flux-bootstrap';

export async function environmentGenerator(tree: Tree, options: EnvironmentGeneratorSchema): Promise<void> {
  const o = normalizeOptions(tree, options);
  addEnvironmentFile(tree, o);
  addTenants(tree, o);
  addFluxBootstrap(tree, o);
  if (!o.skipFormat) await formatFiles(tree);
}

export default environmentGenerator;
