import { describe, expect, it } from 'vitest';
import { InvalidEntryError, isBalanced, post } from './ledger';

describe('post', () => {
  it('debits one account and credits the other by the same amount', () => {
    const balances = post({}, [{ debit: 'cash', credit: 'revenue', amount: 500 }]);
    expect(balances).toEqual({ cash: 500, revenue: -500 });
    expect(isBalanced(balances)).toBe(true);
  });

  it('adds to existing balances without changing the input', () => {
    const before = { cash: 100, revenue: -100 };
    const after = post(before, [
      { debit: 'cash', credit: 'revenue', amount: 50 },
      { debit: 'fees', credit: 'cash', amount: 20 },
    ]);
    expect(after).toEqual({ cash: 130, revenue: -150, fees: 20 });
    expect(before).toEqual({ cash: 100, revenue: -100 });
  });

  it('rejects the whole batch when one entry is bad, naming its index', () => {
    const entries = [
      { debit: 'cash', credit: 'revenue', amount: 10 },
      { debit: 'cash', credit: 'revenue', amount: 1.5 },
    ];
    expect(() => post({}, entries)).toThrow(InvalidEntryError);
    expect(() => post({}, entries)).toThrow('entries[1]: amount (1.5) must be a positive integer of minor units');
  });

  it('rejects an entry that moves money from an account to itself', () => {
    expect(() => post({}, [{ debit: 'cash', credit: 'cash', amount: 1 }])).toThrow(
      "entries[0]: debit and credit are the same account ('cash')",
    );
  });
});

describe('isBalanced', () => {
  it('is false when the books do not sum to zero', () => {
    expect(isBalanced({ cash: 10, revenue: -9 })).toBe(false);
  });
});
