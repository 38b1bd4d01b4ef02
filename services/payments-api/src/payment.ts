/** The payment request contract: parse untrusted JSON into a typed, validated payment. */
import { z } from 'zod';

/** ISO 4217 currencies this API settles, with their minor-unit exponent. */
export const CURRENCIES = { EUR: 2, GBP: 2, USD: 2, JPY: 0 } as const;
export type Currency = keyof typeof CURRENCIES;

export const PaymentRequest = z
  .object({
    /** Amount in minor units (cents): an integer, so no float rounding ever reaches the ledger. */
    amount: z.number().int().positive().max(100_000_000),
    currency: z.enum(Object.keys(CURRENCIES) as [Currency, ...Currency[]]),
    /** The merchant's own reference, echoed back and used for idempotency. */
    reference: z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/),
  })
  .strict();

export type Payment = z.infer<typeof PaymentRequest>;

export type ParseResult = { readonly ok: true; readonly payment: Payment } | { readonly ok: false; readonly errors: string[] };

/** Every problem with `body`, each as `field: message`, or the payment. */
export function parsePayment(body: unknown): ParseResult {
  const result = PaymentRequest.safeParse(body);
  if (result.success) return { ok: true, payment: result.data };
  const errors = result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  return { ok: false, errors };
}

/** `1234, 'EUR'` → `'12.34 EUR'`; `500, 'JPY'` → `'500 JPY'`. */
export function formatAmount(amount: number, currency: Currency): string {
  const exponent = CURRENCIES[currency];
  if (exponent === 0) return `${amount} ${currency}`;
  const units = Math.floor(amount / 10 ** exponent);
  const minor = String(amount % 10 ** exponent).padStart(exponent, '0');
  return `${units}.${minor} ${currency}`;
}
