/**
 * The service templates by class: which service types each can be, and the build and test commands the Nx
 * plugin infers for it (plugin.js tells the class by the marker file the template writes: pom.xml,
 * requirements.lock, go.mod, nginx.conf; none for node). Each class's base image is not here: it is
 * `bases.<class>` in the repository's platform/images.yaml, the one place images are configured.
 */
import type { ServiceType } from '@eleventh/platform';
import { SERVICE_CLASSES } from '../../../plugin/create-nodes';

export const TEMPLATES = ['node', 'java', 'python', 'go', 'web'] as const;
export type TemplateClass = (typeof TEMPLATES)[number];

export interface TemplateClassInfo {
  readonly name: TemplateClass;
  /** The service types the class can be (only node has workers and cron jobs). */
  readonly types: readonly ServiceType[];
  /** The file that tells the plugin the class (none for node). */
  readonly marker?: string;
  /** The inferred `build` and `test` commands (run in the service root); node's are the plugin's own. */
  readonly build?: string;
  readonly test?: string;
}

export function isTemplateClass(value: unknown): value is TemplateClass {
  return typeof value === 'string' && (TEMPLATES as readonly string[]).includes(value);
}

export function templateClass(name: TemplateClass): TemplateClassInfo {
  if (name === 'node') return { name, types: ['http', 'worker', 'cron'] };
  const inferred = SERVICE_CLASSES.find((c) => c.name === name);
  if (!inferred) throw new Error(`plugin.js has no service class '${name}' (keep SERVICE_CLASSES in step with TEMPLATES)`);
  return { name, types: ['http'], marker: inferred.marker, build: inferred.build, test: inferred.test };
}
