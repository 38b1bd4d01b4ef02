/**
 * `nx g @eleventh/nx:workspace <name>` (what `eleventh new DIR` runs): a whole monorepo of the Eleventh
 * shape at the root of the tree. Refuses to run where a workspace already exists.
 */
import { formatFiles, type GeneratorCallback, type Tree, runTasksInSerial } from '@nx/devkit';
import type { WorkspaceGeneratorSchema } from './schema';
import { normalizeOptions } from './lib/normalize-options';
import { addRootFiles } from './lib/add-root-files';
import { addPlatform } from './lib/add-platform';
import { addEnvironments } from './lib/add-environments';
import { addTemplates } from './lib/add-templates';
import { addCi } from './lib/add-ci';
import { addCodeOwners } from './lib/add-codeowners';

export async function workspaceGenerator(tree: Tree, options: WorkspaceGeneratorSchema): Promise<GeneratorCallback> {
  const o = normalizeOptions(tree, options);
  const tasks: GeneratorCallback[] = [];
  addRootFiles(tree, o);
  addPlatform(tree);
  addEnvironments(tree, o);
  addTemplates(tree, o);
  addCi(tree, o);
  addCodeOwners(tree, o);
  if (!o.skipFormat) await formatFiles(tree);
  return runTasksInSerial(...tasks);
}

export default workspaceGenerator;
