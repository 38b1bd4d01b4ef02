/**
 * Inferred targets, typed view. The implementation is ../../plugin.js (plain CommonJS so Nx loads it without
 * a TypeScript transpiler); nx.json names it as `@eleventh/nx/plugin`.
 */
import type { CreateNodes, CreateNodesResult } from '@nx/devkit';

export interface ElevenPluginOptions {
  /** Registry used by the `image` target's description. @default 'registry.example.com' */
  readonly registry?: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require('../../plugin.js') as {
  createNodes: CreateNodes<ElevenPluginOptions>;
  serviceProject: (deployFile: string, options?: ElevenPluginOptions) => CreateNodesResult;
  SERVICE_GLOB: string;
};

export const createNodes = plugin.createNodes;
export const serviceProject = plugin.serviceProject;
export const SERVICE_GLOB = plugin.SERVICE_GLOB;
