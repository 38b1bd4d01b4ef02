/**
 * The environment policies of one environment's render: the rules of the kit the environment is rendered
 * with (a promoted environment: its release's kit, so a new rule reaches prod with the promotion that brings
 * it), minus what live exceptions cover, plus each expired exception. Bad exception config is exit 2.
 */
import type { Kit } from '../load/kit';
import { sortFindings, type Finding } from '../findings';
import { applyExceptions, readExceptions, type RuleFinding } from './exceptions';
import { environmentView, type ViewInput } from './view';
import { today } from './clock';

export function environmentPolicyFindings(kit: Kit, input: ViewInput): Finding[] {
  const rules = (kit as Partial<Kit>).ENVIRONMENT_POLICY_RULES;
  if (!rules || !kit.runEnvironmentPolicies) return [];
  const sources = input.config.policySources(input.environment);
  const exceptions = readExceptions(sources.environment, sources.tenants, rules.map((r) => r.name));
  const found: RuleFinding[] = kit.runEnvironmentPolicies(environmentView(input), rules).map((f) => ({
    file: f.file,
    ...(f.line !== undefined ? { line: f.line } : {}),
    rule: `policy/${f.rule}`,
    message: `${input.environment}: ${f.message}`,
    namespace: f.namespace,
    ...(f.service !== undefined ? { service: f.service } : {}),
  }));
  return sortFindings(applyExceptions(found, exceptions, today()));
}
