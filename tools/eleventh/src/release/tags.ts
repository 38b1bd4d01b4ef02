/** Promotion tag patterns (`promotion.tags`): a glob such as `preprod-v*`, or `/regex/`. */
import { UsageError } from '../errors';

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (const ch of glob) {
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The pattern as a RegExp: `/…/` is a regular expression (anchored as written), anything else a glob. */
export function tagPattern(pattern: string): RegExp {
  const m = /^\/(.*)\/$/.exec(pattern);
  if (!m) return globToRegExp(pattern);
  try {
    return new RegExp(m[1]);
  } catch (err) {
    throw new UsageError(`promotion.tags '${pattern}' is not a valid regular expression: ${(err as Error).message}`);
  }
}

export function matchesTag(pattern: string, tag: string): boolean {
  return tagPattern(pattern).test(tag);
}
