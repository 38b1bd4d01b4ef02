/**
 * The npm packages a bundle read must be installed at exactly the versions the pin's package-lock.json
 * locks: an image is a function of its pin, so a stale or hand-edited node_modules is refused with what
 * to run, never bundled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImageBuildError } from './errors';

export interface LockedCheck {
  readonly service: string;
  readonly pin: string;
  /** The workspace's node_modules (real path). */
  readonly nodeModules: string;
  /** Files the bundle read, relative to nodeModules (`zod/lib/index.js`, `a/node_modules/b/x.js`). */
  readonly files: readonly string[];
  /** package-lock.json at the pin. */
  readonly lock: string | undefined;
}

/** `zod/lib/index.js` → `zod`; `@scope/a/x.js` → `@scope/a`; `a/node_modules/b/x.js` → `a/node_modules/b`. */
export function packageDirOf(file: string): string {
  const parts = file.split('/');
  let end = 0;
  for (let i = 0; i < parts.length; ) {
    const width = parts[i]!.startsWith('@') ? 2 : 1;
    end = i + width;
    if (parts[end] !== 'node_modules') break;
    i = end + 1;
  }
  return parts.slice(0, end).join('/');
}

export function checkLockedPackages(c: LockedCheck): void {
  const dirs = [...new Set(c.files.map(packageDirOf))].sort();
  if (dirs.length === 0) return;
  const where = `package-lock.json at ${c.pin.slice(0, 12)}`;
  if (c.lock === undefined) throw new ImageBuildError(c.service, `its bundle uses npm packages (${dirs.join(', ')}) but there is no ${where}`, 'a committed package-lock.json');
  const locked = (JSON.parse(c.lock) as { packages?: Record<string, { version?: string }> }).packages ?? {};
  for (const dir of dirs) {
    const want = locked[`node_modules/${dir}`]?.version;
    let have: string | undefined;
    try {
      have = (JSON.parse(readFileSync(join(c.nodeModules, dir, 'package.json'), 'utf8')) as { version?: string }).version;
    } catch {
      have = undefined;
    }
    if (want === undefined) throw new ImageBuildError(c.service, `its bundle uses node_modules/${dir}, which ${where} does not lock`, 'every package it imports in package-lock.json (npm install)');
    if (have !== want) throw new ImageBuildError(c.service, `node_modules/${dir} is ${have ?? 'unreadable'} but ${where} locks ${want}`, 'the locked versions installed: npm ci');
  }
}
