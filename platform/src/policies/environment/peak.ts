/**
 * A namespace's peak demand: for each workload, its most pods (HPA maxReplicas, else replicas) plus the
 * rolling update's surge on top of them (maxSurge: a count, or a percentage rounded up; 25% by default),
 * times the pod's requests. A CronJob or Job counts its parallelism (default 1).
 */
import { bytes, millicores } from './quantity';
import { replicaBounds, type Json } from './objects';
import type { PolicyService } from './types';

export interface WorkloadPeak {
  readonly service: string;
  readonly workload: string;
  /** Pods at the peak (max replicas + surge). */
  readonly pods: number;
  readonly max: number;
  readonly surge: number;
  /** Per pod, millicores and bytes. */
  readonly cpu: number;
  readonly memory: number;
}

type Resources = { resources?: { requests?: Record<string, unknown> } };

/** The pod's requests: its containers together, or its largest init container if that is more. */
export function podRequests(pod: { containers?: Resources[]; initContainers?: Resources[] } | undefined): { cpu: number; memory: number } {
  const of = (c: Resources) => ({ cpu: millicores(c.resources?.requests?.cpu) ?? 0, memory: bytes(c.resources?.requests?.memory) ?? 0 });
  const main = (pod?.containers ?? []).map(of).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
  const init = (pod?.initContainers ?? []).map(of);
  return { cpu: Math.max(main.cpu, ...init.map((i) => i.cpu)), memory: Math.max(main.memory, ...init.map((i) => i.memory)) };
}

/** The surge on top of `max` pods during a rolling update. */
export function surgeOf(deployment: Json, max: number): number {
  const strategy = (deployment.spec as { strategy?: { type?: string; rollingUpdate?: { maxSurge?: unknown } } } | undefined)?.strategy;
  if (strategy?.type === 'Recreate') return 0;
  const raw = strategy?.rollingUpdate?.maxSurge ?? '25%';
  if (typeof raw === 'number') return raw;
  const pct = /^(\d+)%$/.exec(String(raw));
  return pct ? Math.ceil((max * Number(pct[1])) / 100) : Number(raw) || 0;
}

function template(o: Json): { spec?: object } | undefined {
  const spec = o.spec as { template?: { spec?: object }; jobTemplate?: { spec?: { template?: { spec?: object } } } } | undefined;
  return o.kind === 'CronJob' ? spec?.jobTemplate?.spec?.template : spec?.template;
}

/** Every workload of the service at its peak. */
export function servicePeaks(service: PolicyService): WorkloadPeak[] {
  return service.objects.flatMap(({ object: o }) => {
    const kind = String(o.kind);
    const name = `${kind} ${(o.metadata as { name?: string } | undefined)?.name ?? '?'}`;
    const requests = podRequests(template(o)?.spec as Parameters<typeof podRequests>[0]);
    if (kind === 'Deployment' || kind === 'StatefulSet') {
      const { max } = replicaBounds(service, o);
      const surge = kind === 'Deployment' ? surgeOf(o, max) : 0;
      return [{ service: service.name, workload: name, pods: max + surge, max, surge, ...requests }];
    }
    if (kind === 'CronJob' || kind === 'Job') {
      const jobSpec = (kind === 'CronJob' ? (o.spec as { jobTemplate?: { spec?: { parallelism?: number } } }).jobTemplate?.spec : o.spec) as { parallelism?: number } | undefined;
      const pods = jobSpec?.parallelism ?? 1;
      return [{ service: service.name, workload: name, pods, max: pods, surge: 0, ...requests }];
    }
    return [];
  });
}
