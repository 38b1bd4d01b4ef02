import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load';
import { baseTree, cleanTrees, writeTree } from './testing';

afterAll(cleanTrees);

const ENVS = ['staging', 'preprod', 'prod', 'ops-staging'];

/** 20 namespaces × 4 environments, 750 services, 400 overrides files. */
function largeTree(): Record<string, string> {
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

describe('performance', () => {
  it('loads 20 namespaces × 4 environments with 400 overrides quickly and answers 15,000 service() calls cheaply', () => {
    const root = writeTree(largeTree());
    const started = performance.now();
    const config = loadConfig(root);
    const loaded = performance.now() - started;
    const askedAt = performance.now();
    let replicas = 0;
    for (let i = 0; i < 15_000; i++) {
      const env = ENVS[i % 4];
      replicas += config.service(env, `ns-${i % 20}`, `svc-${i % 750}`).config.replicas;
    }
    const asked = performance.now() - askedAt;
    expect(replicas).toBeGreaterThan(0);
    expect(config.namespaces('prod')).toHaveLength(21);
    expect(loaded).toBeLessThan(4_000);
    expect(asked).toBeLessThan(1_000);
  });
});
