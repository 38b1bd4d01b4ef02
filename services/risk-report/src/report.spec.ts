import { describe, expect, it } from 'vitest';
import { buildReport, InvalidWindowError, parseWindow, type ScoredEvent } from './report';

describe('parseWindow', () => {
  it.each([
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['90m', 5_400_000],
  ])('reads %s as %i ms', (value, expected) => {
    expect(parseWindow(value)).toBe(expected);
  });

  it.each(['soon', '', '-1h', '0'])('rejects %j naming the variable and an example', (value) => {
    expect(() => parseWindow(value)).toThrow(InvalidWindowError);
    expect(() => parseWindow(value)).toThrow(`REPORT_WINDOW: '${value}' is not a positive duration`);
  });
});

describe('buildReport', () => {
  const now = new Date('2024-05-02T06:00:00.000Z');
  const events: ScoredEvent[] = [
    { at: '2024-05-01T05:00:00.000Z', decision: 'block' }, // before the window
    { at: '2024-05-01T06:00:00.000Z', decision: 'block' }, // exactly at the start: excluded
    { at: '2024-05-01T12:00:00.000Z', decision: 'allow' },
    { at: '2024-05-01T18:00:00.000Z', decision: 'allow' },
    { at: '2024-05-02T01:00:00.000Z', decision: 'review' },
    { at: '2024-05-02T06:00:00.000Z', decision: 'block' }, // exactly now: included
    { at: '2024-05-02T07:00:00.000Z', decision: 'block' }, // in the future
  ];

  it('counts only events inside the window, rating blocks', () => {
    expect(buildReport(events, now, parseWindow('24h'))).toEqual({
      from: '2024-05-01T06:00:00.000Z',
      to: '2024-05-02T06:00:00.000Z',
      total: 4,
      counts: { allow: 2, review: 1, block: 1 },
      blockRate: 0.25,
    });
  });

  it('reports a zero block rate for an empty window', () => {
    const report = buildReport([], now, parseWindow('1h'));
    expect(report.total).toBe(0);
    expect(report.blockRate).toBe(0);
  });
});
