/** Double-entry bookkeeping: every entry debits one account and credits another by the same amount. */

export interface Entry {
  readonly debit: string;
  readonly credit: string;
  /** Minor units (cents), a positive integer. */
  readonly amount: number;
}

export type Balances = Readonly<Record<string, number>>;

/** An entry that cannot be posted; `index` is its position in the batch. */
export class InvalidEntryError extends Error {
  constructor(readonly index: number, reason: string) {
    super(`entries[${index}]: ${reason}`);
    this.name = 'InvalidEntryError';
  }
}

function check(entry: Entry, index: number): void {
  if (!Number.isInteger(entry.amount) || entry.amount <= 0) {
    throw new InvalidEntryError(index, `amount (${entry.amount}) must be a positive integer of minor units`);
  }
  if (entry.debit === entry.credit) {
    throw new InvalidEntryError(index, `debit and credit are the same account ('${entry.debit}')`);
  }
}

/** Posts a batch atomically: all entries are checked first, then applied to a copy of `balances`. */
export function post(balances: Balances, entries: readonly Entry[]): Balances {
  entries.forEach(check);
  const next: Record<string, number> = { ...balances };
  for (const { debit, credit, amount } of entries) {
    next[debit] = (next[debit] ?? 0) + amount;
    next[credit] = (next[credit] ?? 0) - amount;
  }
  return next;
}

/** The books balance when debits and credits cancel out across all accounts. */
export function isBalanced(balances: Balances): boolean {
  return Object.values(balances).reduce((sum, value) => sum + value, 0) === 0;
}
