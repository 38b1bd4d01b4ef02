/** `--insecure-registry H`: registries off loopback spoken to over plain HTTP (recipe --images, verify --images, promote). */
import type { RegistryOptions } from '../../images/registry/client';
import type { OptionSpecs } from '../options';

export const REGISTRY_OPTIONS = {
  'insecure-registry': { type: 'string', multiple: true, value: 'H', description: 'speak plain HTTP to registry host H (host[:port]) although it is not on loopback (repeatable)' },
} as const satisfies OptionSpecs;

export function registryOptions(insecure: readonly string[] | undefined): RegistryOptions {
  return insecure && insecure.length > 0 ? { insecure } : {};
}
