/**
 * Traefik: the ingress controller. ingress-nginx was retired upstream (best-effort maintenance ended March
 * 2026), so the base cluster starts on Traefik: it serves standard `Ingress` objects and Gateway API, and its
 * `kubernetesIngressNGINX` provider reads ingress-nginx annotations, so teams migrate without rewriting.
 */
import { defineAddon } from './addon';
import type { ChartDisruptionBudget, ChartResources } from './values';
import { HA_REPLICAS } from './values';

export interface TraefikValues {
  readonly deployment: { readonly replicas: number };
  readonly podDisruptionBudget: ChartDisruptionBudget;
  readonly resources: ChartResources;
  readonly ingressClass: { readonly enabled: boolean; readonly isDefaultClass: boolean; readonly name: string };
  readonly providers: {
    readonly kubernetesIngress: { readonly enabled: boolean };
    readonly kubernetesIngressNGINX: { readonly enabled: boolean };
    readonly kubernetesGateway: { readonly enabled: boolean };
  };
  readonly ports: { readonly web: { readonly redirections: { readonly entryPoint: { readonly to: string; readonly scheme: string } } } };
  readonly logs: { readonly access: { readonly enabled: boolean } };
  readonly metrics: { readonly prometheus: { readonly serviceMonitor: { readonly enabled: boolean } } };
}

export const traefik = defineAddon<TraefikValues>({
  name: 'traefik',
  description: 'Ingress controller (Ingress, Gateway API, ingress-nginx annotations for migration)',
  chart: 'traefik',
  version: '40.0.0',
  repository: { name: 'traefik', url: 'https://traefik.github.io/charts' },
  namespace: 'traefik',
  dependsOn: [{ name: 'kube-prometheus-stack', optional: true }],
  values: (ctx) => ({
    deployment: { replicas: HA_REPLICAS },
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
    ingressClass: { enabled: true, isDefaultClass: true, name: 'traefik' },
    providers: { kubernetesIngress: { enabled: true }, kubernetesIngressNGINX: { enabled: true }, kubernetesGateway: { enabled: true } },
    ports: { web: { redirections: { entryPoint: { to: 'websecure', scheme: 'https' } } } },
    logs: { access: { enabled: true } },
    metrics: { prometheus: { serviceMonitor: { enabled: ctx.enabled('kube-prometheus-stack') } } },
  }),
});
