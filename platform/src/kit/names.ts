/**
 * Kubernetes name rules (DNS-1123), shared by construction checks and `checkObject`.
 */
import { KitError, show } from '../errors';

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** What a DNS-1123 label looks like, for `expected` in messages. */
export const DNS_LABEL_EXPECTED =
  "a DNS-1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit";

/** What a DNS-1123 subdomain looks like, for `expected` in messages. */
export const DNS_SUBDOMAIN_EXPECTED =
  "a DNS-1123 subdomain: at most 253 characters of a-z, 0-9, '-' and '.', each part starting and ending with a letter or digit";

/** True for a DNS-1123 label (namespaces, services, our service names). */
export function isDnsLabel(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && LABEL.test(value);
}

/** True for a DNS-1123 subdomain (most object names). */
export function isDnsSubdomain(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 253 && SUBDOMAIN.test(value);
}

/** True for a valid label value (at most 63 characters of alphanumerics, '-', '_', '.'). */
export function isLabelValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && LABEL_VALUE.test(value);
}

/** Throw a KitError unless `value` is a DNS-1123 label; `key` names the field in the message. */
export function assertDnsLabel(key: string, value: unknown): asserts value is string {
  if (!isDnsLabel(value)) {
    throw new KitError(`'${key}' (${show(value)}) is not a DNS-1123 label`, DNS_LABEL_EXPECTED);
  }
}
