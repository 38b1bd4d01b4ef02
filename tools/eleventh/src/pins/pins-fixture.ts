/** The workspace shape the pins specs share, and small helpers over PinResult. */
import { createFixtureRepo, type FixtureOptions, type FixtureRepo } from '../testing/fixture';
import type { Pin } from '../model';
import type { PinResult } from './compute';

/**
 * api → runtime → logging (lib → lib), zod; billing → logging; worker → ms; cron → nothing.
 */
export const PINS_WORKSPACE: FixtureOptions = {
  libs: [
    { name: 'runtime', imports: ['@acme/logging'] },
    { name: 'logging', imports: [] },
  ],
  services: [
    { name: 'api', imports: ['@acme/runtime', 'zod'] },
    { name: 'billing', namespace: 'team-b', imports: ['@acme/logging'] },
    { name: 'worker', type: 'worker', imports: ['ms'] },
    { name: 'cron', type: 'cron', imports: [] },
  ],
};

export function pinsRepo(extra: Partial<FixtureOptions> = {}): FixtureRepo {
  return createFixtureRepo({ ...PINS_WORKSPACE, ...extra, prefix: 'eleventh-pins-' });
}

/** service → pinned commit. */
export function commits(result: PinResult): Record<string, string> {
  return Object.fromEntries([...result.pins].map(([name, pin]) => [name, pin.commit]));
}

/** A previous run's pins whose commits are all replaced by `fake` (inputs kept): what survives was not walked. */
export function withFakeCommits(pins: ReadonlyMap<string, Pin>, fake: string): Map<string, Pin> {
  return new Map([...pins].map(([name, pin]) => [name, { commit: fake, inputs: pin.inputs }]));
}
