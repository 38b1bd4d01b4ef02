/** The Terraform modules (templates), the README, the pipelines (objects → YAML) and .gitignore. */
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { renderFiles, toYaml, writeNewFile } from '../../../utils';
import { BASE_CLUSTER, CLUSTERS, terraformVariables } from './clusters';
import type { InfraConfig } from './add-config';
import { githubWorkflow } from './github-workflow';
import { gitlabPipeline } from './gitlab-pipeline';
import type { NormalizedInfraOptions } from './normalize-options';

const FILES = join(__dirname, '..', 'files');
export const GITIGNORE = ['.terraform/', '*.tfstate', '*.tfstate.*', 'tfplan', 'crash.log', ''].join('\n');

export function addClusterModules(tree: Tree, o: NormalizedInfraOptions, config: InfraConfig): void {
  for (const cluster of CLUSTERS) {
    renderFiles(tree, join(FILES, 'cluster'), `${o.directory}/clusters/${cluster}`, {
      ...o,
      cluster,
      base: BASE_CLUSTER,
      inherits: cluster !== BASE_CLUSTER,
      variables: terraformVariables(config.merged[cluster]),
    });
  }
}

export function addRepositoryFiles(tree: Tree, o: NormalizedInfraOptions): void {
  renderFiles(tree, join(FILES, 'root'), o.directory, { ...o });
  writeNewFile(tree, `${o.directory}/.github/workflows/infra.yml`, toYaml(githubWorkflow()));
  writeNewFile(tree, `${o.directory}/.gitlab-ci.yml`, toYaml(gitlabPipeline()));
  writeNewFile(tree, `${o.directory}/.gitignore`, GITIGNORE);
}
