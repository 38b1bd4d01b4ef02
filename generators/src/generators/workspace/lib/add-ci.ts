/** The CI pipelines, built as objects and written by the engine's YAML emitter (utils/yaml.ts). */
import type { Tree } from '@nx/devkit';
import { toYaml as emit, writeNewFile } from '../../../utils';
import { githubWorkflow } from './github-workflow';
import { gitlabPipeline } from './gitlab-pipeline';

export const CI_FILES = { github: '.github/workflows/eleventh.yml', gitlab: '.gitlab-ci.yml' } as const;

export function toYaml(value: unknown): string {
  return emit(value);
}

export function addCi(tree: Tree): void {
  writeNewFile(tree, CI_FILES.github, toYaml(githubWorkflow()));
  writeNewFile(tree, CI_FILES.gitlab, toYaml(gitlabPipeline()));
}
