/**
 * The platform's policies: every rule runs on every object; every finding is reported.
 */
import type { KubeObject } from '../kit/types';
import { describeObject } from '../kit/check/describe';
import type { PolicyFinding, PolicyRule } from './types';
import { noMutableImageTag } from './rules/no-mutable-image-tag';
import { runAsNonRoot } from './rules/run-as-non-root';
import { resourcesRequired } from './rules/resources-required';
import { readOnlyRootFs } from './rules/read-only-root-fs';
import { noPlaintextSecret } from './rules/no-plaintext-secret';
import { noCredentialLiteral } from './rules/no-credential-literal';

/** Every rule, in the order findings are reported for one object. */
export const POLICY_RULES: readonly PolicyRule[] = [noMutableImageTag, runAsNonRoot, resourcesRequired, readOnlyRootFs, noPlaintextSecret, noCredentialLiteral];

/**
 * Run every rule on every object; never stops at the first finding. `jsons`: the objects as plain JSON,
 * index for index, when the caller already has them (the renderer does).
 */
export function runPolicies(objects: readonly KubeObject[], rules: readonly PolicyRule[] = POLICY_RULES, jsons?: readonly unknown[]): PolicyFinding[] {
  return objects.flatMap((obj, i) => {
    const json = (jsons?.[i] ?? JSON.parse(JSON.stringify(obj))) as Record<string, unknown>;
    const object = describeObject(obj);
    return rules.flatMap((rule) => rule.check(json).map((message) => ({ rule: rule.name, object, message })));
  });
}

export type { PolicyFinding, PolicyRule } from './types';
export { isPinnedImage } from './rules/no-mutable-image-tag';
