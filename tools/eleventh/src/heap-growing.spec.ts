import { describe, expect, it } from 'vitest';
import { UsageError } from './errors';
import { DEFAULT_HEAP_GROWING_PERCENT, HEAP_GROWING_VARIABLE, heapGrowingArgs, heapGrowingPercent } from './heap-growing';
import { workerArgs } from './pins/graph';

const env = (value?: string): NodeJS.ProcessEnv => (value === undefined ? {} : { [HEAP_GROWING_VARIABLE]: value });

describe('ELEVENTH_HEAP_GROWING_PERCENT', () => {
  it('defaults to 100 when unset or blank', () => {
    expect(DEFAULT_HEAP_GROWING_PERCENT).toBe(100);
    expect(heapGrowingPercent(env())).toBe(100);
    expect(heapGrowingPercent(env('  '))).toBe(100);
  });

  it.each([['0', 0], ['50', 50], [' 250 ', 250], ['1000', 1000]])('takes %j as %d', (raw, value) => expect(heapGrowingPercent(env(raw))).toBe(value));

  it.each(['-1', '1.5', '1e2', 'abc', '1001', '0x10', '50%'])('refuses %j as a usage error naming the variable and what it expects', (raw) => {
    expect(() => heapGrowingPercent(env(raw))).toThrow(UsageError);
    expect(() => heapGrowingPercent(env(raw))).toThrow(new RegExp(`${HEAP_GROWING_VARIABLE}='${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'.*expected a whole number from 0 to 1000`));
  });

  it('gives a child process the V8 option, none for 0, and none (the command reports it) when malformed', () => {
    expect(heapGrowingArgs(env())).toEqual(['--heap-growing-percent=100']);
    expect(heapGrowingArgs(env('40'))).toEqual(['--heap-growing-percent=40']);
    expect(heapGrowingArgs(env('0'))).toEqual([]);
    expect(heapGrowingArgs(env('lots'))).toEqual([]);
  });

  it('reaches the Nx graph process the CLI starts', () => {
    const saved = process.env[HEAP_GROWING_VARIABLE];
    try {
      process.env[HEAP_GROWING_VARIABLE] = '70';
      expect(workerArgs()).toContain('--heap-growing-percent=70');
      process.env[HEAP_GROWING_VARIABLE] = '0';
      expect(workerArgs().some((a) => a.startsWith('--heap-growing-percent'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env[HEAP_GROWING_VARIABLE];
      else process.env[HEAP_GROWING_VARIABLE] = saved;
    }
  });
});
