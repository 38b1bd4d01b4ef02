import { describe, expect, it } from 'vitest';
import type { Move } from '../../release/moved';
import { MOVES_LISTED, moveLines, NEW_LISTED } from './recipe-summary';

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

const moved = (count: number, to: (i: number) => string | undefined, from = (i: number) => pin(1000 + i)): Move[] =>
  Array.from({ length: count }, (_, i) => ({ service: `svc-${String(i + 1).padStart(4, '0')}`, from: from(i), ...(to(i) ? { to: to(i) } : {}) }));

describe('the other moves of eleventh recipe', () => {
  it(`up to ${MOVES_LISTED} moves keep a line each, removals too`, () => {
    const moves = [...moved(MOVES_LISTED - 1, () => pin(7)), { service: 'old', from: pin(3) }];
    const lines = moveLines({ moved: moves, addons: [] });
    expect(lines).toHaveLength(MOVES_LISTED);
    expect(lines[0]).toBe(`  svc-0001 ${pin(1000).slice(0, 12)} → ${pin(7).slice(0, 12)}`);
    expect(lines[MOVES_LISTED - 1]).toBe(`  old ${pin(3).slice(0, 12)} → (removed)`);
  });

  it('a lockfile bump that re-pins 5,000 services is one line for the pin they moved to, not 5,000', () => {
    const lines = moveLines({ moved: moved(5000, () => pin(9)), addons: [] });
    const first = Array.from({ length: NEW_LISTED }, (_, i) => `svc-${String(i + 1).padStart(4, '0')}`).join(', ');
    expect(lines).toEqual([`  moved to ${pin(9).slice(0, 12)}: ${first} and ${5000 - NEW_LISTED} more (5000 services from 5000 pins)`, '  (5000 moves, grouped by the pin moved to; --json lists every one)']);
  });

  it(`groups by the pin moved to, largest first, at most ${MOVES_LISTED} groups, removals on their own line`, () => {
    // 30 pins: pin k gets k + 1 services; then 3 removals.
    const moves: Move[] = [];
    for (let k = 0; k < 30; k++) for (let j = 0; j <= k; j++) moves.push({ service: `s-${k}-${j}`, from: pin(500), to: pin(k) });
    moves.push(...['gone-a', 'gone-b', 'gone-c'].map((service) => ({ service, from: pin(600) })));
    const lines = moveLines({ moved: moves, addons: [] });
    expect(lines).toHaveLength(MOVES_LISTED + 3);
    expect(lines[0]).toMatch(new RegExp(`^  moved to ${pin(29).slice(0, 12)}: s-29-0, .* and 10 more \\(30 services from 1 pin\\)$`));
    expect(lines[MOVES_LISTED - 1]).toMatch(new RegExp(`^  moved to ${pin(10).slice(0, 12)}: .* \\(11 services from 1 pin\\)$`));
    const restServices = Array.from({ length: 10 }, (_, k) => k + 1).reduce((a, b) => a + b, 0);
    expect(lines[MOVES_LISTED]).toBe(`  and ${restServices} services moved to 10 other pins`);
    expect(lines[MOVES_LISTED + 1]).toBe('  removed: gone-a, gone-b, gone-c');
    expect(lines[MOVES_LISTED + 2]).toBe(`  (${moves.length} moves, grouped by the pin moved to; --json lists every one)`);
  });
});
