/** CODEOWNERS: the platform team owns everything by default; the example team its namespace and service. */
import type { Tree } from '@nx/devkit';
import { addCodeOwner } from '../../../utils';
import type { NormalizedWorkspaceOptions } from './normalize-options';

export function addCodeOwners(tree: Tree, o: NormalizedWorkspaceOptions): void {
  addCodeOwner(tree, '*', o.platformTeam);
  addCodeOwner(tree, `/environments/*/${o.exampleNamespace}/`, o.appsTeam);
  addCodeOwner(tree, `/services/${o.exampleService}/`, o.appsTeam);
}
