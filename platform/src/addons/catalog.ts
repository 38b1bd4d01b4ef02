/**
 * The base cluster's add-ons, in the order they render. Every environment gets each of them unless its
 * configuration turns it off (`platform.addons.<name>: false`). Why each one, and why this version:
 * platform/README.md.
 */
import type { AddonDefinition } from './addon';
import { certManager } from './cert-manager';
import { externalSecrets } from './external-secrets';
import { kubePrometheusStack } from './kube-prometheus-stack';
import { kyverno, kyvernoPolicies } from './kyverno';
import { traefik } from './traefik';

export const BASE_ADDONS: readonly AddonDefinition[] = [kubePrometheusStack, certManager, traefik, externalSecrets, kyverno, kyvernoPolicies];
