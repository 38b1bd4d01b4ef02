/** Nx migration `one-cluster-bootstrap` (generators/migrations.json): the migrate-bootstrap generator, run once. */
import type { Tree } from '@nx/devkit';
import { migrateBootstrapGenerator } from './generator';

export default async function oneClusterBootstrap(tree: Tree): Promise<void> {
  await migrateBootstrapGenerator(tree, {});
}
