import { describe, expect, it } from 'vitest';
import { scoreTransaction, Transaction } from './score';

const clean = { amount: 2_500, country: 'DE', accountAgeDays: 400, attemptsLastHour: 1 };

describe('scoreTransaction', () => {
  it('allows a clean transaction with no reasons', () => {
    expect(scoreTransaction(clean)).toEqual({ score: 0, decision: 'allow', reasons: [] });
  });

  it('sends a large payment from a new account to review', () => {
    const result = scoreTransaction({ ...clean, amount: 750_000, accountAgeDays: 2 });
    expect(result).toEqual({ score: 55, decision: 'review', reasons: ['large amount', 'new account'] });
  });

  it('blocks when the rules add up past the threshold, capped at 100', () => {
    const result = scoreTransaction({ amount: 900_000, country: 'KP', accountAgeDays: 0, attemptsLastHour: 9 });
    expect(result.decision).toBe('block');
    expect(result.score).toBe(100);
    expect(result.reasons).toHaveLength(4);
  });

  it('reviews exactly at the review threshold', () => {
    expect(scoreTransaction({ ...clean, amount: 500_000 }).decision).toBe('review');
  });
});

describe('Transaction', () => {
  it.each([
    ['a lowercase country', { ...clean, country: 'de' }],
    ['a fractional amount', { ...clean, amount: 1.5 }],
    ['an extra key', { ...clean, ip: '10.0.0.1' }],
  ])('rejects %s', (_, body) => {
    expect(Transaction.safeParse(body).success).toBe(false);
  });
});
