/** Customer records: validation and normalisation, hand-written (this service imports no packages). */

export interface Customer {
  readonly id: string;
  readonly name: string;
  /** Lower-cased, trimmed. */
  readonly email: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

export type Validation = { readonly ok: true; readonly customer: Customer } | { readonly ok: false; readonly errors: string[] };

const ID = /^c-[0-9a-z]{4,32}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY = /^[A-Z]{2}$/;

function text(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** Every problem with `body`, each as `field: what is wrong (expected …)`, or the normalised customer. */
export function validateCustomer(body: unknown): Validation {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: ['(body): not an object (expected {id, name, email, country})'] };
  }
  const input = body as Record<string, unknown>;
  const id = text(input, 'id');
  const name = text(input, 'name');
  const email = text(input, 'email')?.toLowerCase();
  const country = text(input, 'country')?.toUpperCase();
  const errors: string[] = [];
  if (!id || !ID.test(id)) errors.push("id: invalid (expected 'c-' and 4–32 lower-case letters or digits)");
  if (!name) errors.push('name: missing (expected a non-empty string)');
  if (!email || !EMAIL.test(email)) errors.push('email: invalid (expected name@domain.tld)');
  if (!country || !COUNTRY.test(country)) errors.push('country: invalid (expected a 2-letter ISO code)');
  const unknown = Object.keys(input).filter((k) => !['id', 'name', 'email', 'country'].includes(k));
  unknown.forEach((k) => errors.push(`${k}: unknown key (expected id, name, email, country)`));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, customer: { id: id!, name: name!, email: email!, country: country! } };
}
