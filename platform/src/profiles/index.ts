/**
 * The profiles registry. Add a profile: write `profiles/<name>.ts` exporting a `Profile`, add it here.
 */
import { KitError, show } from '../errors';
import type { Profile } from './profile';
import { observability } from './observability';
import { paymentsCompliance } from './payments-compliance';

const PROFILES: readonly Profile[] = [observability, paymentsCompliance];

/** Names of every known profile, sorted. */
export function listProfiles(): string[] {
  return PROFILES.map((p) => p.name).sort();
}

/** The profile called `name`; throws a KitError listing the known ones. */
export function getProfile(name: string): Profile {
  const profile = PROFILES.find((p) => p.name === name);
  if (!profile) {
    throw new KitError(`unknown profile ${show(name)}`, `one of: ${listProfiles().join(', ')}`);
  }
  return profile;
}

export type { Profile, ProfileContext } from './profile';
