/** A kit construction error is the input's fault: report it against the file (and line) that configured it. */
import type { Kit } from '../load/kit';
import type { Origin, ResolvedEnvironment } from '../model';
import { ConfigError } from '../errors';
import { locateLiteral } from './locate';

/** Where the kit's source lives, to point at a bad value written there. */
export interface KitSource {
  readonly root: string;
  readonly dir: string;
}

export function kitCall<T>(kit: Kit, file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof kit.KitError) throw new ConfigError({ file }, err.message);
    throw err;
  }
}

/**
 * A KitError about an environment's platform: at the add-on setting or profile entry it quotes when there
 * is one (`'cert-manager'`), else at the environment's own environment.yaml.
 */
export function kitConfigError(env: ResolvedEnvironment, err: Error, expected?: string, source?: KitSource): ConfigError {
  const quoted = (name: string) => err.message.includes(`'${name}'`);
  const setting = Object.entries(env.addons ?? {}).find(([name]) => quoted(name))?.[1];
  const profileAt = env.profiles.findIndex(quoted);
  const version = /^chart version '([^']+)' of '([^']+)'/.exec(err.message);
  const inKit = version && setting?.version !== version[1] && source ? locateLiteral(source.root, source.dir, version[1]) : undefined;
  const at: Origin = inKit ?? setting ?? env.profileOrigins?.[profileAt] ?? { file: `environments/${env.name}/environment.yaml` };
  return new ConfigError(at, err.message, err.message.includes('(expected') ? undefined : expected);
}
