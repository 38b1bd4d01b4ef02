/**
 * Chart versions are exact. A range (`^1.2`, `~1`, `>=1`, `1.x`, `*`) lets the chart change without a commit,
 * so the recipe would no longer say what runs; every version is one SemVer 2.0 version, `v` prefix allowed
 * (cert-manager publishes `v1.21.1`).
 */
import { KitError, show } from '../../errors';

const EXACT = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

/** What an exact chart version looks like, for `expected` in messages. */
export const EXACT_VERSION_EXPECTED = 'an exact chart version such as 1.21.1 or v1.21.1 (no ranges: ^, ~, >=, x, *)';

/** True for one exact SemVer version. */
export function isExactVersion(value: unknown): value is string {
  return typeof value === 'string' && EXACT.test(value);
}

/** Throw a KitError unless `version` is exact; `what` names the add-on in the message. */
export function assertExactVersion(what: string, version: unknown): asserts version is string {
  if (!isExactVersion(version)) {
    const kind = typeof version === 'string' && /[\^~<>=*|x ]|\.X/.test(version) ? 'a version range' : 'not an exact version';
    throw new KitError(`chart version ${show(version)} of ${what} is ${kind}`, EXACT_VERSION_EXPECTED);
  }
}
