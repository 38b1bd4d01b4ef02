/** Defaults and checks for the infra generator, all before the first write. */
import { posix } from 'node:path';
import type { Tree } from '@nx/devkit';
import { GeneratorError, nameProblem } from '../../../utils';
import type { InfraGeneratorSchema } from '../schema';

export interface NormalizedInfraOptions {
  /** Tree-relative POSIX path of the new repository (may start with `../`). */
  readonly directory: string;
  readonly name: string;
  readonly region: string;
  readonly skipGit: boolean;
}

const REGION = /^[a-z]+(-[a-z0-9]+)+$/;

export function normalizeOptions(tree: Tree, options: InfraGeneratorSchema): NormalizedInfraOptions {
  const raw = typeof options.directory === 'string' ? options.directory.trim() : '';
  if (raw === '') throw new GeneratorError('--directory', 'is missing', 'the new repository\'s directory, e.g. ../acme-infra');
  const directory = posix.normalize(raw.replace(/\\/g, '/')).replace(/\/$/, '');
  if (directory === '.' || (tree.exists(directory) && tree.children(directory).length > 0)) {
    throw new GeneratorError(directory, 'is not empty', 'a new or empty directory for the infrastructure repository');
  }
  const name = options.name ?? posix.basename(directory);
  const problem = nameProblem('service', name);
  if (problem) throw new GeneratorError(`${directory}/config.yaml`, problem.replace(/^service name/, 'infrastructure name'));
  const region = options.region ?? 'europe-west1';
  if (!REGION.test(region)) throw new GeneratorError('--region', `${JSON.stringify(region)} is not a region`, 'e.g. europe-west1');
  return { directory, name, region, skipGit: options.skipGit ?? false };
}
