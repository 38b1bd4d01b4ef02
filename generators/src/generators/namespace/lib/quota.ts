/**
 * A namespace's resource quota from `--quota cpu=8,memory=16Gi,pods=50` and the `--quota-*` flags,
 * over the platform's defaults (platform/defaults.yaml `tenant.quota`).
 */
import type { Tree } from '@nx/devkit';
import { GeneratorError } from '../../../utils/errors';
import { readYamlMap } from '../../../utils/environments';

export interface Quota {
  readonly cpu: string;
  readonly memory: string;
  readonly pods: number;
}

export const PLATFORM_DEFAULTS = 'platform/defaults.yaml';
export const BUILT_IN_QUOTA: Quota = { cpu: '8', memory: '16Gi', pods: 50 };

const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi|T|Ti|P|Pi|E|Ei)?$/;
const QUANTITY_EXPECTED = 'a Kubernetes quantity such as 8, 500m or 16Gi';

export interface QuotaFlags {
  readonly quota?: string;
  /** Nx parses `--quotaCpu 40` as a number: both kinds are accepted and written as a string. */
  readonly quotaCpu?: string | number;
  readonly quotaMemory?: string | number;
  readonly quotaPods?: number;
}

/** The platform's default tenant quota, or the built-in one when the workspace has no defaults file. */
export function defaultQuota(tree: Tree): Quota {
  if (!tree.exists(PLATFORM_DEFAULTS)) return BUILT_IN_QUOTA;
  const tenant = readYamlMap(tree, PLATFORM_DEFAULTS).tenant as { quota?: Partial<Quota> } | undefined;
  return { ...BUILT_IN_QUOTA, ...(tenant?.quota ?? {}) };
}

/** Parse `cpu=8,memory=16Gi,pods=50` (any subset, any order). */
export function parseQuota(text: string): Partial<Record<keyof Quota, string>> {
  const out: Partial<Record<keyof Quota, string>> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [key, value, ...rest] = part.split('=');
    if (!['cpu', 'memory', 'pods'].includes(key) || value === undefined || value === '' || rest.length) {
      throw new GeneratorError('--quota', `cannot read '${part}'`, 'cpu=<quantity>,memory=<quantity>,pods=<integer>');
    }
    out[key as keyof Quota] = value;
  }
  return out;
}

/** The quota to write: defaults, then `--quota`, then the `--quota-*` flags; every value checked. */
export function resolveQuota(tree: Tree, flags: QuotaFlags): Quota {
  const given = flags.quota ? parseQuota(flags.quota) : {};
  const defaults = defaultQuota(tree);
  const cpu = String(flags.quotaCpu ?? given.cpu ?? defaults.cpu);
  const memory = String(flags.quotaMemory ?? given.memory ?? defaults.memory);
  const pods = flags.quotaPods ?? (given.pods !== undefined ? Number(given.pods) : defaults.pods);
  if (!QUANTITY.test(cpu)) throw new GeneratorError('--quota-cpu', `'${cpu}' is not a quantity`, QUANTITY_EXPECTED);
  if (!QUANTITY.test(memory)) {
    throw new GeneratorError('--quota-memory', `'${memory}' is not a quantity`, QUANTITY_EXPECTED);
  }
  if (!Number.isInteger(pods) || pods < 0) {
    throw new GeneratorError('--quota-pods', `'${given.pods ?? pods}' is not a pod count`, 'an integer ≥ 0');
  }
  return { cpu, memory, pods };
}
