/**
 * Secrets at render time: a KitError about `'secrets.<name>…'` is the configuration's fault when config wrote
 * that entry, so it is reported at the file and line that set it (the entry's field the message names, else
 * the entry's most recently set field); an entry only deploy.ts declared stays at deploy.ts. A kit that
 * predates secrets (a promotion of an old release) cannot render `secrets:` or a `secretStore`.
 */
import type { Kit } from '../load/kit';
import type { ResolvedServiceConfig, ServiceSecretStore } from '@eleventh/platform';
import { ConfigError } from '../errors';
import type { Origin, Provenance } from '../model';

/** Where config set the `secrets.<name>` entry a kit message names, if config set it. */
export function secretsOrigin(message: string, provenance?: ReadonlyMap<string, Provenance>): Origin | undefined {
  const m = /'secrets\.([a-z0-9-]+)(?:\.([a-z]+))?'/.exec(message);
  if (!m || !provenance) return undefined;
  const field = m[2] === undefined ? undefined : provenance.get(`secrets.${m[1]}.${m[2]}`);
  if (field) return { file: field.file, line: field.line };
  const entry = [...provenance.entries()].filter(([k]) => k.startsWith(`secrets.${m[1]}.`));
  const last = entry[entry.length - 1]?.[1];
  return last ? { file: last.file, line: last.line } : undefined;
}

/** Does this kit render secrets (defineService `secrets`, ExternalSecrets, stores)? */
export function kitHasSecrets(kit: Kit): boolean {
  return typeof (kit as Partial<Kit>).renderSecretStores === 'function';
}

/** What the config-declared secrets of one service need before the kit runs: a kit that renders them, a store. */
export function checkSecretsRenderable(kit: Kit, input: { readonly environment: string; readonly namespace: string; readonly name: string; readonly deployFile: string; readonly config: ResolvedServiceConfig; readonly secretStore?: ServiceSecretStore; readonly provenance?: ReadonlyMap<string, Provenance> }): void {
  const first = Object.keys(input.config.secrets ?? {})[0];
  if (first === undefined) return;
  const at = secretsOrigin(`'secrets.${first}'`, input.provenance) ?? { file: input.deployFile };
  if (!kitHasSecrets(kit)) throw new ConfigError(at, `'secrets' in ${input.environment}, whose release's kit renders no secrets`, 'a promotion that brings a kit with secrets: (or no secrets here)');
  if (!input.secretStore) {
    const env = input.environment;
    throw new ConfigError(at, `${env}/${input.namespace}/${input.name}: 'secrets.${first}' needs a secret store, but environment '${env}' names none`, `'secretStore' in environments/${env}/environment.yaml or an environment it extends, or no 'secrets'`);
  }
}
