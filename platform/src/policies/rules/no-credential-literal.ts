/**
 * `no-credential-literal`: no container has an environment variable whose name looks like a credential
 * (`DB_PASSWORD`, `API_KEY`, `GITHUB_TOKEN`, …: ../../secrets.ts `looksLikeCredential`) with a literal
 * `value`. The engine refuses such config at the file and line that set it; this rule catches the rest
 * (a `customize` hook in deploy.ts). A `valueFrom` reference is fine.
 */
import type { PolicyRule } from '../types';
import { SECRETS_HINT, looksLikeCredential } from '../../secrets';
import { containersOf } from '../containers';

interface EnvJson {
  readonly name?: unknown;
  readonly value?: unknown;
}

function check(object: Readonly<Record<string, unknown>>): string[] {
  return containersOf(object).flatMap(({ label, container }) => {
    const env = (container as { env?: readonly EnvJson[] }).env ?? [];
    return env
      .filter((e) => typeof e.name === 'string' && typeof e.value === 'string' && e.value !== '' && looksLikeCredential(e.name))
      .map((e) => `${label} has env '${String(e.name)}' as a literal value, which looks like a credential (expected ${SECRETS_HINT})`);
  });
}

export const noCredentialLiteral: PolicyRule = {
  name: 'no-credential-literal',
  description: 'no environment variable named like a credential with a literal value (secrets by reference only: secrets:)',
  check,
};
