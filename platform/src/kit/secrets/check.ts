/**
 * Checks on `secrets:` entries, with the key and the bad value quoted. `checkSecretFields` holds for each
 * entry wherever it is written (defineService, config); `checkSecretsInContext` for the merged entries of
 * one service in one environment: complete, consumed once, fit for the environment's store.
 */
import { KitError, show } from '../../errors';
import { didYouMean } from '../../suggest';
import {
  MOUNT_PATH_EXPECTED,
  SEALED_EXPECTED,
  SECRET_NAME_EXPECTED,
  SECRET_PROPERTY_EXPECTED,
  SECRET_VERSION_EXPECTED,
  STORE_PATH_EXPECTED,
  mountPathProblem,
  sealedValueProblem,
  secretNameProblem,
  secretPropertyProblem,
  secretVersionProblem,
  storePathProblem,
} from '../../secrets';
import type { SecretReference, ServiceSecretStore } from '../types';
import { ENVIRONMENT_VARIABLE } from '../validate-config';

/** Every field a `secrets:` entry takes. */
export const SECRET_FIELDS: ReadonlyArray<keyof SecretReference> = ['path', 'key', 'version', 'sealed', 'env', 'mount'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENV_EXPECTED = "letters, digits and '_', not starting with a digit, e.g. DB_PASSWORD";
const CONSUMED = "exactly one of 'env' (an environment variable) or 'mount' (a file path)";

const FORMATS: ReadonlyArray<readonly [keyof SecretReference, (v: string) => string | undefined, string]> = [
  ['path', storePathProblem, STORE_PATH_EXPECTED],
  ['key', secretPropertyProblem, SECRET_PROPERTY_EXPECTED],
  ['version', secretVersionProblem, SECRET_VERSION_EXPECTED],
  ['sealed', sealedValueProblem, SEALED_EXPECTED],
  ['env', (v) => (ENV_NAME.test(v) ? undefined : 'is not an environment variable name'), ENV_EXPECTED],
  ['mount', mountPathProblem, MOUNT_PATH_EXPECTED],
];

function checkEntry(prefix: string, name: string, entry: unknown): void {
  const problem = secretNameProblem(name);
  if (problem) throw new KitError(`secret name '${name}' in '${prefix}' ${problem}`, SECRET_NAME_EXPECTED);
  const at = `${prefix}.${name}`;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new KitError(`'${at}' (${show(entry)}) is not a map`, `{ path, key, env | mount }`);
  const fields = entry as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!(SECRET_FIELDS as readonly string[]).includes(key)) throw new KitError(`unknown field '${key}' in '${at}'${didYouMean(key, SECRET_FIELDS)}`, `one of: ${SECRET_FIELDS.join(', ')}`);
  }
  for (const [key, rule, expected] of FORMATS) {
    const value = fields[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new KitError(`'${at}.${key}' (${show(value)}) is not a string`, expected);
    const why = rule(value);
    if (why) throw new KitError(`'${at}.${key}' (${show(value)}) ${why}`, expected);
  }
  if (fields.env !== undefined && fields.mount !== undefined) throw new KitError(`'${at}' has both 'env' and 'mount'`, CONSUMED);
  if (fields.sealed !== undefined && (fields.path !== undefined || fields.key !== undefined || fields.version !== undefined)) {
    throw new KitError(`'${at}' has both 'sealed' and a store reference ('path', 'key', 'version')`, "'sealed' (Sealed Secrets) or 'path' and 'key' (an external store such as Vault)");
  }
}

/** Each entry's own fields (names, known fields, formats, not both env and mount). */
export function checkSecretFields(secrets: unknown, prefix = 'secrets'): void {
  if (secrets === undefined) return;
  if (secrets === null || typeof secrets !== 'object' || Array.isArray(secrets)) throw new KitError(`'${prefix}' (${show(secrets)}) is not a map of secrets`, "{ 'db-password': { path, key, env | mount } }");
  for (const [name, entry] of Object.entries(secrets)) checkEntry(prefix, name, entry);
}

export interface SecretsContext {
  readonly environment: string;
  readonly store?: ServiceSecretStore;
  /** The container's literal env (config `env`) and the variable the platform sets. */
  readonly env: Readonly<Record<string, string>>;
}

function checkComplete(at: string, s: SecretReference, store: ServiceSecretStore): void {
  if (s.env === undefined && s.mount === undefined) throw new KitError(`'${at}' has neither 'env' nor 'mount'`, CONSUMED);
  if (store.provider === 'sealed-secrets') {
    const ref = (['path', 'key', 'version'] as const).find((k) => s[k] !== undefined);
    if (ref) throw new KitError(`'${at}.${ref}' is a store reference, but the secret store is Sealed Secrets`, `'${at}.sealed': ${SEALED_EXPECTED}`);
    if (s.sealed === undefined) throw new KitError(`'${at}' lacks 'sealed'`, `'sealed': ${SEALED_EXPECTED}`);
    return;
  }
  if (s.sealed !== undefined) throw new KitError(`'${at}.sealed' is a Sealed Secrets ciphertext, but the secret store is ${store.provider}`, "'path' and 'key' in the store");
  if (s.path === undefined) throw new KitError(`'${at}' lacks 'path'`, `'path': ${STORE_PATH_EXPECTED}`);
  if (s.key === undefined) throw new KitError(`'${at}' lacks 'key'`, `'key': ${SECRET_PROPERTY_EXPECTED}`);
}

/** The merged entries of one service in one environment: complete, fit for the store, each consumed once. */
export function checkSecretsInContext(secrets: Readonly<Record<string, SecretReference>>, ctx: SecretsContext): void {
  const names = Object.keys(secrets).sort();
  if (names.length === 0) return;
  checkSecretFields(secrets);
  if (!ctx.store) {
    throw new KitError(`'secrets.${names[0]}' needs a secret store, but environment '${ctx.environment}' names none`, `'secretStore' in environments/${ctx.environment}/environment.yaml or an environment it extends, or no 'secrets'`);
  }
  const envs = new Map<string, string>();
  const mounts = new Map<string, string>();
  for (const name of names) {
    const s = secrets[name];
    const at = `secrets.${name}`;
    checkComplete(at, s, ctx.store);
    if (s.env !== undefined) {
      if (s.env === ENVIRONMENT_VARIABLE) throw new KitError(`'${at}.env' ('${s.env}') is set by the platform`, `another variable than ${ENVIRONMENT_VARIABLE}`);
      if (ctx.env[s.env] !== undefined) throw new KitError(`'${at}.env' ('${s.env}') is also a literal in 'env.${s.env}'`, `one source per variable: remove 'env.${s.env}' or rename the secret's variable`);
      const other = envs.get(s.env);
      if (other) throw new KitError(`'${at}.env' ('${s.env}') is also 'secrets.${other}.env'`, 'one secret per environment variable');
      envs.set(s.env, name);
    }
    if (s.mount !== undefined) {
      const clash = [...mounts.entries()].find(([m]) => m === s.mount || m.startsWith(`${s.mount}/`) || s.mount!.startsWith(`${m}/`));
      if (clash) throw new KitError(`'${at}.mount' ('${s.mount}') clashes with 'secrets.${clash[1]}.mount' ('${clash[0]}')`, 'one file per secret, neither inside the other');
      mounts.set(s.mount, name);
    }
  }
}
