/**
 * The template class of a service (the service template it was made from), told by the marker file in its
 * root exactly as the Nx plugin tells it (generators/plugin.js `SERVICE_CLASSES`, first match wins; none:
 * node). The class chooses the base image (`platform/images.yaml` `bases.<class>`) and how the image's
 * build context is assembled. A spec in generators keeps the two tables equal.
 */
export const TEMPLATE_CLASSES = ['node', 'java', 'python', 'go', 'web'] as const;
export type TemplateClass = (typeof TEMPLATE_CLASSES)[number];

/** Marker file (in the service root) → class, in the plugin's order; a service with none is node. */
export const CLASS_MARKERS: ReadonlyArray<readonly [marker: string, cls: Exclude<TemplateClass, 'node'>]> = [
  ['pom.xml', 'java'],
  ['requirements.lock', 'python'],
  ['go.mod', 'go'],
  ['nginx.conf', 'web'],
];

export function isTemplateClass(value: unknown): value is TemplateClass {
  return typeof value === 'string' && (TEMPLATE_CLASSES as readonly string[]).includes(value);
}

/** The class of the service at `root` whose files (repository-relative) are `files`. */
export function templateClassOf(root: string, files: Iterable<string>): TemplateClass {
  const own = new Set<string>();
  for (const f of files) if (f.startsWith(`${root}/`)) own.add(f.slice(root.length + 1));
  return CLASS_MARKERS.find(([marker]) => own.has(marker))?.[1] ?? 'node';
}
