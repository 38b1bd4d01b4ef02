import { describe, expect, it } from 'vitest';
import { isCalendarDay, parseInstant } from './instant';

describe('parseInstant', () => {
  it.each([
    ['2026-03-01', Date.UTC(2026, 2, 1)],
    ['2028-02-29', Date.UTC(2028, 1, 29)],
    ['2026-03-01T12:00:00Z', Date.UTC(2026, 2, 1, 12)],
    ['2026-03-01T12:00Z', Date.UTC(2026, 2, 1, 12)],
    ['2026-03-01T12:00:00.250Z', Date.UTC(2026, 2, 1, 12, 0, 0, 250)],
    ['2026-03-01T01:00:00+02:00', Date.UTC(2026, 1, 28, 23)],
    ['2026-06-30T23:00:00-05:00', Date.UTC(2026, 6, 1, 4)],
  ])('%s is an instant', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it.each([
    ['1', 'Date.parse reads it as 2001'],
    ['2026', 'a year alone'],
    ['March 3', 'words'],
    ['12/31/2026', 'a local format'],
    ['2026-02-30', 'a day that is not on the calendar (Date.parse rolls it to March 2)'],
    ['2027-02-29', 'not a leap year'],
    ['2026-13-01', 'month 13'],
    ['2026-03-01T12:00:00', 'a time without its zone (the machine zone would decide)'],
    ['2026-03-01T24:00:00Z', 'hour 24'],
    ['2026-03-01 12:00:00Z', 'a space for T'],
    ['', 'nothing'],
    [' 2026-03-01', 'a leading space'],
  ])('%s is refused: %s', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it('isCalendarDay knows leap years', () => {
    expect([isCalendarDay(2024, 2, 29), isCalendarDay(1900, 2, 29), isCalendarDay(2000, 2, 29), isCalendarDay(2026, 4, 31)]).toEqual([true, false, true, false]);
  });
});
