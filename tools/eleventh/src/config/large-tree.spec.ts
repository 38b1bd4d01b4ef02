/** A large tree loads and answers right; how fast is measured by hand (tools/bench/config-load.ts), not here. */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load';
import { cleanTrees, writeTree } from './testing';
import { ENVS, largeConfigTree } from './large-tree';

afterAll(cleanTrees);

describe('a large environments tree', () => {
  it('loads 20 namespaces × 4 environments with 400 overrides and answers 15,000 service() calls', () => {
    const config = loadConfig(writeTree(largeConfigTree()));
    let replicas = 0;
    for (let i = 0; i < 15_000; i++) replicas += config.service(ENVS[i % 4], `ns-${i % 20}`, `svc-${i % 750}`).config.replicas;
    expect(config.namespaces('prod')).toHaveLength(21);
    // An overrides file wins over its tenant's default; a service without one takes the tenant's 3 in staging.
    expect(config.service('staging', 'ns-0', 'svc-0').config.replicas).toBe(0);
    expect(config.service('preprod', 'ns-1', 'svc-1').config.replicas).toBe(1);
    expect(config.service('staging', 'ns-0', 'svc-400').config.replicas).toBe(3);
    expect(config.service('staging', 'ns-4', 'svc-4').config.env).toMatchObject({ INDEX: '4' });
    expect(replicas).toBeGreaterThan(15_000);
  });
});
