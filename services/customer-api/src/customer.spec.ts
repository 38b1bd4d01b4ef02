import { describe, expect, it } from 'vitest';
import { validateCustomer } from './customer';

describe('validateCustomer', () => {
  it('normalises email and country and trims text', () => {
    const result = validateCustomer({ id: 'c-1a2b', name: ' Ada Lovelace ', email: ' Ada@Example.COM', country: 'gb' });
    expect(result).toEqual({
      ok: true,
      customer: { id: 'c-1a2b', name: 'Ada Lovelace', email: 'ada@example.com', country: 'GB' },
    });
  });

  it('reports every problem with what was expected', () => {
    const result = validateCustomer({ id: 'x', name: '', email: 'nope', country: 'GBR', vip: true });
    expect(result).toEqual({
      ok: false,
      errors: [
        "id: invalid (expected 'c-' and 4–32 lower-case letters or digits)",
        'name: missing (expected a non-empty string)',
        'email: invalid (expected name@domain.tld)',
        'country: invalid (expected a 2-letter ISO code)',
        'vip: unknown key (expected id, name, email, country)',
      ],
    });
  });

  it.each([null, 'ada', [1, 2]])('rejects %j as not an object', (body) => {
    expect(validateCustomer(body)).toEqual({
      ok: false,
      errors: ['(body): not an object (expected {id, name, email, country})'],
    });
  });
});
