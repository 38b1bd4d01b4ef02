/** The CI pipelines, built as objects and written by the engine's YAML emitter (utils/yaml.ts). */
import type { Tree } from '@nx/devkit';
import { toYaml as emit, writeNewFile } from '../../../utils';
import { githubWorkflow } from './github-workflow';
import { gitlabPipeline } from './gitlab-pipeline';

export const CI_FILES = { github: '.github/workflows/eleventh.yml', gitlab: '.gitlab-ci.yml' } as const;

export function toYaml(value: unknown): string {
  return emit(value);
}

/** `registry`: the environments' registry, whose host the image jobs log in to. */
export function addCi(tree: Tree, o: { readonly registry: string }): void {
  writeNewFile(tree, CI_FILES.github, toYaml(githubWorkflow(o)));
  writeNewFile(tree, CI_FILES.gitlab, toYaml(gitlabPipeline(o)));
}
