/** A large environments tree for the config loader: its spec checks the answers, tools/bench/config-load.ts the time. */
import { baseTree } from './testing';

export const ENVS = ['staging', 'preprod', 'prod', 'ops-staging'];

/** 20 namespaces × 4 environments, 750 services, 400 overrides files. */
export function largeConfigTree(): Record<string, string> {
  const files: Record<string, string> = { ...baseTree() };
  for (let n = 0; n < 20; n++) {
    for (const env of ENVS) files[`environments/${env}/ns-${n}/tenant.yaml`] = env === 'staging' ? `team: team-${n}\ndefaults:\n  replicas: 3\n` : '';
  }
  for (let i = 0; i < 400; i++) {
    const env = ENVS[i % 4];
    files[`environments/${env}/ns-${i % 20}/svc-${i}/overrides.yaml`] = `replicas: ${i % 7}\nenv:\n  INDEX: "${i}"\nresources:\n  cpu: ${i}m\n`;
  }
  return files;
}
