/** `no-host-namespaces`: no pod shares the node's network, PID or IPC namespace. */
import { perObject, podOf } from '../objects';
import type { EnvironmentPolicyRule, PolicyEnvironment } from '../types';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

function check(env: PolicyEnvironment) {
  return perObject(env, (o) => {
    const pod = podOf(o) as Record<string, unknown> | undefined;
    return FIELDS.filter((f) => pod?.[f] === true).map((f) => `pod sets ${f}: true (expected it unset or false)`);
  });
}

export const noHostNamespaces: EnvironmentPolicyRule = { name: 'no-host-namespaces', description: 'no pod sets hostNetwork, hostPID or hostIPC', check };
