/**
 * Without a public registry release, a new repository installs the Eleventh packages from tarballs:
 * `npm pack` of each package (as installed next to this one) into DIR/vendor/. Tarballs, not `file:`
 * folder links, so npm installs one copy of nx and the packages' own peers resolve from DIR.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ELEVENTH_PACKAGES, tarballName } from '../generators/workspace/lib/versions';
import { run } from './commands';
import { CommandError } from './errors';
import { stagePackage } from './stage';

export const VENDOR_DIR = 'vendor';

/** The folder of an installed Eleventh package (in this repository: its workspace folder). */
export function packageDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/**
 * The one packing path: each Eleventh package staged (stage.ts) and `npm pack`ed into `dest`, as installed
 * next to this one. Returns the tarballs' absolute paths, in ELEVENTH_PACKAGES order. `eleventh new` packs
 * into DIR/vendor/ through it; the packaging spec installs what it packs into an empty directory.
 * `relabel` packs them as `version` whatever their own (the upgrade spec's "earlier release").
 */
export function packPackages(dest: string, version: string, options: { relabel?: boolean } = {}): string[] {
  mkdirSync(dest, { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'eleventh-pack-'));
  try {
    return ELEVENTH_PACKAGES.map((pkg) => {
      const staged = stagePackage(packageDir(pkg), stage, options.relabel ? version : undefined);
      return join(dest, packOne(pkg, staged, dest, version));
    });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Pack the three packages into `<dir>/vendor`; returns the tarball paths relative to `dir`. */
export function packVendorTarballs(dir: string, version: string): string[] {
  return packPackages(join(dir, VENDOR_DIR), version).map((tgz) => `${VENDOR_DIR}/${basename(tgz)}`);
}

function packOne(pkg: string, staged: string, dest: string, version: string): string {
  const args = ['pack', staged, '--pack-destination', dest, '--json', '--ignore-scripts'];
  const out = JSON.parse(run('npm', args, { cwd: dest })) as Array<{ filename: string }>;
  const expected = tarballName(pkg, version);
  const got = out[0]?.filename.replace(/^@/, '').replace('/', '-');
  if (got !== expected) {
    throw new CommandError(['npm', ...args], 0, `packed ${got ?? 'nothing'} (expected ${expected}: are the packages' versions equal?)`);
  }
  return expected;
}
