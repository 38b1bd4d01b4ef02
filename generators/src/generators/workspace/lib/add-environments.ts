/** environments/: the hand-written files of four environments, the example namespace, the Nx project. */
import { writeJson, type Tree } from '@nx/devkit';
import { handWrittenYaml, writeNewFile } from '../../../utils';
import type { NormalizedWorkspaceOptions } from './normalize-options';
import { environmentSpecs, environmentsProject, tenantDoc } from './environments';

export function addEnvironments(tree: Tree, o: NormalizedWorkspaceOptions): void {
  for (const env of environmentSpecs(o)) {
    const envPath = `environments/${env.name}/environment.yaml`;
    writeNewFile(tree, envPath, handWrittenYaml(envPath, env.doc, { top: env.comment }));
    const tenant = tenantDoc(o, env);
    const tenantPath = `environments/${env.name}/${o.exampleNamespace}/tenant.yaml`;
    writeNewFile(tree, tenantPath, handWrittenYaml(tenantPath, tenant.doc, { top: tenant.comment }));
  }
  writeNewFile(tree, 'environments/project.json', '');
  writeJson(tree, 'environments/project.json', environmentsProject());
}
