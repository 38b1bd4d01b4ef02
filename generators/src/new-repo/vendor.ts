/**
 * Without a public registry release, a new repository installs the Eleventh packages from tarballs:
 * `npm pack` of each package (as installed next to this one) into DIR/vendor/. Tarballs, not `file:`
 * folder links, so npm installs one copy of nx and the packages' own peers resolve from DIR.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ELEVENTH_PACKAGES, tarballName } from '../generators/workspace/lib/versions';
import { run } from './commands';
import { CommandError } from './errors';
import { stagePackage } from './stage';

export const VENDOR_DIR = 'vendor';

/** The folder of an installed Eleventh package (in this repository: its workspace folder). */
export function packageDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** Pack the three packages into `<dir>/vendor`; returns the tarball paths relative to `dir`. */
export function packVendorTarballs(dir: string, version: string): string[] {
  const dest = join(dir, VENDOR_DIR);
  mkdirSync(dest, { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'eleventh-pack-'));
  try {
    return ELEVENTH_PACKAGES.map((pkg) => packOne(pkg, stagePackage(packageDir(pkg), stage), dir, dest, version));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function packOne(pkg: string, staged: string, dir: string, dest: string, version: string): string {
  const args = ['pack', staged, '--pack-destination', dest, '--json', '--ignore-scripts'];
  const out = JSON.parse(run('npm', args, { cwd: dir })) as Array<{ filename: string }>;
  const expected = tarballName(pkg, version);
  const got = out[0]?.filename.replace(/^@/, '').replace('/', '-');
  if (got !== expected) {
    throw new CommandError(['npm', ...args], 0, `packed ${got ?? 'nothing'} (expected ${expected}: are the packages' versions equal?)`);
  }
  return `${VENDOR_DIR}/${expected}`;
}
