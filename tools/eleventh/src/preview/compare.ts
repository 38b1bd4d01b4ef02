/**
 * One environment's rendered files before and after, grouped into units — a service's folder, a
 * namespace's base files, a generated layer (`_platform`, `_flux`, …), the environment's own root files —
 * each with its files' unified diffs and +/- counts. recipe.yaml is left to the pins section.
 */
import { recipePath } from '../recipe/recipe';
import type { FileChange, UnitChange, UnitKind } from './model';
import { unifiedDiff } from './unified';

interface UnitKey {
  readonly kind: UnitKind;
  readonly name: string;
  readonly namespace?: string;
}

function unitOf(env: string, path: string): UnitKey {
  const rest = path.slice(`environments/${env}/`.length).split('/');
  if (rest.length === 1) return { kind: 'environment', name: env };
  if (rest[0].startsWith('_')) return { kind: 'layer', name: rest[0] };
  if (rest.length === 2) return { kind: 'namespace', name: rest[0] };
  return { kind: 'service', name: rest[1], namespace: rest[0] };
}

const KIND_ORDER: readonly UnitKind[] = ['service', 'namespace', 'layer', 'environment'];

function byUnit(a: UnitChange, b: UnitChange): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name) || (a.namespace ?? '').localeCompare(b.namespace ?? '');
}

/** Files of `files` inside environments/<env>/, recipe excluded. */
export function envFiles(files: ReadonlyMap<string, string>, env: string): Map<string, string> {
  const prefix = `environments/${env}/`;
  const recipe = recipePath(env);
  return new Map([...files].filter(([p]) => p.startsWith(prefix) && p !== recipe));
}

/** Every unit whose files differ between `before` and `after` (both already limited to `env`), in a stable order. */
export function compareEnvironment(env: string, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): UnitChange[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const units = new Map<string, { key: UnitKey; files: FileChange[]; diff: string[] }>();
  for (const path of paths) {
    const a = before.get(path);
    const b = after.get(path);
    if (a === b) continue;
    const d = unifiedDiff(a ?? '', b ?? '');
    const status = a === undefined ? 'added' : b === undefined ? 'removed' : 'modified';
    const key = unitOf(env, path);
    const id = `${key.kind}\0${key.namespace ?? ''}\0${key.name}`;
    const unit = units.get(id) ?? { key, files: [], diff: [] };
    unit.files.push({ path, status, added: d.added, removed: d.removed });
    unit.diff.push(`--- ${a === undefined ? '/dev/null' : `a/${path}`}`, `+++ ${b === undefined ? '/dev/null' : `b/${path}`}`, ...d.lines);
    units.set(id, unit);
  }
  return [...units.values()]
    .map(({ key, files, diff }) => ({
      kind: key.kind,
      name: key.name,
      ...(key.namespace ? { namespace: key.namespace } : {}),
      files,
      added: files.reduce((n, f) => n + f.added, 0),
      removed: files.reduce((n, f) => n + f.removed, 0),
      diff,
      trimmed: 0,
    }))
    .sort(byUnit);
}
