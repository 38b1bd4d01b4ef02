/**
 * Credentials written as literals: an `env` variable or a `values` key that looks like a credential
 * (platform/src/secrets.ts `looksLikeCredential`: DB_PASSWORD, API_KEY, githubToken, …; not SECRET_NAME,
 * TOKEN_TTL_SECONDS, DB_PASSWORD_FILE) with a literal value is refused in every file that writes service
 * config, at the line that writes it: the value would be in git and in a ConfigMap or pod spec in plain text.
 */
import { ConfigError } from '../errors';
import type { YamlDoc } from '../yaml/read';
import { installedRules } from '../load/kit';
import { isCredentialLiteral, looksLikeCredential } from './names';
import { isPlainObject } from './schema-validate';

type Path = Array<string | number>;

function leaves(value: unknown, path: Path, out: Array<{ path: Path; value: unknown }>): void {
  if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else out.push({ path, value });
}

function dotted(path: Path): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The findings in one service-config map at `base` inside `doc` (`['defaults']`, `[]` for overrides.yaml). */
export function credentialLiterals(doc: YamlDoc, base: readonly string[], label = ''): ConfigError[] {
  let config: unknown = doc.value;
  for (const k of base) config = isPlainObject(config) ? config[k] : undefined;
  if (!isPlainObject(config)) return [];
  const hint = installedRules().SECRETS_HINT;
  const errors: ConfigError[] = [];
  const inside = base.length > 0 ? `${base.join('.')}.` : '';
  if (isPlainObject(config.env)) {
    for (const [name, value] of Object.entries(config.env)) {
      if (typeof value !== 'string' || value === '' || !looksLikeCredential(name)) continue;
      errors.push(new ConfigError({ file: doc.file, line: doc.lineOf([...base, 'env', name]) }, `${label}'${inside}env.${name}' looks like a credential and has a literal value`, hint));
    }
  }
  if (isPlainObject(config.values)) {
    const found: Array<{ path: Path; value: unknown }> = [];
    leaves(config.values, [], found);
    for (const leaf of found) {
      if (!isCredentialLiteral(leaf.path.map(String), leaf.value)) continue;
      errors.push(new ConfigError({ file: doc.file, line: doc.lineOf([...base, 'values', ...leaf.path]) }, `${label}'${inside}values.${dotted(leaf.path)}' looks like a credential and has a literal value`, hint));
    }
  }
  return errors;
}
