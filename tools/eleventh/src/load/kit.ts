/** The platform kit as of a source root: `<root>/platform/src/index.ts`, else the installed package. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as Platform from '@eleventh/platform';
import { requireFromRoot } from './source-root';

export type Kit = typeof Platform;

const kits = new Map<string, Kit>();

export function kitEntry(root: string): string {
  const local = join(root, 'platform', 'src', 'index.ts');
  return existsSync(local) ? local : require.resolve('@eleventh/platform');
}

export function loadKit(root: string): Kit {
  let kit = kits.get(root);
  if (!kit) {
    kit = requireFromRoot<Kit>(root, kitEntry(root));
    kits.set(root, kit);
  }
  return kit;
}

export function forgetKit(root: string): void {
  kits.delete(root);
}
