/** Every path under `dir` (folders end with `/`), sorted: what a spec compares to see that nothing else moved. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function pathList(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(`${rel}/`, ...pathList(join(dir, e.name), rel));
    else out.push(rel);
  }
  return out.sort();
}
