/**
 * The service's own ServiceAccount, with API token automounting off.
 */
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IdentityProps } from './labels';
import { serviceMetadata } from './labels';

export type ServiceAccountProps = IdentityProps;

/** Build the ServiceAccount named after the service. */
export function serviceAccount(props: ServiceAccountProps): ServiceAccount {
  return new ServiceAccount({ metadata: serviceMetadata(props), automountServiceAccountToken: false });
}
