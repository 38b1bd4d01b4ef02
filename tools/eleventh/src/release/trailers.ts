/**
 * The trailers `--commit` writes (`Key: value`, one per line at the end of the message): the one place
 * that names them. history reads them back; old commits without them fall back to the subject.
 */
export const TRAILER = {
  /** `recipe` | `promote` | `rollback`. */
  action: 'Eleventh-Action',
  environment: 'Eleventh-Environment',
  /** `<env>@<40-hex>`: the source environment and the tag's commit. */
  promotedFrom: 'Eleventh-Promoted-From',
  /** The commit whose kit, deploy.ts and inherited config rendered the promotion (when not the tag's commit). */
  sources: 'Eleventh-Sources',
  tag: 'Eleventh-Tag',
  /** A mirror environment whose folder the same commit changed (one trailer per mirror). */
  mirror: 'Eleventh-Mirror',
  /** The verified signer of the promotion tag. */
  signer: 'Eleventh-Signer',
  /** The reason given with `--break-glass` to promote inside a freeze window or before the soak. */
  breakGlass: 'Eleventh-Break-Glass',
  /** `<from tag or 12-hex> -> <to tag>`. */
  rollback: 'Eleventh-Rollback',
} as const;

export type TrailerKey = (typeof TRAILER)[keyof typeof TRAILER];

export const trailer = (key: TrailerKey, value: string): string => `${key}: ${value}`;

/** `Eleventh-Rollback` value: what a rollback rolled back from and to. */
export const rollbackTrailer = (from: string, to: string): string => trailer(TRAILER.rollback, `${from} -> ${to}`);

/** Parse `git log --format=%(trailers:only,unfold)` text: key → values in order (a key may repeat). */
export function parseTrailers(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    out.set(m[1], [...(out.get(m[1]) ?? []), m[2]]);
  }
  return out;
}

/** `a -> b` from an Eleventh-Rollback value. */
export function parseRollback(value: string | undefined): { from: string; to: string } | undefined {
  const m = value === undefined ? null : /^(.+?)\s*->\s*(.+)$/.exec(value.trim());
  return m ? { from: m[1], to: m[2] } : undefined;
}
