/**
 * `resources-required`: every container states CPU and memory requests and limits.
 */
import type { PolicyRule } from '../types';
import { containersOf, type ContainerJson } from '../containers';

const REQUIRED = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'] as const;

function missing(container: ContainerJson): string[] {
  return REQUIRED.filter((key) => {
    const [group, name] = key.split('.') as ['requests' | 'limits', string];
    const value = container.resources?.[group]?.[name];
    return value === undefined || value === null || value === '';
  });
}

function check(object: Readonly<Record<string, unknown>>): string[] {
  return containersOf(object).flatMap(({ label, container }) => {
    const absent = missing(container);
    return absent.length ? [`${label} has no resources.${absent.join(', resources.')}`] : [];
  });
}

export const resourcesRequired: PolicyRule = {
  name: 'resources-required',
  description: 'containers set requests and limits for cpu and memory',
  check,
};
