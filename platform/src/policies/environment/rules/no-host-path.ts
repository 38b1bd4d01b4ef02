/** `no-host-path`: no pod mounts a directory of the node. */
import { perObject, podOf } from '../objects';
import type { EnvironmentPolicyRule, PolicyEnvironment } from '../types';

type Volume = { name?: string; hostPath?: { path?: string } };

function check(env: PolicyEnvironment) {
  return perObject(env, (o) => {
    const volumes = ((podOf(o) as { volumes?: Volume[] } | undefined)?.volumes ?? []);
    return volumes.filter((v) => v.hostPath).map((v) => `volume '${v.name ?? '?'}' mounts hostPath ${v.hostPath?.path ?? '?'} (expected emptyDir, configMap, secret or a PersistentVolumeClaim)`);
  });
}

export const noHostPath: EnvironmentPolicyRule = { name: 'no-host-path', description: 'no pod has a hostPath volume', check };
