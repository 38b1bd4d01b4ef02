/** environments/: the hand-written files of four environments, the example namespace, the Nx project. */
import { writeJson, type Tree } from '@nx/devkit';
import { toYaml, writeNewFile } from '../../../utils';
import type { NormalizedWorkspaceOptions } from './normalize-options';
import { environmentSpecs, environmentsProject, tenantDoc } from './environments';

/** A hand-written YAML file: a comment, then the value (built as an object, never templated). */
export function yamlWithComment(comment: string, value: unknown): string {
  return toYaml(value, comment);
}

export function addEnvironments(tree: Tree, o: NormalizedWorkspaceOptions): void {
  for (const env of environmentSpecs(o)) {
    writeNewFile(tree, `environments/${env.name}/environment.yaml`, yamlWithComment(env.comment, env.doc));
    const tenant = tenantDoc(o, env);
    writeNewFile(tree, `environments/${env.name}/${o.exampleNamespace}/tenant.yaml`, yamlWithComment(tenant.comment, tenant.doc));
  }
  writeNewFile(tree, 'environments/project.json', '');
  writeJson(tree, 'environments/project.json', environmentsProject());
}
