/**
 * The platform's standard labels and annotations on every object a service renders.
 */
import { KitError, show } from '../errors';
import { isLabelValue } from './names';

/** Label keys the platform sets. */
export const LABEL = {
  name: 'app.kubernetes.io/name',
  instance: 'app.kubernetes.io/instance',
  partOf: 'app.kubernetes.io/part-of',
  managedBy: 'app.kubernetes.io/managed-by',
  version: 'app.kubernetes.io/version',
  team: 'eleventh.dev/team',
  environment: 'eleventh.dev/environment',
} as const;

/** Annotation keys the platform sets. */
export const ANNOTATION = {
  commit: 'eleventh.dev/commit',
  values: 'eleventh.dev/values-sha256',
} as const;

/** The value of `app.kubernetes.io/managed-by`. */
export const MANAGED_BY = 'eleventh';

export interface IdentityProps {
  /** Service name. */
  readonly name: string;
  /** Tenant namespace. */
  readonly namespace: string;
  /** Environment name. */
  readonly environment: string;
  /** The service's 40-hex pin. */
  readonly commit: string;
}

/** Labels that never change for a service in an environment: safe for (immutable) selectors. */
export function selectorLabels(p: IdentityProps): Record<string, string> {
  const instance = `${p.name}-${p.environment}`;
  if (!isLabelValue(instance)) {
    throw new KitError(
      `label '${LABEL.instance}' (${show(instance)}) is not a valid label value`,
      'service name and environment together at most 62 characters',
    );
  }
  return { [LABEL.name]: p.name, [LABEL.instance]: instance };
}

/** All standard labels of a service's objects. */
export function serviceLabels(p: IdentityProps): Record<string, string> {
  return {
    ...selectorLabels(p),
    [LABEL.partOf]: p.namespace,
    [LABEL.managedBy]: MANAGED_BY,
    [LABEL.version]: p.commit.slice(0, 12),
  };
}

/** Standard annotations of a service's objects. */
export function serviceAnnotations(p: IdentityProps): Record<string, string> {
  return { [ANNOTATION.commit]: p.commit };
}

/** Standard metadata for one object of a service. */
export function serviceMetadata(p: IdentityProps, name: string = p.name) {
  return { name, namespace: p.namespace, labels: serviceLabels(p), annotations: serviceAnnotations(p) };
}

/** The identity of a service being rendered into one environment. */
export function identityOf(spec: { name: string; namespace: string }, ctx: { environment: string; commit: string }): IdentityProps {
  return { name: spec.name, namespace: spec.namespace, environment: ctx.environment, commit: ctx.commit };
}
