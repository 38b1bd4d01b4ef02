/**
 * Kyverno `ClusterPolicy` (kyverno.io/v1). kubernetes-models has no Kyverno package, so this is a small
 * Model of our own, like `helm/flux-models.ts`: `validate()` checks the fields we build against a declared
 * shape (`shape.ts`), which also lets `checkObject` find unknown fields. The builder covers what profiles
 * need: validate rules with a pattern, matched and excluded by kind and namespace, each with its own
 * failure action (the per-rule `failureAction` of Kyverno ≥ 1.13; the spec-level one is deprecated).
 */
import { Model } from '@kubernetes-models/base';
import { KitError, show } from '../../errors';
import { isDnsSubdomain } from '../names';
import type { KubeObject } from '../types';
import { checkShape, type Shape } from './shape';

export const KYVERNO_API = 'kyverno.io/v1';

/** Which resources a rule looks at. */
export interface ResourceFilter {
  /** Kinds, e.g. `['Pod']` (Kyverno applies Pod rules to controllers' pod templates too). */
  readonly kinds: readonly string[];
  /** Only in these namespaces. @default every namespace */
  readonly namespaces?: readonly string[];
}

export interface ClusterPolicyRule {
  /** DNS-1123 label, unique in the policy. */
  readonly name: string;
  readonly match: ResourceFilter;
  readonly exclude?: ResourceFilter;
  /** What a refused resource's author reads. */
  readonly message: string;
  /** `Enforce` refuses the write; `Audit` admits it and reports. @default 'Audit' */
  readonly failureAction?: 'Audit' | 'Enforce';
  /** The Kyverno pattern the resource must match (free-form: wildcards, anchors). */
  readonly pattern: Readonly<Record<string, unknown>>;
}

export interface ClusterPolicyProps {
  /** DNS-1123 subdomain; cluster-wide, so name it after the profile. */
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** One line shown in policy reports (`policies.kyverno.io/title`). */
  readonly title: string;
  /** Why the policy exists (`policies.kyverno.io/description`). */
  readonly description: string;
  /** Also scan existing resources, not only admissions. @default true */
  readonly background?: boolean;
  readonly rules: readonly ClusterPolicyRule[];
}

const FILTER: Shape = { fields: { resources: { fields: { kinds: { list: 'string', minItems: 1 }, namespaces: { list: 'string' } }, required: ['kinds'] } }, required: ['resources'] };
const FILTERS: Shape = { fields: { any: { list: FILTER, minItems: 1 } }, required: ['any'] };

/** The fields of a ClusterPolicy this kit builds. */
const SHAPE: Shape = {
  fields: {
    apiVersion: { enum: [KYVERNO_API] },
    kind: { enum: ['ClusterPolicy'] },
    metadata: { fields: { name: 'string', labels: 'strings', annotations: 'strings' }, required: ['name'] },
    spec: {
      fields: {
        background: 'boolean',
        rules: {
          list: {
            fields: {
              name: 'string',
              match: FILTERS,
              exclude: FILTERS,
              validate: { fields: { message: 'string', failureAction: { enum: ['Audit', 'Enforce'] }, pattern: 'any' }, required: ['message', 'failureAction', 'pattern'] },
            },
            required: ['name', 'match', 'validate'],
          },
          minItems: 1,
        },
      },
      required: ['rules'],
    },
  },
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
};

interface IClusterPolicy {
  apiVersion: typeof KYVERNO_API;
  kind: 'ClusterPolicy';
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: { background: boolean; rules: Array<Record<string, unknown>> };
}

export class ClusterPolicy extends Model<IClusterPolicy> {
  static readonly apiVersion = KYVERNO_API;
  static readonly kind = 'ClusterPolicy';
  declare apiVersion: IClusterPolicy['apiVersion'];
  declare kind: IClusterPolicy['kind'];
  declare metadata: IClusterPolicy['metadata'];
  declare spec: IClusterPolicy['spec'];
  constructor(data: Omit<IClusterPolicy, 'apiVersion' | 'kind'>) {
    super();
    this.setDefinedProps({ apiVersion: ClusterPolicy.apiVersion, kind: ClusterPolicy.kind, ...data } as IClusterPolicy);
  }
  override validate(): void {
    const findings = checkShape(this, SHAPE, '');
    if (findings.length > 0) throw new Error(findings.join('; '));
  }
}

function filter(f: ResourceFilter): object {
  return { any: [{ resources: { kinds: [...f.kinds], ...(f.namespaces ? { namespaces: [...f.namespaces] } : {}) } }] };
}

function checkRules(policy: string, rules: readonly ClusterPolicyRule[]): void {
  if (rules.length === 0) throw new KitError(`ClusterPolicy ${show(policy)} has no rules`, 'at least one rule');
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.name)) throw new KitError(`ClusterPolicy ${show(policy)} has two rules named ${show(rule.name)}`, 'unique rule names');
    seen.add(rule.name);
    if (rule.match.kinds.length === 0) throw new KitError(`rule ${show(rule.name)} of ClusterPolicy ${show(policy)} matches no kinds`, "at least one kind, e.g. 'Pod'");
    if (rule.message.trim() === '') throw new KitError(`rule ${show(rule.name)} of ClusterPolicy ${show(policy)} has an empty message`, 'what the refused resource did wrong');
  }
}

/** A Kyverno ClusterPolicy of validate rules; throws a KitError for a bad name or rule. */
export function renderClusterPolicy(props: ClusterPolicyProps): KubeObject {
  if (!isDnsSubdomain(props.name)) throw new KitError(`ClusterPolicy name ${show(props.name)} is not a DNS-1123 subdomain`, 'lowercase letters, digits, - and .');
  checkRules(props.name, props.rules);
  return new ClusterPolicy({
    metadata: {
      name: props.name,
      ...(props.labels ? { labels: { ...props.labels } } : {}),
      annotations: { 'policies.kyverno.io/title': props.title, 'policies.kyverno.io/description': props.description },
    },
    spec: {
      background: props.background ?? true,
      rules: props.rules.map((r) => ({
        name: r.name,
        match: filter(r.match),
        ...(r.exclude ? { exclude: filter(r.exclude) } : {}),
        validate: { message: r.message, failureAction: r.failureAction ?? 'Audit', pattern: r.pattern },
      })),
    },
  }) as unknown as KubeObject;
}
