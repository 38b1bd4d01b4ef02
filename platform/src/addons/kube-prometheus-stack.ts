/**
 * kube-prometheus-stack: the Prometheus operator, Prometheus, Alertmanager, node and kube-state metrics.
 * It installs the monitoring.coreos.com CRDs (ServiceMonitor, PrometheusRule) every other add-on's
 * monitoring uses, so those releases `dependsOn` it. From the official OCI registry (ghcr.io), which the
 * chart maintainers publish to alongside the HTTPS index.
 */
import { defineAddon } from './addon';
import type { ChartResources } from './values';

export interface KubePrometheusStackValues {
  readonly crds: { readonly enabled: boolean };
  readonly grafana: { readonly enabled: boolean };
  readonly alertmanager: { readonly enabled: boolean };
  readonly prometheus: {
    readonly prometheusSpec: {
      readonly retention: string;
      readonly replicas: number;
      readonly resources: ChartResources;
      /** Pick up every ServiceMonitor/PodMonitor/rule, not only the chart's own. */
      readonly serviceMonitorSelectorNilUsesHelmValues: boolean;
      readonly podMonitorSelectorNilUsesHelmValues: boolean;
      readonly ruleSelectorNilUsesHelmValues: boolean;
      readonly externalLabels: { readonly environment: string };
    };
  };
}

export const kubePrometheusStack = defineAddon<KubePrometheusStackValues>({
  name: 'kube-prometheus-stack',
  description: 'Prometheus operator, Prometheus, Alertmanager, node and kube-state metrics (monitoring CRDs)',
  chart: 'kube-prometheus-stack',
  version: '87.12.5',
  repository: { name: 'prometheus-community', url: 'oci://ghcr.io/prometheus-community/charts' },
  namespace: 'monitoring',
  values: (ctx) => ({
    crds: { enabled: true },
    grafana: { enabled: false },
    alertmanager: { enabled: true },
    prometheus: {
      prometheusSpec: {
        retention: '15d',
        replicas: 1,
        resources: { requests: { cpu: '250m', memory: '1Gi' }, limits: { memory: '4Gi' } },
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        ruleSelectorNilUsesHelmValues: false,
        externalLabels: { environment: ctx.environment },
      },
    },
  }),
});
