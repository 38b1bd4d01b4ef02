/** `no-wildcard-role`: no Role or ClusterRole grants `*`, and no binding refers to one that does. */
import { eachObject, at } from '../objects';
import type { Json } from '../objects';
import type { EnvironmentFinding, EnvironmentPolicyRule, PolicyEnvironment } from '../types';

type PolicyRule = { apiGroups?: string[]; resources?: string[]; verbs?: string[] };

function wildcards(role: Json): string[] {
  const rules = (role.rules ?? []) as PolicyRule[];
  return rules.flatMap((r, i) => (['apiGroups', 'resources', 'verbs'] as const).filter((k) => (r[k] ?? []).includes('*')).map((k) => `rules[${i}].${k}`));
}

function check(env: PolicyEnvironment): EnvironmentFinding[] {
  const all = eachObject(env);
  const broad = new Set(all.filter(({ item }) => (item.object.kind === 'Role' || item.object.kind === 'ClusterRole') && wildcards(item.object).length > 0).map(({ item }) => `${String(item.object.kind)}/${(item.object.metadata as { name?: string }).name}`));
  return all.flatMap(({ service, item }) => {
    const o = item.object;
    if (o.kind === 'Role' || o.kind === 'ClusterRole') {
      const w = wildcards(o);
      return w.length > 0 ? [at(service, item, `grants '*' in ${w.join(', ')} (expected named apiGroups, resources and verbs)`)] : [];
    }
    if (o.kind !== 'RoleBinding' && o.kind !== 'ClusterRoleBinding') return [];
    const ref = (o.roleRef ?? {}) as { kind?: string; name?: string };
    return broad.has(`${ref.kind}/${ref.name}`) ? [at(service, item, `binds ${ref.kind} '${ref.name}', which grants '*' (expected a role with named verbs and resources)`)] : [];
  });
}

export const noWildcardRole: EnvironmentPolicyRule = { name: 'no-wildcard-role', description: "no Role or ClusterRole grants '*', and no binding refers to one", check };
