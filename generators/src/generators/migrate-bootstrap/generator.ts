/**
 * `nx g @eleventh/nx:migrate-bootstrap` (also the Nx migration `one-cluster-bootstrap`): remove the second
 * owner of each environment's Flux bootstrap that older versions of the environment generator wrote under
 * clusters/<env>/flux-system/. environments/<env>/_flux/ (rendered from environment.yaml) stays the one owner.
 */
import { formatFiles, logger, type Tree } from '@nx/devkit';
import { formatSecondOwner, secondOwnersIn } from '@eleventh/cli';
import { clusterYamlFiles } from '../../utils/clusters';
import { refuseAll } from '../../utils/errors';
import type { MigrateBootstrapGeneratorSchema } from './schema';
import { planMigration, type ClusterMigration } from './lib/plan';

const README = 'tools/eleventh/src/release/README.md#cluster-bootstrap';

function apply(tree: Tree, c: ClusterMigration): void {
  for (const path of c.remove) tree.delete(path);
  if (c.update) tree.write(c.update.path, c.update.content);
}

/** What to do in the cluster itself before the change reaches it (see the release README). */
function clusterSteps(c: ClusterMigration): string {
  return [
    `${c.dir}: removed the second owner of environments/${c.environment}/_flux. Before you push, in that cluster:`,
    `  flux suspend kustomization eleventh -n flux-system   # deleting it then prunes nothing`,
    `after the push has been reconciled:`,
    `  kubectl delete kustomization eleventh -n flux-system --ignore-not-found`,
    `  kubectl apply -k environments/${c.environment}/_flux   # in case Flux pruned GitRepository eleventh with it`,
    `(${README})`,
  ].join('\n');
}

export async function migrateBootstrapGenerator(tree: Tree, options: MigrateBootstrapGeneratorSchema = {}): Promise<void> {
  const plan = planMigration(tree);
  refuseAll(plan.problems);
  for (const c of plan.clusters) apply(tree, c);
  if (!options.skipFormat) await formatFiles(tree);
  if (plan.clusters.length === 0) logger.info('clusters/: no Flux bootstrap made by eleventh; nothing to migrate.');
  for (const c of plan.clusters) logger.info(clusterSteps(c));
  for (const left of secondOwnersIn(clusterYamlFiles(tree))) logger.warn(`${formatSecondOwner(left)}: not made by eleventh, so left for you to remove`);
}

export default migrateBootstrapGenerator;
