/** Helpers the environment rules share: walk a service's objects, its workloads and their containers. */
import { containersOf, podSpecOf, type ContainerJson, type PodSpecJson } from '../containers';
import type { EnvironmentFinding, PolicyEnvironment, PolicyService, RenderedObject } from './types';

export type Json = Readonly<Record<string, unknown>>;

/** `Kind namespace/name` for messages. */
export function label(o: Json): string {
  const meta = (o.metadata ?? {}) as { name?: string; namespace?: string };
  return `${String(o.kind)} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name ?? '?'}`;
}

/** Every (service, object) pair of the environment. */
export function eachObject(env: PolicyEnvironment): Array<{ service: PolicyService; item: RenderedObject }> {
  return env.services.flatMap((service) => service.objects.map((item) => ({ service, item })));
}

/** A finding on a rendered object. */
export function at(service: PolicyService, item: RenderedObject, message: string): EnvironmentFinding {
  return { file: item.file, namespace: service.namespace, service: service.name, message: `${label(item.object)}: ${message}` };
}

/** One finding per object the predicate describes (it returns the messages for one object). */
export function perObject(env: PolicyEnvironment, messages: (o: Json, service: PolicyService) => string[]): EnvironmentFinding[] {
  return eachObject(env).flatMap(({ service, item }) => messages(item.object, service).map((m) => at(service, item, m)));
}

export function podOf(o: Json): PodSpecJson | undefined {
  return podSpecOf(o);
}

export function containers(o: Json): { label: string; container: ContainerJson }[] {
  return containersOf(o);
}

/** The Deployments, StatefulSets and DaemonSets of a service. */
export function longRunning(service: PolicyService): RenderedObject[] {
  return service.objects.filter((i) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(String(i.object.kind)));
}

/** The fewest pods a workload runs: its HPA's minReplicas, else spec.replicas (default 1). */
export function replicaBounds(service: PolicyService, workload: Json): { min: number; max: number } {
  const name = (workload.metadata as { name?: string } | undefined)?.name;
  const hpa = service.objects.find((i) => i.object.kind === 'HorizontalPodAutoscaler' && (i.object.spec as { scaleTargetRef?: { name?: string } } | undefined)?.scaleTargetRef?.name === name);
  if (hpa) {
    const spec = hpa.object.spec as { minReplicas?: number; maxReplicas?: number };
    return { min: spec.minReplicas ?? 1, max: spec.maxReplicas ?? spec.minReplicas ?? 1 };
  }
  const replicas = (workload.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  return { min: replicas, max: replicas };
}

/** The pod template's labels (what a PDB or a spread constraint must select). */
export function podLabels(workload: Json): Record<string, string> {
  return ((workload.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template?.metadata?.labels ?? {});
}

/** True when every `matchLabels` entry is among `labels` (and there is at least one). */
export function selects(selector: unknown, labels: Record<string, string>): boolean {
  const match = (selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels ?? {};
  const keys = Object.keys(match);
  return keys.length > 0 && keys.every((k) => labels[k] === match[k]);
}
