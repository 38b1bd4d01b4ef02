/**
 * Inferred targets: every `services/<name>/deploy.ts` makes `services/<name>` an Nx project (a service)
 * with `build`, `test` and `image` targets. Shared libraries are ordinary projects (project.json).
 */
import { dirname, basename } from 'node:path';
import { createNodesFromFiles, type CreateNodes, type CreateNodesResult } from '@nx/devkit';

export interface ElevenPluginOptions {
  /** Registry used by the `image` target's output. @default 'registry.example.com' */
  readonly registry?: string;
}

export const SERVICE_GLOB = 'services/*/deploy.ts';

export function serviceProject(deployFile: string, options?: ElevenPluginOptions): CreateNodesResult {
  const root = dirname(deployFile);
  const name = basename(root);
  const registry = options?.registry ?? 'registry.example.com';
  return {
    projects: {
      [root]: {
        name,
        root,
        projectType: 'application',
        sourceRoot: `${root}/src`,
        tags: ['type:service'],
        targets: {
          build: {
            command: 'tsc -p tsconfig.json --noEmit',
            options: { cwd: root },
            inputs: ['production', '^production'],
            cache: true,
          },
          test: {
            command: `vitest run --root ../.. ${root}`,
            options: { cwd: root },
            inputs: ['default', '^production'],
            cache: true,
          },
          image: {
            command: `eleventh pins --service ${name} --image`,
            metadata: { description: `The image reference for ${name}'s pin (${registry}/${name}:<pin>)` },
            cache: false,
          },
        },
      },
    },
  };
}

export const createNodes: CreateNodes<ElevenPluginOptions> = [
  SERVICE_GLOB,
  (files, options, context) =>
    createNodesFromFiles((file, opts) => serviceProject(file, opts), files, options, context),
];
