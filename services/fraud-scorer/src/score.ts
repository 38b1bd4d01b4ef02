/** Rule-based fraud scoring: each rule adds points and a reason; the total picks the decision. */
import { z } from 'zod';

export const Transaction = z
  .object({
    /** Minor units (cents). */
    amount: z.number().int().nonnegative(),
    /** ISO 3166-1 alpha-2 country of the card. */
    country: z.string().regex(/^[A-Z]{2}$/),
    accountAgeDays: z.number().int().nonnegative(),
    attemptsLastHour: z.number().int().nonnegative(),
  })
  .strict();

export type Transaction = z.infer<typeof Transaction>;
export type Decision = 'allow' | 'review' | 'block';

export interface Score {
  /** 0 (clean) to 100 (certain fraud). */
  readonly score: number;
  readonly decision: Decision;
  readonly reasons: readonly string[];
}

interface Rule {
  readonly reason: string;
  readonly points: number;
  readonly applies: (tx: Transaction) => boolean;
}

/** Countries the risk team reviews more closely (illustrative). */
const WATCHED_COUNTRIES: ReadonlySet<string> = new Set(['XK', 'KP']);

const RULES: readonly Rule[] = [
  { reason: 'large amount', points: 30, applies: (tx) => tx.amount >= 500_000 },
  { reason: 'new account', points: 25, applies: (tx) => tx.accountAgeDays < 7 },
  { reason: 'many attempts', points: 35, applies: (tx) => tx.attemptsLastHour >= 5 },
  { reason: 'watched country', points: 40, applies: (tx) => WATCHED_COUNTRIES.has(tx.country) },
];

/** Thresholds: below `review` allows, from `block` blocks. */
export const THRESHOLDS = { review: 30, block: 70 } as const;

export function scoreTransaction(tx: Transaction): Score {
  const hits = RULES.filter((rule) => rule.applies(tx));
  const score = Math.min(100, hits.reduce((sum, rule) => sum + rule.points, 0));
  const decision: Decision = score >= THRESHOLDS.block ? 'block' : score >= THRESHOLDS.review ? 'review' : 'allow';
  return { score, decision, reasons: hits.map((rule) => rule.reason) };
}
