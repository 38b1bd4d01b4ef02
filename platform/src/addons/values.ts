/** Value shapes several add-ons share. */

/** Container resources as most charts take them. */
export interface ChartResources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits?: { readonly cpu?: string; readonly memory: string };
}

/** `podDisruptionBudget` as cert-manager, external-secrets and Traefik spell it. */
export interface ChartDisruptionBudget {
  readonly enabled: boolean;
  readonly minAvailable?: number;
  readonly maxUnavailable?: number;
}

/** Two replicas spread over nodes, for controllers whose outage blocks the cluster (webhooks). */
export const HA_REPLICAS = 2;
