import { describe, expect, it } from 'vitest';
import { formatAmount, parsePayment } from './payment';

describe('parsePayment', () => {
  it('accepts a valid payment and returns it typed', () => {
    const result = parsePayment({ amount: 1999, currency: 'EUR', reference: 'order-42' });
    expect(result).toEqual({ ok: true, payment: { amount: 1999, currency: 'EUR', reference: 'order-42' } });
  });

  it('reports every bad field, not only the first', () => {
    const result = parsePayment({ amount: 12.5, currency: 'XYZ', reference: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = new Set(result.errors.map((e) => e.split(':')[0]));
    expect([...fields]).toEqual(['amount', 'currency', 'reference']);
    expect(result.errors[0]).toBe('amount: Expected integer, received float');
  });

  it.each([
    ['a negative amount', { amount: -1, currency: 'EUR', reference: 'r' }],
    ['an unknown key', { amount: 1, currency: 'EUR', reference: 'r', tip: 5 }],
    ['a reference with spaces', { amount: 1, currency: 'EUR', reference: 'a b' }],
    ['a body that is not an object', 'pay me'],
  ])('rejects %s', (_, body) => {
    expect(parsePayment(body).ok).toBe(false);
  });
});

describe('formatAmount', () => {
  it.each([
    [1234, 'EUR', '12.34 EUR'],
    [5, 'USD', '0.05 USD'],
    [100, 'GBP', '1.00 GBP'],
    [500, 'JPY', '500 JPY'],
  ] as const)('%i %s → %s', (amount, currency, expected) => {
    expect(formatAmount(amount, currency)).toBe(expected);
  });
});
