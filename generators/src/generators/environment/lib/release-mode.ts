/**
 * How a new environment gets its releases: it follows main (`eleventh recipe` on every commit), it is
 * promoted (`promotion.from`, by tag), or it mirrors a promoted environment (`promotion.mirrorOf`: every
 * promotion and rollback of it, in the same commit). Extending a promoted environment never silently makes
 * one that follows main: without --mode the new environment mirrors it, and the generator says so.
 */
import { GeneratorError } from '../../../utils/errors';
import type { EnvironmentFile } from '../../../utils/environments';
import type { EnvironmentGeneratorSchema, ReleaseMode } from '../schema';

export type Release =
  | { readonly mode: 'follows-main' }
  | { readonly mode: 'promoted'; readonly from: string; readonly tags: string }
  | { readonly mode: 'mirror'; readonly of: string };

export interface ResolvedRelease {
  readonly release: Release;
  /** Said in the log when the mode was chosen for the user (extending a promoted environment). */
  readonly note: string | null;
}

export const RELEASE_MODES: readonly ReleaseMode[] = ['follows-main', 'promoted', 'mirror'];

/** What an existing environment.yaml says: its mode, and for a mirror what it mirrors. */
export function releaseOf(env: EnvironmentFile): Release {
  const promotion = env.doc.promotion as { from?: unknown; mirrorOf?: unknown; tags?: unknown } | undefined;
  if (typeof promotion?.mirrorOf === 'string') return { mode: 'mirror', of: promotion.mirrorOf };
  if (typeof promotion?.from === 'string') return { mode: 'promoted', from: promotion.from, tags: String(promotion.tags ?? '') };
  return { mode: 'follows-main' };
}

function find(envs: readonly EnvironmentFile[], flag: string, name: string): EnvironmentFile {
  const env = envs.find((e) => e.name === name);
  if (!env) throw new GeneratorError(flag, `unknown environment '${name}'`, `one of: ${envs.map((e) => e.name).join(', ') || 'none yet'}`);
  return env;
}

const promotedNames = (envs: readonly EnvironmentFile[]): string =>
  envs.filter((e) => releaseOf(e).mode === 'promoted').map((e) => e.name).join(', ') || 'none yet';

/** The mode each flag implies, checked against each other and against --mode. */
function impliedMode(o: EnvironmentGeneratorSchema): ReleaseMode | undefined {
  if (o.mode !== undefined && !RELEASE_MODES.includes(o.mode)) {
    throw new GeneratorError('--mode', `'${String(o.mode)}' is not a mode`, RELEASE_MODES.join(', '));
  }
  if (o.mirrorOf !== undefined && o.promoteFrom !== undefined) {
    throw new GeneratorError('--mirror-of', 'given with --promote-from', 'one of them: a mirror gets the releases of what it mirrors, a promoted environment is promoted from its source');
  }
  if (o.opsFor !== undefined && o.promoteFrom !== undefined) throw new GeneratorError('--promote-from', 'an ops environment follows main', 'either --ops-for or --promote-from');
  if (o.opsFor !== undefined && o.mirrorOf !== undefined) throw new GeneratorError('--mirror-of', 'an ops environment follows main', 'either --ops-for or --mirror-of');
  const flags: Array<readonly [string, unknown, ReleaseMode]> = [
    ['--mirror-of', o.mirrorOf, 'mirror'],
    ['--promote-from', o.promoteFrom, 'promoted'],
    ['--tag-pattern', o.tagPattern, 'promoted'],
    ['--ops-for', o.opsFor, 'follows-main'],
  ];
  const given = flags.filter(([, value]) => value !== undefined);
  for (const [flag, , mode] of given) {
    if (flag === '--tag-pattern' && (o.mode === 'mirror' || o.mirrorOf !== undefined)) {
      throw new GeneratorError('--tag-pattern', 'a mirror has no tags', 'no --tag-pattern: a mirror gets every promotion and rollback of what it mirrors');
    }
    if (o.mode !== undefined && o.mode !== mode) throw new GeneratorError('--mode', `'${o.mode}' contradicts ${flag}`, `--mode ${mode}, or no --mode`);
  }
  const modes = new Set(given.map(([, , mode]) => mode));
  if (modes.size > 1) throw new GeneratorError(given[1][0], `contradicts ${given[0][0]}`, 'flags of one mode');
  return o.mode ?? given[0]?.[2];
}

function promoted(o: EnvironmentGeneratorSchema, envs: readonly EnvironmentFile[], parent: EnvironmentFile | undefined): Release {
  const from = o.promoteFrom ?? parent?.name;
  if (from === undefined) throw new GeneratorError('--mode', 'promoted, but from nothing', '--promote-from <environment>');
  const tags = o.tagPattern ?? `${o.name}-v*`;
  if (tags === '' || /['\n\r]/.test(tags)) throw new GeneratorError('--tag-pattern', `${JSON.stringify(tags)} cannot be used`, "a non-empty single line without '");
  return { mode: 'promoted', from: find(envs, o.promoteFrom === undefined ? '--extends' : '--promote-from', from).name, tags };
}

function mirror(o: EnvironmentGeneratorSchema, envs: readonly EnvironmentFile[], parent: EnvironmentFile | undefined): Release {
  const flag = o.mirrorOf === undefined ? '--extends' : '--mirror-of';
  const named = o.mirrorOf ?? parent?.name;
  if (named === undefined) throw new GeneratorError('--mode', 'mirror, but of nothing', '--mirror-of <promoted environment>');
  const target = find(envs, flag, named);
  const of = releaseOf(target);
  if (of.mode === 'promoted') return { mode: 'mirror', of: target.name };
  if (of.mode === 'mirror' && o.mirrorOf === undefined) return { mode: 'mirror', of: of.of };
  const why = of.mode === 'mirror' ? `is itself a mirror of '${of.of}'` : 'is not promoted, so there is nothing to mirror';
  throw new GeneratorError(flag, `'${target.name}' ${why}`, `--mirror-of <promoted environment>: one of ${promotedNames(envs)}`);
}

function defaultNote(name: string, parent: EnvironmentFile, release: Release): string | null {
  if (release.mode !== 'mirror') return null;
  const what = releaseOf(parent).mode === 'mirror' ? `a mirror of ${release.of}` : 'which is promoted';
  return (
    `${name} extends ${parent.name}, ${what}: ${name} mirrors ${release.of} (promotion.mirrorOf: ${release.of}); ` +
    `pass --mode follows-main or --mode promoted --promote-from <env> to choose otherwise`
  );
}

/** Check the release flags against each other and the environments; choose a mode when none is given. */
export function resolveRelease(o: EnvironmentGeneratorSchema, envs: readonly EnvironmentFile[], parent: EnvironmentFile | undefined): ResolvedRelease {
  const explicit = impliedMode(o);
  if (explicit === 'promoted') return { release: promoted(o, envs, parent), note: null };
  if (explicit === 'mirror') return { release: mirror(o, envs, parent), note: null };
  if (explicit === 'follows-main' || !parent || releaseOf(parent).mode === 'follows-main') return { release: { mode: 'follows-main' }, note: null };
  const release = mirror(o, envs, parent);
  return { release, note: defaultNote(o.name, parent, release) };
}
