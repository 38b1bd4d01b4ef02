/** Kubernetes quantities as numbers: CPU in millicores, memory in bytes (`250m` → 250, `1Gi` → 1073741824). */

const SUFFIX: Readonly<Record<string, number>> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The quantity in base units (cores, bytes); undefined when it is not a quantity. */
export function quantity(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const m = /^([0-9]+(?:\.[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(value.trim());
  return m ? Number(m[1]) * SUFFIX[m[2] ?? ''] : undefined;
}

/** CPU in whole millicores. */
export function millicores(value: unknown): number | undefined {
  const q = quantity(value);
  return q === undefined ? undefined : Math.round(q * 1000);
}

/** Memory in bytes. */
export function bytes(value: unknown): number | undefined {
  const q = quantity(value);
  return q === undefined ? undefined : Math.round(q);
}

/** `3250m`, for messages. */
export function showMillicores(m: number): string {
  return `${m}m`;
}

/** Bytes as the largest binary unit that divides them (`1536Mi`), else bytes. */
export function showBytes(b: number): string {
  for (const [unit, size] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) if (b % size === 0 && b >= size) return `${b / size}${unit}`;
  return String(b);
}
