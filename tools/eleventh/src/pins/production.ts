/**
 * Which files of a project are production files (Nx's `production` named input in nx.json, plus the test
 * conventions of the non-Node service templates), and which of those are image inputs (a service's own
 * `deploy.ts` is a manifest input, never an image input).
 */
import { posix } from 'node:path';

/** JS/TS specs; Go's `*_test.go` (never compiled into a binary); Python's `test_*.py` and `*_test.py`. */
const TEST_FILE = /\.(spec|test)\.[cm]?[jt]sx?$|_test\.go$|^test_[^/]*\.py$|_test\.py$/;
/** Maven's test sources and test resources (never packaged into the jar). */
const MAVEN_TEST_DIRS = ['src/test/java/', 'src/test/resources/'];
const VITEST_CONFIG = /^vitest\.config\.[^/]+$/;

/** `relative` is the path inside the project root (POSIX). */
export function isProductionFile(relative: string): boolean {
  const base = posix.basename(relative);
  if (TEST_FILE.test(base)) return false;
  if (base.startsWith('README') || base.endsWith('.md')) return false;
  if (relative.startsWith('docs/')) return false;
  if (relative.split('/').includes('__tests__')) return false;
  if (MAVEN_TEST_DIRS.some((dir) => relative.startsWith(dir))) return false;
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
