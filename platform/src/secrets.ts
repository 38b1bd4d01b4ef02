/**
 * The rules for secrets by reference: what a `secrets:` entry and an environment's `secretStore` may say,
 * and which keys look like credentials (so a literal value there is refused). Each `…Problem` returns why a
 * value is refused (a short clause) or undefined; the kit (defineService, render) and the engine (schema
 * formats, config checks) ask these same functions. Only the names module is imported.
 */
import { isDnsLabel } from './names';

/** The stores an environment can name: HashiCorp Vault through External Secrets (the default), or Sealed Secrets. */
export const SECRET_PROVIDERS = ['vault', 'sealed-secrets'] as const;
export type SecretProvider = (typeof SECRET_PROVIDERS)[number];

export const SECRETS_HINT = "a reference under 'secrets:' (the store's path and key, rendered as an ExternalSecret), not a literal";
export const SECRET_NAME_EXPECTED = 'a lower-case DNS-1123 label (a-z, 0-9, -), e.g. db-password';
export const STORE_PATH_EXPECTED = "a path in the store such as 'payments/db' (letters, digits, '._-', parts separated by '/')";
export const SECRET_PROPERTY_EXPECTED = "a property of the stored secret such as 'password' (letters, digits, '._-')";
export const SECRET_VERSION_EXPECTED = "a version such as '3' (letters, digits, '._-')";
export const MOUNT_PATH_EXPECTED = "an absolute file path at least two folders deep such as '/etc/secrets/db/password', outside /tmp, /etc/eleventh, /proc, /sys and /dev";
export const STORE_SERVER_EXPECTED = 'an https:// URL of the store, e.g. https://vault.example.com:8200, without credentials, query or fragment';
export const VAULT_ROLE_EXPECTED = "a Vault role per namespace, containing '{namespace}', e.g. 'eleventh-{namespace}' (one role for every tenant would let each read the others' secrets)";
export const VAULT_PATH_EXPECTED = "a Vault mount path such as 'secret' or 'kubernetes/staging' (letters, digits, '._-', parts separated by '/')";
export const SEALED_EXPECTED = 'the base64 output of `kubeseal --raw` for this environment’s cluster';

const PART = /^[A-Za-z0-9_.-]+$/;

function pathProblem(value: string): string | undefined {
  if (value === '') return 'is empty';
  if (value.startsWith('/') || value.endsWith('/')) return "starts or ends with '/'";
  const parts = value.split('/');
  if (parts.some((p) => p === '')) return "has an empty part ('//')";
  if (parts.some((p) => p === '.' || p === '..')) return "has a '.' or '..' part";
  const bad = parts.find((p) => !PART.test(p));
  return bad === undefined ? undefined : `has an invalid part '${bad}'`;
}

/** A `secrets:` entry's name: the key in the Secret the kit renders (and the file name of a mount). */
export function secretNameProblem(value: string): string | undefined {
  return isDnsLabel(value) ? undefined : 'is not a lower-case DNS-1123 label';
}

/** `path`: where the secret lives in the store (Vault: under the store's KV mount). */
export function storePathProblem(value: string): string | undefined {
  return value.length > 512 ? 'is longer than 512 characters' : pathProblem(value);
}

/** `key`: the property inside the stored secret. */
export function secretPropertyProblem(value: string): string | undefined {
  if (value === '') return 'is empty';
  return PART.test(value) ? undefined : "has characters other than letters, digits and '._-'";
}

/** `version`: a version of the stored secret (Vault KV v2: the version number). */
export function secretVersionProblem(value: string): string | undefined {
  if (value === '') return 'is empty';
  return PART.test(value) ? undefined : "has characters other than letters, digits and '._-'";
}

const HIDDEN = ['/tmp', '/etc/eleventh', '/proc', '/sys', '/dev'];

/**
 * `mount`: the file a secret is mounted at. Its folder becomes a read-only volume that hides whatever the
 * image had there, so it must be at least two folders deep (`/etc/secrets/x`, not `/etc/x`) and outside the
 * folders the kit or the kernel own.
 */
export function mountPathProblem(value: string): string | undefined {
  if (!value.startsWith('/')) return 'is not an absolute path';
  const problem = pathProblem(value.slice(1));
  if (problem) return problem;
  const parts = value.slice(1).split('/');
  if (parts.length < 3) return `would hide the image's folder '/${parts.slice(0, -1).join('/')}' (a secret's folder is mounted whole)`;
  const inside = HIDDEN.find((h) => value === h || value.startsWith(`${h}/`));
  return inside === undefined ? undefined : `is inside ${inside}`;
}

