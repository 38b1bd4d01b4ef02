/**
 * The ops/apps pair as data. `apps` is the base every application environment runs on; `ops` is its
 * operational shadow, where infrastructure changes are applied first, and states only what differs.
 */
import type { ConfigMap } from './merge';

export const BASE_CLUSTER = 'apps';
export const CLUSTERS = ['apps', 'ops'] as const;
export type ClusterName = (typeof CLUSTERS)[number];

export function appsBase(name: string, region: string): ConfigMap {
  return {
    name_prefix: name,
    region,
    node_locations: ['b', 'c', 'd'].map((zone) => `${region}-${zone}`),
    kubernetes_version: '1.30',
    machine_type: 'e2-standard-4',
    min_node_count: 1,
    max_node_count: 10,
  };
}

/** ops: a single small zone, no room to autoscale; everything else inherited from apps. */
export function opsDifferences(region: string): ConfigMap {
  return { node_locations: [`${region}-b`], max_node_count: 1 };
}

export interface TerraformVariable {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  /** The name padded to the longest one, so generated blocks are already `terraform fmt`-aligned. */
  readonly padded: string;
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  name_prefix: 'Prefix of every resource name; the cluster is <name_prefix>-<cluster>.',
  region: 'Cloud region.',
  node_locations: 'Zones the nodes run in.',
  kubernetes_version: 'Minimum Kubernetes master version.',
  machine_type: 'Machine type of the default node pool.',
  min_node_count: 'Autoscaling floor per zone.',
  max_node_count: 'Autoscaling ceiling per zone.',
};

function terraformType(value: unknown): string {
  if (Array.isArray(value)) return 'list(string)';
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'bool' : 'string';
}

/** One variable per configuration key: a cluster module takes the merged configuration. */
export function terraformVariables(config: ConfigMap): TerraformVariable[] {
  const width = Math.max(...Object.keys(config).map((key) => key.length));
  return Object.entries(config).map(([name, value]) => ({
    name,
    padded: name.padEnd(width),
    type: terraformType(value),
    description: DESCRIPTIONS[name] ?? name,
  }));
}
