/**
 * `promotion:` in environment.yaml, resolved: source or mirror, tags, release branch, signing, soak and
 * freeze windows. The schema checks shapes; this checks what a schema cannot (a window that ends before it
 * starts, a mirror of an environment that is not promoted) and turns text into numbers.
 */
import { ConfigError } from '../errors';
import type { FreezeWindow, PromotionConfig } from '../model';
import type { YamlDoc } from '../yaml/read';
import { isPlainObject } from './schema-validate';

const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `1d12h` → milliseconds (the schema already checked the shape). */
export function durationMs(text: string): number {
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([wdhm])/g)) ms += Number(n) * UNIT_MS[unit];
  return ms;
}

/** `fri 16:00` → minutes since Monday 00:00 UTC. */
export function weekMinute(text: string): number {
  const [day, time] = text.split(' ');
  const [h, m] = time.split(':').map(Number);
  return DAYS.indexOf(day) * 24 * 60 + h * 60 + m;
}

/** A date-only value means midnight UTC; a time without a zone is refused by the schema. */
export function instant(text: string): number {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  // Date.parse rolls 2026-02-30 over to March: a day that does not exist on the calendar is NaN here.
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? t : NaN;
}

/** True when `at` (epoch ms) falls in the window. Weekly windows may wrap past Sunday midnight. */
export function inWindow(w: FreezeWindow, at: number): boolean {
  if (w.kind === 'dates') return at >= w.from && at < w.to;
  const d = new Date(at);
  const minute = ((d.getUTCDay() + 6) % 7) * 24 * 60 + d.getUTCHours() * 60 + d.getUTCMinutes();
  return w.from <= w.to ? minute >= w.from && minute < w.to : minute >= w.from || minute < w.to;
}

function windowsOf(doc: YamlDoc, raw: unknown, errors: ConfigError[]): FreezeWindow[] {
  if (!Array.isArray(raw)) return [];
  const out: FreezeWindow[] = [];
  raw.forEach((w, i) => {
    if (!isPlainObject(w)) return;
    const line = doc.lineOf(['promotion', 'freeze', i]);
    const at = { file: doc.file, line };
    const reason = typeof w.reason === 'string' ? { reason: w.reason } : {};
    const weekly = isPlainObject(w.weekly) ? w.weekly : undefined;
    const dated = typeof w.from === 'string' || typeof w.to === 'string';
    if (weekly && dated) return void errors.push(new ConfigError(at, `freeze window ${i + 1} has both 'weekly' and 'from'/'to'`, 'either {from, to} dates or {weekly: {from, to}}'));
    if (weekly) {
      if (typeof weekly.from !== 'string' || typeof weekly.to !== 'string') return;
      const from = weekMinute(weekly.from);
      const to = weekMinute(weekly.to);
      if (from === to) return void errors.push(new ConfigError(at, `freeze window ${i + 1} starts and ends at '${weekly.from}'`, 'a weekly window of some length'));
      out.push({ kind: 'weekly', from, to, text: `${weekly.from} → ${weekly.to} UTC`, ...reason, line });
      return;
    }
    if (typeof w.from !== 'string' || typeof w.to !== 'string') return void errors.push(new ConfigError(at, `freeze window ${i + 1} needs both 'from' and 'to'`, 'a window {from, to} or {weekly: {from, to}}'));
    const from = instant(w.from);
    const to = instant(w.to);
    if (Number.isNaN(from) || Number.isNaN(to)) return void errors.push(new ConfigError(at, `freeze window ${i + 1} has a date that does not exist ('${w.from}' → '${w.to}')`, 'real ISO 8601 dates'));
    if (to <= from) return void errors.push(new ConfigError(at, `freeze window ${i + 1} ends ('${w.to}') before it starts ('${w.from}')`, "'to' later than 'from'"));
    out.push({ kind: 'dates', from, to, ...reason, line });
  });
  return out;
}

/** The environment's own `promotion` (never inherited), or undefined when it follows main. */
export function promotionOf(name: string, doc: YamlDoc, errors: ConfigError[] = []): PromotionConfig | undefined {
  const own = isPlainObject(doc.value) ? doc.value.promotion : undefined;
  if (!isPlainObject(own)) return undefined;
  const text = (key: string): string | undefined => (typeof own[key] === 'string' ? (own[key] as string) : undefined);
  const mirrorOf = text('mirrorOf');
  const from = mirrorOf ?? text('from');
  if (from === undefined) return undefined;
  const soak = text('soak');
  return {
    from,
    tags: text('tags') ?? `${name}-v*`,
    branch: text('branch') ?? 'main',
    signed: own.signed === true,
    ...(soak ? { soak: { text: soak, ms: durationMs(soak) } } : {}),
    freeze: windowsOf(doc, own.freeze, errors),
    ...(mirrorOf ? { mirrorOf } : {}),
  };
}

/** What a schema cannot say about `promotion`: exactly one of from/mirrorOf, mirror keys, windows, mirrors of promoted environments. */
export function checkPromotionSettings(docs: ReadonlyMap<string, YamlDoc>): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const [name, doc] of docs) {
    const own = isPlainObject(doc.value) ? doc.value.promotion : undefined;
    if (!isPlainObject(own)) continue;
    const at = (key: string) => ({ file: doc.file, line: doc.lineOf(['promotion', key]) ?? doc.lineOf(['promotion']) });
    promotionOf(name, doc, errors);
    if ('mirrorOf' in own && 'from' in own) errors.push(new ConfigError(at('mirrorOf'), "promotion has both 'from' and 'mirrorOf'", "'from' for a promoted environment, or 'mirrorOf' for a mirror"));
    else if (!('mirrorOf' in own) && !('from' in own)) errors.push(new ConfigError(at('from'), "promotion has neither 'from' nor 'mirrorOf'", "'from: <env>' (promoted) or 'mirrorOf: <env>' (a mirror)"));
    if ('mirrorOf' in own) {
      for (const key of ['tags', 'signed', 'soak', 'freeze', 'branch']) {
        if (key in own) errors.push(new ConfigError(at(key), `a mirror takes no 'promotion.${key}': it follows every promotion and rollback of '${String(own.mirrorOf)}'`, 'promotion: {mirrorOf}'));
      }
      errors.push(...mirrorTargetErrors(name, String(own.mirrorOf), docs, at('mirrorOf')));
    }
  }
  return errors;
}

function mirrorTargetErrors(name: string, target: string, docs: ReadonlyMap<string, YamlDoc>, at: { file: string; line?: number }): ConfigError[] {
  const doc = docs.get(target);
  if (!doc) return [new ConfigError(at, `promotion.mirrorOf names unknown environment '${target}'`, `one of: ${[...docs.keys()].filter((n) => n !== name).join(', ')}`)];
  if (target === name) return [new ConfigError(at, `environment '${name}' cannot mirror itself`, 'a promoted environment')];
  const promotion = isPlainObject(doc.value) ? doc.value.promotion : undefined;
  if (!isPlainObject(promotion) || typeof promotion.from !== 'string') {
    const why = isPlainObject(promotion) && 'mirrorOf' in promotion ? 'is itself a mirror' : 'is not promoted (it follows main)';
    return [new ConfigError(at, `promotion.mirrorOf: '${target}' ${why}`, 'a promoted environment (one with promotion.from)')];
  }
  return [];
}
