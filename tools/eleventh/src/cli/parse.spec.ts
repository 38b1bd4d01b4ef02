import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors';
import { declare } from './declare';
import { parseCommandLine } from './parse';

const spec = declare({
  name: 'demo',
  summary: 'a command declared for this spec',
  options: {
    env: { type: 'string', multiple: true, value: 'E', description: 'envs' },
    out: { type: 'string', value: 'DIR', description: 'out' },
  },
  run: async () => 0,
});
const parse = (...argv: string[]) => parseCommandLine(spec, argv, '/');

describe('an empty option value is no value', () => {
  it.each([
    [['--env='], "demo: --env needs a value (expected --env E, got '')"],
    [['--env', ''], "demo: --env needs a value (expected --env E, got '')"],
    [['--env', ','], "demo: --env needs a value (expected --env E, got ',')"],
    [['--out='], "demo: --out needs a value (expected --out DIR, got '')"],
    [['--out', ' '], "demo: --out needs a value (expected --out DIR, got ' ')"],
  ])('%j is refused (it would quietly mean "every environment")', (argv, message) => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });

  it('an empty item between commas is dropped, the rest kept', () => {
    expect(parse('--env', 'a,,b').options.env).toEqual(['a', 'b']);
  });
});
