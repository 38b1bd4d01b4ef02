/**
 * The observability profile's add-on: Prometheus blackbox exporter, probing services' endpoints from
 * inside the cluster. Its ServiceMonitor uses the base kube-prometheus-stack's CRDs, so it depends on it.
 */
import { defineAddon } from '../addons/addon';
import type { ChartResources } from '../addons/values';

export interface BlackboxExporterValues {
  readonly replicas: number;
  readonly resources: ChartResources;
  readonly serviceMonitor: { readonly enabled: boolean; readonly selfMonitor: { readonly enabled: boolean } };
  readonly config: { readonly modules: Readonly<Record<string, { readonly prober: string; readonly timeout: string; readonly http?: { readonly preferred_ip_protocol: string } }>> };
}

export const blackboxExporter = defineAddon<BlackboxExporterValues>({
  name: 'blackbox-exporter',
  description: 'Endpoint probes (HTTP, TCP) for the metrics stack',
  chart: 'prometheus-blackbox-exporter',
  version: '11.25.0',
  repository: { name: 'prometheus-community', url: 'oci://ghcr.io/prometheus-community/charts' },
  namespace: 'observability',
  releaseName: 'blackbox-exporter',
  dependsOn: [{ name: 'kube-prometheus-stack', optional: true }],
  values: (ctx) => ({
    replicas: 1,
    resources: { requests: { cpu: '25m', memory: '32Mi' }, limits: { memory: '128Mi' } },
    serviceMonitor: { enabled: false, selfMonitor: { enabled: ctx.enabled('kube-prometheus-stack') } },
    config: { modules: { http_2xx: { prober: 'http', timeout: '5s', http: { preferred_ip_protocol: 'ip4' } }, tcp_connect: { prober: 'tcp', timeout: '5s' } } },
  }),
});
