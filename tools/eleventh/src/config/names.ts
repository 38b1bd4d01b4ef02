/** Name rules for environment, namespace and service folders. */

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const DNS_1123_EXPECTED = "a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit";

export function isDns1123Label(name: string): boolean {
  return name.length <= 63 && DNS_1123_LABEL.test(name);
}

/** Folder names starting with `_` are generated layers (`_platform`, `_flux`). */
export function isReserved(name: string): boolean {
  return name.startsWith('_');
}
