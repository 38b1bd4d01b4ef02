/** The repository's root configuration: package.json, nx.json, TypeScript, vitest, ignore files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJson, type Tree } from '@nx/devkit';
import { writeNewFile } from '../../../utils';
import type { NormalizedWorkspaceOptions } from './normalize-options';
import { DEV_DEPENDENCIES, eleventhDependencies } from './versions';

export function packageJson(o: NormalizedWorkspaceOptions): Record<string, unknown> {
  return {
    name: o.name,
    version: '0.0.0',
    private: true,
    description: `${o.name}: services, platform and environments in one GitOps monorepo (Eleventh)`,
    scripts: { test: 'vitest run', recipe: 'eleventh recipe', verify: 'eleventh verify' },
    dependencies: eleventhDependencies(o.eleventhVersion, o.vendor),
    devDependencies: { ...DEV_DEPENDENCIES },
  };
}

export function nxJson(): Record<string, unknown> {
  return {
    $schema: './node_modules/nx/schemas/nx-schema.json',
    analytics: false,
    defaultBase: 'main',
    namedInputs: {
      default: ['{projectRoot}/**/*', 'sharedGlobals'],
      sharedGlobals: ['{workspaceRoot}/tsconfig.base.json'],
      production: [
        'default',
        '!{projectRoot}/**/*.spec.ts',
        '!{projectRoot}/**/*.test.ts',
        '!{projectRoot}/**/*.md',
        '!{projectRoot}/vitest.config.*',
      ],
    },
    // Nx 24 reads source imports only with @nx/js or this flag: without it the graph misses every import.
    pluginsConfig: { '@nx/js': { analyzeSourceFiles: true } },
    plugins: ['@eleventh/nx/plugin'],
    targetDefaults: {
      test: { inputs: ['default', '^production'], cache: true },
      build: { inputs: ['production', '^production'], cache: true },
    },
  };
}

export function tsconfigBase(): Record<string, unknown> {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      moduleResolution: 'node',
      lib: ['ES2022'],
      types: ['node'],
      strict: true,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      forceConsistentCasingInFileNames: true,
      baseUrl: '.',
      paths: {},
    },
    exclude: ['node_modules', 'tmp', 'dist'],
  };
}

/** Same rule as the Eleventh repository: generated environment files never make anything affected. */
export const NXIGNORE = [
  '# Generated files under environments/ never make anything affected: only the hand-written',
  '# environment.yaml, tenant.yaml and overrides.yaml (and the project.json) belong to the graph.',
  'environments/**/*.yaml',
  '!environments/**/environment.yaml',
  '!environments/**/tenant.yaml',
  '!environments/**/overrides.yaml',
  '',
].join('\n');

/** `node_modules` without a slash: it also ignores a linked node_modules (to git a symlink is not a folder). */
export const GITIGNORE = ['node_modules', 'dist/', 'tmp/', '.nx/', 'coverage/', '*.log', ''].join('\n');

export const VITEST_CONFIG = [
  "import { defineConfig } from 'vitest/config';",
  '',
  'export default defineConfig({',
  '  test: {',
  "    include: ['{services,platform}/**/*.spec.ts'],",
  "    exclude: ['**/node_modules/**'],",
  '  },',
  '});',
  '',
].join('\n');

/**
 * `npx plop <generator>`: the same plopfile as the Eleventh repository's (a spec keeps the two equal); it
 * loads the prompts from the installed @eleventh/nx (src/plop/), whose plop and node-plop pins are in
 * DEV_DEPENDENCIES.
 */
export const PLOPFILE = readFileSync(join(__dirname, '..', '..', '..', 'plop', 'plopfile.mjs'), 'utf8');

function writeNewJson(tree: Tree, path: string, value: object): void {
  writeNewFile(tree, path, '');
  writeJson(tree, path, value);
}

export function addRootFiles(tree: Tree, o: NormalizedWorkspaceOptions): void {
  writeNewJson(tree, 'package.json', packageJson(o));
  writeNewJson(tree, 'nx.json', nxJson());
  writeNewJson(tree, 'tsconfig.base.json', tsconfigBase());
  writeNewJson(tree, 'tsconfig.json', {
    extends: './tsconfig.base.json',
    compilerOptions: { noEmit: true },
    include: ['services/**/*.ts'],
  });
  writeNewFile(tree, 'vitest.config.mts', VITEST_CONFIG);
  writeNewFile(tree, '.nxignore', NXIGNORE);
  writeNewFile(tree, '.gitignore', GITIGNORE);
  writeNewFile(tree, 'plopfile.mjs', PLOPFILE);
}
