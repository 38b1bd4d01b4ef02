/** The Handlebars templates under files/: READMEs and the example service. */
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { renderFiles } from '../../../utils';
import type { NormalizedWorkspaceOptions } from './normalize-options';

export const TEMPLATE_DIR = join(__dirname, '..', 'files');

export function addTemplates(tree: Tree, o: NormalizedWorkspaceOptions): string[] {
  return renderFiles(tree, TEMPLATE_DIR, '.', { ...o });
}
