/**
 * Kubernetes name rules (DNS-1123), shared by construction checks and `checkObject`. The label rule itself
 * is the platform's one names module (../names.ts).
 */
import { KitError, show } from '../errors';
import { DNS_LABEL_EXPECTED, isDnsLabel } from '../names';

export { DNS_LABEL_EXPECTED, isDnsLabel };

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** What a DNS-1123 subdomain looks like, for `expected` in messages. */
export const DNS_SUBDOMAIN_EXPECTED =
  "a DNS-1123 subdomain: at most 253 characters of a-z, 0-9, '-' and '.', each part starting and ending with a letter or digit";

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
