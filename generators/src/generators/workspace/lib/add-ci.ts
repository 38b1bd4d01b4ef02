/** The CI pipelines, built as objects and written with the `yaml` package. */
import type { Tree } from '@nx/devkit';
import { stringify } from 'yaml';
import { writeNewFile } from '../../../utils';
import { githubWorkflow } from './github-workflow';
import { gitlabPipeline } from './gitlab-pipeline';

export const CI_FILES = { github: '.github/workflows/eleventh.yml', gitlab: '.gitlab-ci.yml' } as const;

export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function addCi(tree: Tree): void {
  writeNewFile(tree, CI_FILES.github, toYaml(githubWorkflow()));
  writeNewFile(tree, CI_FILES.gitlab, toYaml(gitlabPipeline()));
}
