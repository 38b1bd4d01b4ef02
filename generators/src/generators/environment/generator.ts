/**
 * `nx g @eleventh/nx:environment <name> --extends <env>`: a new stage. How it gets its releases is chosen
 * explicitly (follows main, promoted, or a mirror of a promoted environment); its cluster's Flux bootstrap
 * is rendered by `eleventh render` into environments/<name>/_flux/, so the generator only says how to apply it.
 */
import { formatFiles, logger, type Tree } from '@nx/devkit';
import type { EnvironmentGeneratorSchema } from './schema';
import { normalizeOptions } from './lib/normalize-options';
import { addEnvironmentFile, addTenants } from './lib/add-environment';
import { printBootstrapNote } from './lib/bootstrap-note';

export async function environmentGenerator(tree: Tree, options: EnvironmentGeneratorSchema): Promise<void> {
  const o = normalizeOptions(tree, options);
  if (o.releaseNote) logger.warn(o.releaseNote);
  addEnvironmentFile(tree, o);
  addTenants(tree, o);
  if (!o.skipFormat) await formatFiles(tree);
  printBootstrapNote(o);
}

export default environmentGenerator;
