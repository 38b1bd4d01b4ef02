/**
 * payments-api's manifest: an http service in `payments`, reachable from `customer` (checkout).
 * `customize` gives in-flight payments a minute to finish when a pod is stopped. Its database password comes
 * from the environment's secret store by reference (`secrets`), never as a literal; each environment's
 * overrides.yaml may add more (staging mounts the provider's API key as a file).
 */
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { defineService, type KubeObject } from '@eleventh/platform';

/** Seconds a stopping pod gets to drain in-flight payments (Kubernetes default: 30). */
const DRAIN_SECONDS = 60;

function longerDrain(objects: KubeObject[]): KubeObject[] {
  for (const object of objects) {
    const pod = object instanceof Deployment ? object.spec?.template.spec : undefined;
    if (pod) pod.terminationGracePeriodSeconds = DRAIN_SECONDS;
  }
  return objects;
}

export default defineService({
  name: 'payments-api',
  namespace: 'payments',
  type: 'http',
  port: 8080,
  allowFrom: ['customer'],
  secrets: {
    'db-password': { path: 'payments/payments-api/db', key: 'password', env: 'DB_PASSWORD' },
  },
  customize: (objects) => longerDrain(objects),
});
