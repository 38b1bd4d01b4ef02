/**
 * `npx plop <service|namespace|environment|profile|infra|migrate-bootstrap>`: the @eleventh/nx generators
 * behind prompts, or with the answers on the command line (`npx plop service fraud-scorer risk`, or
 * `npx plop service -- --name fraud-scorer --namespace risk --template go`). The prompts and the action live
 * in @eleventh/nx (src/plop/), so plop and `nx g @eleventh/nx:<generator>` write byte-identical files and
 * refuse the same input (generators/README.md, "plop"). plop 4 is ESM-only and @eleventh/nx is CommonJS:
 * installed from its tarball it is JavaScript; as a workspace's own TypeScript source it is loaded through
 * @swc-node/register, as Nx loads it. `eleventh new` writes this same file.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

function loadEleventhPlopfile() {
  // The package's `./plop` export: JavaScript when installed from its tarball, TypeScript in a clone
  // (loaded through @swc-node/register, as Nx loads the generators).
  const entry = require.resolve('@eleventh/nx/plop');
  if (entry.endsWith('.ts')) {
    process.env.SWC_NODE_PROJECT ??= join(dirname(fileURLToPath(import.meta.url)), 'tsconfig.base.json');
    require('@swc-node/register');
  }
  return require(entry);
}

export default function (plop) {
  loadEleventhPlopfile().default(plop);
}
