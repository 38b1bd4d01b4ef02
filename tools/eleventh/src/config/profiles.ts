/**
 * Profiles' service config defaults (a profile's `defaults`, typed in the kit) as config layers: read from
 * the kit of the same source root as the rest of the configuration, each attributed to the profile's own
 * source file and, where the key can be found in it, its line. Resolved after platform/defaults.yaml and
 * before the environment chain, in `profiles:` order.
 */
import { readFileSync } from 'node:fs';
import { readHandWrittenIfPresent } from '../hand-written/read';
import { isAbsolute, relative, sep } from 'node:path';
import { loadKit, loadLocalProfiles, type Kit } from '../load/kit';
import type { YamlDoc } from '../yaml/read';

/** Profile name → its defaults as a document (undefined: unknown profile, or one without defaults). */
export type ProfileDefaults = (profile: string) => YamlDoc | undefined;

type Profile = ReturnType<Kit['getProfile']>;

/** The loaded module that exports `profile`, else the conventional path of a kit profile. */
function sourceFileOf(root: string, profile: Profile): string {
  const entry = Object.values(require.cache).find((m) => m && !/[\\/]index\.[cm]?[jt]s$/.test(m.filename) && typeof m.exports === 'object' && m.exports !== null && Object.values(m.exports as object).includes(profile));
  if (!entry) return `platform/src/profiles/${profile.name}.ts`;
  const rel = relative(root, entry.filename);
  return (rel.startsWith('..') || isAbsolute(rel) ? entry.filename : rel).split(sep).join('/');
}

/**
 * The line of `defaults` then each key of `path` in turn, in TypeScript (or JavaScript) source: the first
 * `key:` after the previous one. Undefined when a key cannot be found (the file alone is then named).
 */
export function lineInSource(text: string, path: readonly (string | number)[]): number | undefined {
  let offset = 0;
  for (const segment of ['defaults', ...path.map(String)]) {
    const escaped = segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(^|[\\s{,])(['"\`]?)${escaped}\\2\\s*:`, 'mg');
    re.lastIndex = offset;
    const m = re.exec(text);
    if (!m) return undefined;
    offset = m.index + m[0].length;
  }
  return text.slice(0, offset).split('\n').length;
}

function documentOf(root: string, profile: Profile): YamlDoc | undefined {
  if (profile.defaults === undefined) return undefined;
  const file = sourceFileOf(root, profile);
  let text = '';
  try {
    // A kit profile inside the repository is read as a hand-written file (regular, inside, ≤ 1 MiB).
    text = (isAbsolute(file) ? readFileSync(file, 'utf8') : readHandWrittenIfPresent(root, file)) ?? '';
  } catch {
    // no source to point into: the file alone is named
  }
  return { file, value: profile.defaults, lineOf: (path) => (text ? lineInSource(text, path) : undefined) };
}

/** The defaults of the profiles known to the kit at `root` (loaded on first use). */
export function kitProfileDefaults(root: string): ProfileDefaults {
  const docs = new Map<string, YamlDoc | undefined>();
  return (name) => {
    if (!docs.has(name)) {
      const kit = loadKit(root);
      const local = loadLocalProfiles(root) as Parameters<Kit['getProfile']>[1];
      let profile: Profile | undefined;
      try {
        profile = typeof kit.getProfile === 'function' ? kit.getProfile(name, local) : undefined;
      } catch {
        profile = undefined; // an unknown profile is reported by the platform render, at its line in profiles:
      }
      docs.set(name, profile ? documentOf(root, profile) : undefined);
    }
    return docs.get(name);
  };
}
