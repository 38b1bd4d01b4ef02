import type { ServiceType } from '@eleventh/platform';
import type { TemplateClass } from './lib/classes';

export interface ServiceGeneratorSchema {
  /** The service (DNS-1123 label), also its folder under services/. */
  name: string;
  /** An existing namespace. */
  namespace: string;
  /** @default 'http' */
  type?: ServiceType;
  /** http only. @default 8080 */
  port?: number;
  /** cron only. @default '0 * * * *' */
  schedule?: string;
  /** The template class. @default 'node' */
  template?: TemplateClass;
  skipFormat?: boolean;
}
