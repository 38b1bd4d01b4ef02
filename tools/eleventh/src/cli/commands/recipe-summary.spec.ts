import { describe, expect, it } from 'vitest';
import type { Move } from '../../release/moved';
import { moveLines, NEW_LISTED } from './recipe-summary';

const pin = (n: number): string => String(n).padEnd(40, 'a');
const fresh = (count: number, pins = 1): Move[] => Array.from({ length: count }, (_, i) => ({ service: `svc-${String(i + 1).padStart(4, '0')}`, to: pin(i % pins) }));

describe('the new: line of eleventh recipe', () => {
  it('names every new service while they are few', () => {
    expect(moveLines({ moved: fresh(3), addons: [] })).toEqual([`  new: svc-0001, svc-0002, svc-0003 (at ${pin(0).slice(0, 12)})`]);
    const line = moveLines({ moved: fresh(NEW_LISTED, 2), addons: [] })[0];
    expect(line.split(', ')).toHaveLength(NEW_LISTED);
    expect(line).toMatch(/ \(2 pins\)$/);
  });

  it('a first run of thousands names the first and counts the rest, on one line', () => {
    const lines = moveLines({ moved: fresh(5000, 7), addons: [] });
    expect(lines).toHaveLength(1);
    const names = Array.from({ length: NEW_LISTED }, (_, i) => `svc-${String(i + 1).padStart(4, '0')}`).join(', ');
    expect(lines[0]).toBe(`  new: ${names} and ${5000 - NEW_LISTED} more (5000 services, 7 pins; --json lists every one)`);
  });

  it('other moves keep a line each after the new ones', () => {
    const moved: Move[] = [...fresh(NEW_LISTED + 1), { service: 'web', from: pin(1), to: pin(2) }];
    const lines = moveLines({ moved, addons: [] });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/ and 1 more \(21 services, at /);
    expect(lines[1]).toMatch(/^ {2}web /);
  });
});
