/**
 * The ClusterIP Service in front of an http service (port 80 → the container's `http` port).
 */
import { Service } from 'kubernetes-models/v1/Service';
import type { IdentityProps } from './labels';
import { selectorLabels, serviceMetadata } from './labels';

export interface HttpServiceProps extends IdentityProps {
  /** Port the Service exposes inside the cluster. @default 80 */
  readonly servicePort?: number;
}

/** Build the Service. */
export function httpService(props: HttpServiceProps): Service {
  return new Service({
    metadata: serviceMetadata(props),
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(props),
      ports: [{ name: 'http', port: props.servicePort ?? 80, targetPort: 'http', protocol: 'TCP' }],
    },
  });
}
