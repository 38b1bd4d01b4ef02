import { getProjects, type Tree } from '@nx/devkit';
import { checkCronSchedule } from '@eleventh/platform';
import type { ServiceType } from '@eleventh/platform';
import { GeneratorError } from '../../../utils/errors';
import { assertName } from '../../../utils/names';
import { codeownersPath, findCodeOwner } from '../../../utils/codeowners';
import { namespaceTeam } from '../../../utils/environments';
import type { ServiceGeneratorSchema } from '../schema';
import { isTemplateClass, templateClass, TEMPLATES, type TemplateClassInfo } from './classes';

export { TEMPLATES } from './classes';
export const SERVICE_TYPES: readonly ServiceType[] = ['http', 'worker', 'cron'];
export const DEFAULT_PORT = 8080;
export const DEFAULT_SCHEDULE = '0 * * * *';

export interface NormalizedServiceOptions {
  readonly name: string;
  readonly namespace: string;
  /** The namespace's team (from the root environment's tenant.yaml). */
  readonly team: string;
  readonly type: ServiceType;
  /** http only. */
  readonly port: number | null;
  /** cron only. */
  readonly schedule: string | null;
  readonly template: TemplateClassInfo['name'];
  /** The template class: its types and inferred commands. */
  readonly templateClass: TemplateClassInfo;
  /** services/<name> */
  readonly root: string;
  readonly codeowners: string;
  readonly skipFormat: boolean;
}

function checkTemplate(o: ServiceGeneratorSchema): TemplateClassInfo {
  const template: unknown = o.template ?? 'node';
  if (!isTemplateClass(template)) {
    throw new GeneratorError('--template', `unknown template class '${String(template)}'`, `one of: ${TEMPLATES.join(', ')}`);
  }
  return templateClass(template);
}

function checkType(o: ServiceGeneratorSchema, cls: TemplateClassInfo): ServiceType {
  const type = o.type ?? 'http';
  if (!SERVICE_TYPES.includes(type)) {
    throw new GeneratorError('--type', `'${type}' is not a service type`, SERVICE_TYPES.join(', '));
  }
  if (!cls.types.includes(type)) {
    throw new GeneratorError('--type', `a ${cls.name} service is ${cls.types.join(', ')} only, not ${type}`, `--type ${cls.types[0]}, or --template node`);
  }
  if (o.port !== undefined && type !== 'http') throw new GeneratorError('--port', `a ${type} service has no port`, 'no --port');
  if (o.schedule !== undefined && type !== 'cron') {
    throw new GeneratorError('--schedule', `a ${type} service has no schedule`, 'no --schedule, or --type cron');
  }
  return type;
}

function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new GeneratorError('--port', `'${port}' is not a port`, 'an integer from 1 to 65535');
  }
  return port;
}

function checkSchedule(schedule: string): string {
  try {
    checkCronSchedule(schedule);
  } catch (err) {
    throw new GeneratorError('--schedule', (err as Error).message);
  }
  return schedule;
}

function checkFree(tree: Tree, name: string, root: string, codeowners: string): void {
  if (tree.exists(root)) throw new GeneratorError(root, 'already exists', 'a new service name');
  if (getProjects(tree).has(name)) {
    throw new GeneratorError(root, `an Nx project called '${name}' already exists (${getProjects(tree).get(name)!.root})`, 'a new service name');
  }
  if (findCodeOwner(tree, codeowners) !== undefined) {
    throw new GeneratorError(codeownersPath(tree), `already has a line for '${codeowners}'`, 'a new service name');
  }
}

/** Check everything the service generator needs before it writes anything. */
export function normalizeOptions(tree: Tree, options: ServiceGeneratorSchema): NormalizedServiceOptions {
  const name = options.name;
  const root = `services/${String(name)}`;
  assertName('service', name, root);
  const cls = checkTemplate(options);
  const type = checkType(options, cls);
  const codeowners = `/${root}/`;
  checkFree(tree, name, root, codeowners);
  assertName('namespace', options.namespace, `environments/*/${String(options.namespace)}`);
  return {
    name,
    namespace: options.namespace,
    team: namespaceTeam(tree, options.namespace),
    type,
    port: type === 'http' ? checkPort(options.port ?? DEFAULT_PORT) : null,
    schedule: type === 'cron' ? checkSchedule(options.schedule ?? DEFAULT_SCHEDULE) : null,
    template: cls.name,
    templateClass: cls,
    root,
    codeowners,
    skipFormat: options.skipFormat ?? false,
  };
}
