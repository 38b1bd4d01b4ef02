/**
 * What a new repository installs: the same exact devDependency pins as the Eleventh repository itself
 * (a spec keeps the two equal; only the repository's boundary lint, dependency-cruiser, is its own), and
 * the three Eleventh packages at this package's version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Exact pins, identical to the Eleventh repository's root package.json devDependencies (but dependency-cruiser). */
export const DEV_DEPENDENCIES: Readonly<Record<string, string>> = {
  '@cdktf/hcl2json': '0.21.0',
  '@kubernetes-models/argo-cd': '2.7.2',
  '@kubernetes-models/base': '5.0.1',
  '@kubernetes-models/external-secrets': '0.5.2',
  '@kubernetes-models/flux-cd': '2.3.4',
  '@nx/devkit': '24.0.0',
  '@swc-node/register': '1.11.1',
  '@swc/core': '1.15.8',
  '@types/node': '20.19.25',
  ajv: '8.20.0',
  'es-module-lexer': '2.3.2',
  esbuild: '0.28.2',
  handlebars: '4.7.8',
  'kubernetes-models': '4.5.1',
  'node-plop': '0.32.3',
  nx: '24.0.0',
  'playwright-core': '1.65.1',
  plop: '4.0.5',
  typescript: '5.9.3',
  vitest: '4.1.12',
  yaml: '2.9.1',
};

/** The Eleventh packages a new repository depends on (npm name → folder in this repository). */
export const ELEVENTH_PACKAGES = ['@eleventh/cli', '@eleventh/platform', '@eleventh/nx'] as const;
export type EleventhPackage = (typeof ELEVENTH_PACKAGES)[number];

/** The version of this package (@eleventh/nx); the three packages are released together. */
export function eleventhVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'));
  return String(pkg.version);
}

/** The file `npm pack` writes for a package: `@eleventh/cli` 0.1.0 → `eleventh-cli-0.1.0.tgz`. */
export function tarballName(pkg: string, version: string): string {
  return `${pkg.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/** The dependency spec: `file:vendor/<tarball>` when vendored, else the exact version. */
export function eleventhDependencies(version: string, vendor: boolean): Record<string, string> {
  const deps: Record<string, string> = {};
  for (const pkg of ELEVENTH_PACKAGES) deps[pkg] = vendor ? `file:vendor/${tarballName(pkg, version)}` : version;
  return deps;
}
