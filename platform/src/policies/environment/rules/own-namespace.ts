/** `own-namespace`: every namespaced object of a service is in the service's own namespace. */
import { perObject } from '../objects';
import { CLUSTER_SCOPED } from './no-cluster-scoped';
import type { EnvironmentPolicyRule, PolicyEnvironment } from '../types';

function check(env: PolicyEnvironment) {
  return perObject(env, (o, service) => {
    if (CLUSTER_SCOPED.has(String(o.kind))) return [];
    const ns = (o.metadata as { namespace?: string } | undefined)?.namespace;
    return ns === service.namespace ? [] : [`is in namespace '${ns ?? '(none)'}' (expected the service's namespace '${service.namespace}')`];
  });
}

export const ownNamespace: EnvironmentPolicyRule = { name: 'own-namespace', description: "a service's objects are all in the service's own namespace", check };
