/**
 * The one ajv for the published schemas (tools/eleventh/schemas): strict mode, every error, with two
 * declared allowances — the `x-must`/`x-expected`/`x-invalid` message hints are a vocabulary, and union
 * types (`type: [string, number]` for quantities) are allowed — and the formats whose rules are the
 * platform's (platform/src/refs.ts, names.ts and secrets.ts): `registry`, `git-url`, `git-branch`, `tag-pattern`, `group`,
 * the secrets formats `secret-path`, `secret-property`, `secret-version`, `sealed`, `mount-path`, `secret-store-server`,
 * `vault-role`, `vault-path`, and `image-ref` (images/registry/reference.ts). The engine
 * validates with it (schema-validate.ts); the testing entry hands the same instance to other packages' specs.
 */
import type Ajv from 'ajv';
import { branchProblem, gitUrlProblem, groupProblem, registryProblem, tagPatternProblem } from './names';
import { mountPathProblem, sealedValueProblem, secretPropertyProblem, secretVersionProblem, storePathProblem, storeServerProblem, vaultPathProblem, vaultRoleProblem } from './names';
import { installedRules } from '../load/kit';
import { IMAGE_REF_EXPECTED, imageRefProblem } from '../images/registry/reference';

/** Format name → why a value is refused (undefined: accepted) and what would be accepted. */
export const FORMATS: Readonly<Record<string, { readonly problem: (value: string) => string | undefined; readonly expected: () => string }>> = {
  registry: { problem: registryProblem, expected: () => installedRules().REGISTRY_EXPECTED },
  'git-url': { problem: gitUrlProblem, expected: () => installedRules().GIT_URL_EXPECTED },
  'git-branch': { problem: branchProblem, expected: () => installedRules().BRANCH_EXPECTED },
  'tag-pattern': { problem: tagPatternProblem, expected: () => installedRules().TAG_PATTERN_EXPECTED },
  group: { problem: groupProblem, expected: () => installedRules().GROUP_EXPECTED },
  'image-ref': { problem: imageRefProblem, expected: () => IMAGE_REF_EXPECTED },
  'secret-path': { problem: storePathProblem, expected: () => installedRules().STORE_PATH_EXPECTED },
  'secret-property': { problem: secretPropertyProblem, expected: () => installedRules().SECRET_PROPERTY_EXPECTED },
  'secret-version': { problem: secretVersionProblem, expected: () => installedRules().SECRET_VERSION_EXPECTED },
  sealed: { problem: sealedValueProblem, expected: () => installedRules().SEALED_EXPECTED },
  'mount-path': { problem: mountPathProblem, expected: () => installedRules().MOUNT_PATH_EXPECTED },
  'secret-store-server': { problem: storeServerProblem, expected: () => installedRules().STORE_SERVER_EXPECTED },
  'vault-role': { problem: vaultRoleProblem, expected: () => installedRules().VAULT_ROLE_EXPECTED },
  'vault-path': { problem: vaultPathProblem, expected: () => installedRules().VAULT_PATH_EXPECTED },
};

/** The message hints: other validators ignore them. */
export const HINT_KEYWORDS = ['x-must', 'x-expected', 'x-invalid'] as const;

/** The formats as ajv takes them: a string is valid when its rule finds no problem. */
export const FORMAT_DEFINITIONS: Readonly<Record<string, { type: 'string'; validate: (value: string) => boolean }>> = Object.fromEntries(
  Object.entries(FORMATS).map(([name, rule]) => [name, { type: 'string', validate: (value: string) => rule.problem(value) === undefined }]),
);

/** The name standalone code (schema-quick.ts) reads the formats under. */
export const STANDALONE_FORMATS = 'eleventhFormats';

/**
 * A strict ajv holding `schemas` under their `$id` (each compiled on first use). `verbose` keeps the failing
 * schema on every error. `standalone`: one error is enough, and the code can be saved (schema-quick.ts).
 */
export function configAjv(schemas: Iterable<object>, options: { verbose?: boolean; standalone?: boolean } = {}): Ajv {
  // Loaded here, not at import: a run whose files all pass the saved check (schema-quick.ts) never needs it (~0.1 s).
  const { default: Ajv, Name } = require('ajv') as typeof import('ajv');
  const ajv = options.standalone
    ? new Ajv({ strict: true, allowUnionTypes: true, allErrors: false, code: { source: true, formats: new Name(STANDALONE_FORMATS) } })
    : new Ajv({ strict: true, allowUnionTypes: true, allErrors: true, verbose: options.verbose ?? false });
  ajv.addVocabulary([...HINT_KEYWORDS]);
  for (const [name, definition] of Object.entries(FORMAT_DEFINITIONS)) ajv.addFormat(name, definition);
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
}
