/** `npm run docs:cli [-- --check]`: regenerate the READMEs' command tables (see docs.ts). */
import { resolve } from 'node:path';
import { commands } from './commands';
import { updateReadmes } from './docs';

export function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const root = resolve(__dirname, '..', '..', '..', '..');
  const stale = updateReadmes(root, commands, check);
  for (const file of stale) process.stderr.write(check ? `${file}: differs from the command declarations (expected \`npm run docs:cli\` output)\n` : `docs:cli: wrote ${file}\n`);
  return check && stale.length > 0 ? 1 : 0;
}
