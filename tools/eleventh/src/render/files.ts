/**
 * Objects → files. The only place that turns objects into YAML: every generated file starts with the fixed
 * header, and every folder gets a kustomization.yaml listing its resources in a stable order.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '@eleventh/platform';
import { emitYaml } from '../yaml/emit';
import { GENERATED_HEADER } from '../model';

export type FileMap = Map<string, string>;

function kebab(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** File names for objects of one folder: `<kind>.yaml`, or `<kind>-<name>.yaml` when a kind repeats. */
export function fileNames(objects: readonly KubeObject[]): string[] {
  const counts = new Map<string, number>();
  for (const o of objects) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  const names = objects.map((o) => (counts.get(o.kind)! > 1 ? `${kebab(o.kind)}-${o.metadata?.name ?? ''}.yaml` : `${kebab(o.kind)}.yaml`));
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new Error(`two objects render to the same file name '${n}'`);
    seen.add(n);
  }
  return names;
}

export function toYaml(value: unknown): string {
  return emitYaml(value, { header: GENERATED_HEADER });
}

export function kustomization(resources: readonly string[]): string {
  return toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] });
}

/**
 * Write `objects` into folder `dir` (repo-relative) plus a kustomization.yaml that lists them and `extra`
 * (sub-folders). Returns the file names written, sorted. `jsons`: the objects as plain JSON, when already made.
 */
export function addFolder(files: FileMap, dir: string, objects: readonly KubeObject[], extra: readonly string[] = [], jsons?: readonly unknown[]): string[] {
  const names = fileNames(objects);
  objects.forEach((o, i) => files.set(`${dir}/${names[i]}`, toYaml(jsons?.[i] ?? o.toJSON())));
  const sorted = [...names].sort();
  files.set(`${dir}/kustomization.yaml`, kustomization([...sorted, ...[...extra].sort()]));
  return sorted;
}

/** `sha256:<hex>` over files in path order, each as "path\0content\0". */
export function digestFiles(files: ReadonlyMap<string, string>, prefix: string): string {
  const paths = [...files.keys()].filter((p) => p.startsWith(prefix)).sort();
  // One update of the joined text: the same bytes as one update per part (each part is whole UTF-16, and the
  // NULs keep neighbours apart), without a call into the hash per part.
  let text = '';
  for (const p of paths) text += `${p}\0${files.get(p)!}\0`;
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
