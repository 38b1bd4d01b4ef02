/**
 * Inferred targets, typed view. The implementation is ../../plugin.js (plain CommonJS so Nx loads it without
 * a TypeScript transpiler); nx.json names it as `@eleventh/nx/plugin`.
 */
import type { CreateNodesResult, CreateNodes } from '@nx/devkit';

export interface ElevenPluginOptions {
  /** Registry used by the `image` target's description. @default 'registry.example.com' */
  readonly registry?: string;
}

/** A service class's build and test commands (run in the service root). */
export interface ServiceClass {
  readonly name: string;
  /** The file in the service root that marks the class (none for node, the default). */
  readonly marker?: string;
  readonly build: string;
  readonly test: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require('../../plugin.js') as {
  createNodes: CreateNodes<ElevenPluginOptions>;
  serviceProject: (deployFile: string, options?: ElevenPluginOptions, workspaceRoot?: string) => CreateNodesResult;
  serviceClass: (root: string, workspaceRoot: string) => ServiceClass;
  SERVICE_CLASSES: readonly ServiceClass[];
  SERVICE_GLOB: string;
  IMAGE_INPUTS: readonly string[];
};

export const createNodes = plugin.createNodes;
export const serviceProject = plugin.serviceProject;
export const serviceClass = plugin.serviceClass;
export const SERVICE_CLASSES = plugin.SERVICE_CLASSES;
export const SERVICE_GLOB = plugin.SERVICE_GLOB;
export const IMAGE_INPUTS = plugin.IMAGE_INPUTS;
