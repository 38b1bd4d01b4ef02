import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors';
import { today } from './clock';

describe('today (exception expiry)', () => {
  it('is ELEVENTH_NOW as a UTC day: a date, or a time with its zone', () => {
    expect(today({ ELEVENTH_NOW: '2026-06-30' })).toBe('2026-06-30');
    expect(today({ ELEVENTH_NOW: '2026-06-30T23:59:59Z' })).toBe('2026-06-30');
    expect(today({ ELEVENTH_NOW: '2026-07-01T01:00:00+02:00' })).toBe('2026-06-30');
  });

  it('is the clock without ELEVENTH_NOW', () => {
    expect(today({})).toBe(new Date().toISOString().slice(0, 10));
  });

  it.each(['1', '2026-02-30', 'March 3', 'tomorrow', '2026-06-30T12:00:00'])('refuses ELEVENTH_NOW=%s, one line naming the variable', (raw) => {
    expect(() => today({ ELEVENTH_NOW: raw })).toThrow(UsageError);
    expect(() => today({ ELEVENTH_NOW: raw })).toThrow(`ELEVENTH_NOW '${raw}' is not a date (expected YYYY-MM-DD or an ISO 8601 time with its zone, e.g. 2026-03-01T12:00:00Z)`);
  });
});
