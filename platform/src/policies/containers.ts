/**
 * Find the pod spec and containers inside any workload kind's JSON.
 */

/** A container as policies see it (a subset of the Kubernetes Container). */
export interface ContainerJson {
  readonly name?: string;
  readonly image?: string;
  readonly securityContext?: { readonly runAsNonRoot?: boolean; readonly readOnlyRootFilesystem?: boolean };
  readonly resources?: { readonly requests?: Record<string, unknown>; readonly limits?: Record<string, unknown> };
}

/** A pod spec as policies see it. */
export interface PodSpecJson {
  readonly securityContext?: { readonly runAsNonRoot?: boolean };
  readonly containers?: readonly ContainerJson[];
  readonly initContainers?: readonly ContainerJson[];
}

type Json = Readonly<Record<string, unknown>>;

function at(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), value);
}

/** The pod spec of a Pod, a pod-template workload, or a CronJob; undefined for other kinds. */
export function podSpecOf(object: Json): PodSpecJson | undefined {
  const spec =
    object.kind === 'Pod'
      ? at(object, 'spec')
      : object.kind === 'CronJob'
        ? at(object, 'spec', 'jobTemplate', 'spec', 'template', 'spec')
        : at(object, 'spec', 'template', 'spec');
  return spec && typeof spec === 'object' ? (spec as PodSpecJson) : undefined;
}

/** Every container and init container, with a label for messages (`container 'api'`). */
export function containersOf(object: Json): { label: string; container: ContainerJson }[] {
  const pod = podSpecOf(object);
  if (!pod) return [];
  const all = [
    ...(pod.initContainers ?? []).map((c) => ({ label: `init container '${c.name ?? '?'}'`, container: c })),
    ...(pod.containers ?? []).map((c) => ({ label: `container '${c.name ?? '?'}'`, container: c })),
  ];
  return all;
}
