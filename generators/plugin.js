'use strict';
/**
 * The Nx plugin entry (`"plugins": ["@eleventh/nx/plugin"]` in nx.json): plain CommonJS with no imports, so
 * Nx loads it without registering a TypeScript transpiler — that alone cost ~2 s on every graph build.
 * Every `services/<name>/deploy.ts` makes `services/<name>` a service project with build/test/image targets.
 * Keep in step with src/plugin/create-nodes.ts (the typed twin the generators and tests import).
 */
const path = require('node:path');

const SERVICE_GLOB = 'services/*/deploy.ts';

function serviceProject(deployFile, options) {
  const root = path.posix.dirname(deployFile);
  const name = path.posix.basename(root);
  const registry = (options && options.registry) || 'registry.example.com';
  return {
    projects: {
      [root]: {
        name,
        root,
        projectType: 'application',
        sourceRoot: `${root}/src`,
        tags: ['type:service'],
        targets: {
          build: { command: 'tsc -p tsconfig.json --noEmit', options: { cwd: root }, inputs: ['production', '^production'], cache: true },
          test: { command: `vitest run --root ../.. ${root}`, options: { cwd: root }, inputs: ['default', '^production'], cache: true },
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

const createNodes = [
  SERVICE_GLOB,
  (files, options) => files.map((file) => [file, serviceProject(file, options)]),
];

module.exports = { createNodes, serviceProject, SERVICE_GLOB };
