/**
 * Where in the kit's source a bad value was written: a chart version range in an add-on definition is the
 * kit's input, so it is reported at its own `path:line` (e.g. `platform/src/addons/cert-manager.ts:21`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Origin } from '../model';

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) tsFiles(abs, out);
    else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) out.push(abs);
  }
  return out;
}

/** The first line under `dir` holding `literal` as a quoted string, as a path relative to `root`. */
export function locateLiteral(root: string, dir: string, literal: string): Origin | undefined {
  const quoted = [`'${literal}'`, `"${literal}"`];
  for (const file of tsFiles(dir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((line) => quoted.some((q) => line.includes(q)));
    if (i >= 0) return { file: relative(root, file).split(sep).join('/'), line: i + 1 };
  }
  return undefined;
}
