/**
 * `npm run pack:packages -- DIR` (in this repository): the three packages packed into DIR by the one
 * packing path (vendor.ts `packPackages`), e.g. a vendored repository's vendor/ when it upgrades.
 * Prints each tarball's path; bad usage or a failed `npm pack` exits 2 with one line.
 */
import { resolve } from 'node:path';
import { eleventhVersion } from '../generators/workspace/lib/versions';
import { CommandError } from './errors';
import { packPackages } from './vendor';

function main(argv: readonly string[]): number {
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    process.stderr.write('pack:packages: expected one directory to pack into (npm run pack:packages -- ../acme-platform/vendor)\n');
    return 2;
  }
  try {
    for (const tgz of packPackages(resolve(argv[0]), eleventhVersion())) process.stdout.write(`${tgz}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    process.stderr.write(`pack:packages: ${err.report()}\n`);
    return err.exitCode;
  }
}

process.exitCode = main(process.argv.slice(2));
