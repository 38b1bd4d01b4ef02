/**
 * `no-plaintext-secret`: a service renders no Secret with `data` or `stringData` — its values would sit in
 * git in plain text (base64 is an encoding, not encryption). Secrets enter by reference: `secrets:` in
 * config or defineService, rendered as an ExternalSecret (or a SealedSecret, whose data is ciphertext).
 */
import type { PolicyRule } from '../types';
import { SECRETS_HINT } from '../../secrets';

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).sort() : [];
}

function check(object: Readonly<Record<string, unknown>>): string[] {
  if (object.kind !== 'Secret' || object.apiVersion !== 'v1') return [];
  return (['data', 'stringData'] as const)
    .map((field) => [field, keysOf(object[field])] as const)
    .filter(([, keys]) => keys.length > 0)
    .map(([field, keys]) => `Secret '${String((object.metadata as { name?: unknown } | undefined)?.name ?? '?')}' has ${keys.map((k) => `'${k}'`).join(', ')} in plain text under '${field}' (expected no Secret with data in git: ${SECRETS_HINT})`);
}

export const noPlaintextSecret: PolicyRule = {
  name: 'no-plaintext-secret',
  description: 'no Secret with data or stringData (secrets by reference only: secrets:)',
  check,
};
