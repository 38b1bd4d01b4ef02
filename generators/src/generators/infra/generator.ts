/**
 * `nx g @eleventh/nx:infra --directory ../acme-infra`: a separate git repository for infrastructure,
 * the Kubestack ops/apps pair: config.yaml (apps base, ops differences), a Terraform root module per
 * cluster taking the merged configuration, and the PR → plan ops, main → apply ops, tag → apply apps pipeline.
 */
import type { GeneratorCallback, Tree } from '@nx/devkit';
import { runTasksInSerial } from '@nx/devkit';
import type { InfraGeneratorSchema } from './schema';
import { normalizeOptions } from './lib/normalize-options';
import { addConfig, infraConfig } from './lib/add-config';
import { addClusterModules, addRepositoryFiles } from './lib/add-files';
import { gitInitTask } from './lib/git-init';

export async function infraGenerator(tree: Tree, options: InfraGeneratorSchema): Promise<GeneratorCallback> {
  const o = normalizeOptions(tree, options);
  const config = infraConfig(o);
  const tasks: GeneratorCallback[] = [];
  addConfig(tree, o, config);
  addClusterModules(tree, o, config);
  addRepositoryFiles(tree, o);
  if (!o.skipGit) tasks.push(gitInitTask(tree.root, o.directory, o.name));
  return runTasksInSerial(...tasks);
}

export default infraGenerator;
