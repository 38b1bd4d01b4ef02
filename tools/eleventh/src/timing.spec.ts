import { afterEach, describe, expect, it, vi } from 'vitest';
import { timed, timingLine } from './timing';

describe('timing lines', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('says how long a phase took, and with `at` when it ended since the process started', () => {
    expect(timingLine('pins', 100.4, 1350.6, false)).toBe('eleventh: timing pins 1250');
    expect(timingLine('pins', 100.4, 1350.6, true)).toBe('eleventh: timing pins 1250 @1351');
  });

  it.each([
    ['1', /^eleventh: timing config \d+\n$/],
    ['at', /^eleventh: timing config \d+ @\d+\n$/],
  ])('ELEVENTH_TIMING=%s prints the line on stderr', (setting, line) => {
    vi.stubEnv('ELEVENTH_TIMING', setting);
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(timed('config', () => 42)).toBe(42);
    expect(write).toHaveBeenCalledTimes(1);
    expect(String(write.mock.calls[0][0])).toMatch(line);
  });

  it('prints nothing without ELEVENTH_TIMING, and times a promise when it settles', async () => {
    vi.stubEnv('ELEVENTH_TIMING', '');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await expect(timed('walk', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(write).not.toHaveBeenCalled();
    vi.stubEnv('ELEVENTH_TIMING', '1');
    await expect(timed('walk', () => Promise.resolve(7))).resolves.toBe(7);
    expect(String(write.mock.calls[0][0])).toMatch(/^eleventh: timing walk \d+\n$/);
  });
});
