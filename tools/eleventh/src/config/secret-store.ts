/**
 * environment.yaml `secretStore`: inherited along `extends` (maps merge, so prod can change only the role or
 * the server), checked after the merge: `provider` defaults to vault; Vault needs `server` and
 * `auth.kubernetes.role`; Sealed Secrets takes none of Vault's keys. Each problem is reported once, at the
 * environment nearest the root that has it, at the line that set the key in question where there is one.
 */
import { ConfigError } from '../errors';
import type { Origin, ResolvedSecretStore } from '../model';
import type { YamlDoc } from '../yaml/read';
import { leafAt, leavesUnder, valueAt, type Leaves } from './layers';
import { isPlainObject } from './schema-validate';

export const DEFAULT_SECRET_PROVIDER = 'vault';
const VAULT_ONLY = ['server', 'path', 'version', 'auth'];

/**
 * A layer that changes the provider (say sealed-secrets over an inherited Vault store) starts the store
 * afresh: the keys set before it belong to the other provider and are dropped, not merged.
 */
function currentLeaves(leaves: Leaves): Leaves {
  const provider = leafAt(leaves, ['secretStore', 'provider']);
  if (!provider) return leaves;
  const inherited = provider.overrode[0]?.value ?? DEFAULT_SECRET_PROVIDER;
  if (inherited === provider.value) return leaves;
  return new Map([...leaves].filter(([, l]) => l.path[0] !== 'secretStore' || l.rank >= provider.rank));
}

export function secretStoreOf(all: Leaves): ResolvedSecretStore | undefined {
  const leaves = currentLeaves(all);
  const under = leavesUnder(leaves, ['secretStore']);
  const raw = valueAt(leaves, ['secretStore']);
  if (under.length === 0 || !isPlainObject(raw)) return undefined;
  const origins: Record<string, Origin> = {};
  for (const leaf of under) origins[leaf.path.slice(1).join('.')] = { file: leaf.file, line: leaf.line };
  const provider = typeof raw.provider === 'string' ? raw.provider : DEFAULT_SECRET_PROVIDER;
  return { config: { ...(raw as ResolvedSecretStore['config']), provider }, origins };
}

function problemsOf(store: ResolvedSecretStore, file: string): ConfigError[] {
  const { config, origins } = store;
  const at = (key: string): Origin => origins[key] ?? origins.provider ?? Object.values(origins)[0] ?? { file };
  if (config.provider === 'sealed-secrets') {
    const vaultKeys = Object.keys(origins).filter((k) => VAULT_ONLY.includes(k.split('.')[0]));
    return vaultKeys.map((k) => new ConfigError(at(k), `'secretStore.${k}' is a Vault setting, but 'secretStore.provider' is sealed-secrets`, 'no server, path, version or auth with Sealed Secrets (or provider: vault)'));
  }
  if (config.provider !== 'vault') return [];
  const errors: ConfigError[] = [];
  if (config.server === undefined) errors.push(new ConfigError({ file }, "missing 'secretStore.server' (the Vault store needs its URL)", 'server: https://vault.example.com:8200 here or in an environment it extends'));
  if (config.auth?.kubernetes?.role === undefined) errors.push(new ConfigError({ file }, "missing 'secretStore.auth.kubernetes.role' (the Vault role each namespace logs in with)", "auth: {kubernetes: {role: 'eleventh-{namespace}'}} here or in an environment it extends"));
  return errors;
}

/**
 * `chains`: env → its `extends` chain; `leavesOf`: the environment's folded environment.yaml leaves. Each
 * environment's problems, minus those its parent already has (reported there).
 */
export function checkSecretStores(chains: ReadonlyMap<string, readonly string[]>, docs: ReadonlyMap<string, YamlDoc>, leavesOf: (env: string) => Leaves): ConfigError[] {
  const seen = new Map<string, Set<string>>();
  const errors: ConfigError[] = [];
  for (const [env, chain] of [...chains.entries()].sort((a, b) => a[1].length - b[1].length)) {
    const store = secretStoreOf(leavesOf(env));
    const found = store ? problemsOf(store, docs.get(env)!.file) : [];
    const parent = seen.get(chain[chain.length - 2] ?? '') ?? new Set<string>();
    const own = new Set(found.map((e) => e.problem));
    seen.set(env, own);
    errors.push(...found.filter((e) => !parent.has(e.problem)));
  }
  return errors;
}
