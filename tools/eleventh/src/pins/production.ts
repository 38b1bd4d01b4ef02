/**
 * Which files of a project are production files (Nx's `production` named input in nx.json), and which
 * of those are image inputs (a service's own `deploy.ts` is a manifest input, never an image input).
 */
import { posix } from 'node:path';

const TEST_FILE = /\.(spec|test)\.[cm]?[jt]sx?$/;
const VITEST_CONFIG = /^vitest\.config\.[^/]+$/;

/** `relative` is the path inside the project root (POSIX). */
export function isProductionFile(relative: string): boolean {
  const base = posix.basename(relative);
  if (TEST_FILE.test(base)) return false;
  if (base.startsWith('README') || base.endsWith('.md')) return false;
  if (relative.startsWith('docs/')) return false;
  if (relative.split('/').includes('__tests__')) return false;
  if (VITEST_CONFIG.test(relative)) return false;
  return true;
}

/** The service manifest: a manifest input, not an image input. */
export const DEPLOY_FILE = 'deploy.ts';

/** Is `relative` (inside a project root) an image input of any service that includes this project? */
export function isImageInputFile(relative: string, projectIsService: boolean): boolean {
  if (projectIsService && relative === DEPLOY_FILE) return false;
  return isProductionFile(relative);
}

/** `file` relative to `root` ('.' is the repository root). */
export function relativeTo(root: string, file: string): string {
  return root === '.' || root === '' ? file : file.slice(root.length + 1);
}
