import { describe, expect, it } from 'vitest';
import { createLogger, InvalidLogLevelError, parseLogLevel } from './logger';

const fixedClock = () => new Date('2024-05-01T12:00:00.000Z');

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, service and message', () => {
    const lines: string[] = [];
    const log = createLogger({ service: 'payments-api', write: (l) => lines.push(l), now: fixedClock });
    log.info('started', { port: 8080 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({
      time: '2024-05-01T12:00:00.000Z',
      level: 'info',
      service: 'payments-api',
      msg: 'started',
      port: 8080,
    });
  });

  it('drops lines below the level and keeps those at or above it', () => {
    const lines: string[] = [];
    const log = createLogger({ service: 's', level: 'warn', write: (l) => lines.push(l), now: fixedClock });
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['c', 'd']);
  });

  it('does not let fields overwrite the fixed keys', () => {
    const lines: string[] = [];
    const log = createLogger({ service: 's', write: (l) => lines.push(l), now: fixedClock });
    log.error('real', { msg: 'fake', level: 'debug', service: 'other' });
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'real', level: 'error', service: 's' });
  });
});

describe('parseLogLevel', () => {
  it.each([
    [undefined, 'info'],
    ['', 'info'],
    ['debug', 'debug'],
    ['WARN', 'warn'],
  ] as const)('reads %j as %s', (value, expected) => {
    expect(parseLogLevel(value)).toBe(expected);
  });

  it('names the bad value and the allowed ones', () => {
    expect(() => parseLogLevel('verbose')).toThrow(InvalidLogLevelError);
    expect(() => parseLogLevel('verbose')).toThrow(
      "LOG_LEVEL: unknown level 'verbose' (expected one of debug, info, warn, error)",
    );
  });
});
