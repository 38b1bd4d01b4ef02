/**
 * The profiles registry. Add a profile: write `profiles/<name>.ts` exporting a `Profile`, add it here.
 */
import { KitError, show } from '../errors';
import type { Profile } from './profile';
import { observability } from './observability';
import { paymentsCompliance } from './payments-compliance';

const PROFILES: readonly Profile[] = [observability, paymentsCompliance];

/**
 * Names of every known profile, sorted: the platform's, plus `local` ones (a repository's own
 * `platform/profiles/index.ts` when the kit is the installed package).
 */
export function listProfiles(local: readonly Profile[] = []): string[] {
  return [...PROFILES, ...local].map((p) => p.name).sort();
}

/** The profile called `name` (a local one may not shadow the platform's); throws a KitError listing the known ones. */
export function getProfile(name: string, local: readonly Profile[] = []): Profile {
  const clash = local.find((p) => PROFILES.some((q) => q.name === p.name));
  if (clash) throw new KitError(`local profile ${show(clash.name)} has the name of a platform profile`, 'another name');
  const profile = [...PROFILES, ...local].find((p) => p.name === name);
  if (!profile) {
    throw new KitError(`unknown profile ${show(name)}`, `one of: ${listProfiles(local).join(', ')}`);
  }
  return profile;
}

export type { Profile, ProfileContext, ServiceConfigDefaults } from './profile';