/** `secretStore.server`: https only, no credentials, query or fragment. */
export function storeServerProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'contains white space';
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)([?#].*)?$/i.exec(value);
  if (!m) return 'is not a URL';
  if (m[1].toLowerCase() !== 'https') return `uses ${m[1]}:// (secrets travel over https only)`;
  if (m[2].includes('@')) return 'has credentials in the URL';
  if (!/^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?$/.test(m[2])) return `has an invalid host '${m[2]}'`;
  if (m[4] !== undefined) return 'has a query or fragment';
  return undefined;
}

/** `secretStore.auth.kubernetes.role`: a role per namespace (`{namespace}`, optionally `{environment}`). */
export function vaultRoleProblem(value: string): string | undefined {
  if (!/^[A-Za-z0-9_.{}-]+$/.test(value)) return "has characters other than letters, digits, '._-' and {placeholders}";
  const unknown = [...value.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).find((p) => p !== 'namespace' && p !== 'environment');
  if (unknown !== undefined) return `has an unknown placeholder '{${unknown}}'`;
  return value.includes('{namespace}') ? undefined : "names no '{namespace}': every tenant would share one role";
}

/** The role of one namespace in one environment. */
export function vaultRoleOf(template: string, namespace: string, environment: string): string {
  return template.replaceAll('{namespace}', namespace).replaceAll('{environment}', environment);
}

/** `secretStore.path` (the KV mount) and `secretStore.auth.kubernetes.mountPath` (the auth mount). */
export function vaultPathProblem(value: string): string | undefined {
  return pathProblem(value);
}

/** `sealed`: kubeseal's base64 ciphertext; anything short or not base64 is most likely the plaintext itself. */
export function sealedValueProblem(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return 'is not base64 (is it the plaintext?)';
  return value.length < 64 ? 'is too short for a kubeseal ciphertext (is it the plaintext?)' : undefined;
}

/** Words that make a key a credential when they are one of its segments (`DB_PASSWORD`, `apiKey`). */
const CREDENTIAL_WORDS = new Set(['password', 'passwords', 'passwd', 'passphrase', 'pwd', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'apikeys', 'privatekey', 'credential', 'credentials', 'accesskey', 'secretkey', 'clientsecret']);
/** Two adjacent segments that mean the same (`API_KEY`, `PRIVATE_KEY`, `ACCESS_KEY`). */
const CREDENTIAL_PAIRS = new Set(['api key', 'api keys', 'private key', 'access key', 'secret key', 'signing key', 'encryption key', 'client secret', 'auth token', 'access token', 'refresh token', 'bearer token']);
/**
 * A last segment that makes the key about a credential, not the credential: its name, a file or path holding
 * it, a reference, a lifetime, a size, an endpoint, a switch. `SECRET_NAME`, `DB_PASSWORD_FILE`,
 * `TOKEN_TTL_SECONDS`, `API_KEY_HEADER`, `PASSWORD_MIN_LENGTH`, `AWS_ACCESS_KEY_ID` (an id identifies, it
 * does not authenticate) are not refused.
 */
const QUALIFIERS = new Set([
  'name', 'names', 'ref', 'reference', 'file', 'path', 'dir', 'mount', 'id', 'ids', 'arn', 'version',
  'ttl', 'seconds', 'secs', 'sec', 'ms', 'millis', 'minutes', 'mins', 'hours', 'days', 'expiry', 'expires', 'expiration', 'lifetime', 'timeout', 'interval', 'age', 'rotation',
  'length', 'len', 'size', 'bytes', 'bits', 'count', 'min', 'max', 'limit',
  'url', 'uri', 'endpoint', 'host', 'port', 'header', 'param', 'cookie', 'field', 'prefix', 'issuer', 'audience', 'scope', 'scopes',
  'type', 'kind', 'format', 'algorithm', 'alg', 'policy', 'enabled', 'disabled', 'required', 'enforced', 'mode', 'store', 'provider',
]);

/** `DB_PASSWORD` → [db, password]; `apiKeyHeader` → [api, key, header]; `SECRET-NAME.x` → [secret, name, x]. */
export function keySegments(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.\-/]+/)
    .filter((s) => s !== '')
    .map((s) => s.toLowerCase());
}

function hasCredentialWord(segments: readonly string[]): boolean {
  return segments.some((s, i) => CREDENTIAL_WORDS.has(s) || (i > 0 && CREDENTIAL_PAIRS.has(`${segments[i - 1]} ${s}`)));
}

function qualified(segments: readonly string[]): boolean {
  return segments.length > 1 && QUALIFIERS.has(segments[segments.length - 1]);
}

/**
 * Does this key name a credential? A segment is a credential word (PASSWORD, PASSWD, PASSPHRASE, PWD, SECRET,
 * TOKEN, APIKEY, API_KEY, PRIVATE_KEY, ACCESS_KEY, SECRET_KEY, CREDENTIAL(S), CLIENT_SECRET, …; case and
 * separators do not matter, whole segments only: `PASSWORDLESS` and `TOKENIZER` are not), and its last segment
 * is not a qualifier (`_NAME`, `_FILE`, `_TTL_SECONDS`, `_URL`, `_ID`, `_HEADER`, `_ENABLED`, …).
 */
export function looksLikeCredential(key: string): boolean {
  const segments = keySegments(key);
  return hasCredentialWord(segments) && !qualified(segments);
}

/**
 * A literal at `path` (a `values` path, root first; list indexes as strings) is a credential when its own key
 * looks like one, or when an enclosing key does (`credentials.user`, `apiKeys[0]`) and its own key is no
 * qualifier. Only non-empty strings and numbers count: `tokenRequired: true` carries no secret.
 */
export function isCredentialLiteral(path: readonly string[], value: unknown): boolean {
  if (!((typeof value === 'string' && value !== '') || typeof value === 'number')) return false;
  const own = path[path.length - 1];
  if (own === undefined) return false;
  if (looksLikeCredential(own)) return true;
  const ownSegments = keySegments(own);
  if (QUALIFIERS.has(ownSegments[ownSegments.length - 1] ?? '')) return false;
  return path.slice(0, -1).some((k) => looksLikeCredential(k));
}
