/**
 * A first run over a long history walks its two halves at once (search.ts walkSplit). The result must be
 * exactly what one walk gives: the newest commit per service, whether it lies in the newer or the older half.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { createFixtureRepo, type FixtureRepo } from '../testing/fixture';
import { computePins } from './compute';

const SERVICES = 70;
const COMMITS = 2400;
const name = (i: number) => `svc-${String(i).padStart(2, '0')}`;
let repo: FixtureRepo;
/** service → the commit index (1-based, oldest first) of its newest change. */
const expectedIndex = new Map<string, number>();

/**
 * Commit i changes service i % 70, except that services 60–69 change only in the first 1,000 commits and
 * services 50–59 never change after the first commit (they stay pinned to it).
 */
function history(): string {
  const head = gitText(['rev-parse', 'HEAD'], { cwd: repo.root });
  const out: string[] = [];
  for (let i = 1; i <= COMMITS; i++) {
    let k = i % SERVICES;
    if (k >= 50 && k < 60) k = i % 50;
    if (k >= 60 && i > 1000) k = i % 50;
    expectedIndex.set(name(k), i);
    const body = `export const change = ${i};\n`;
    out.push(
      `commit refs/heads/main\nmark :${i}\ncommitter T <t@example.com> ${1_700_000_000 + i} +0000\ndata 8\nchange ${String(i % 10)}\n`,
      ...(i === 1 ? [`from ${head}\n`] : []),
      `M 100644 inline services/${name(k)}/src/change.ts\ndata ${Buffer.byteLength(body)}\n${body}\n`,
    );
  }
  return out.join('');
}

beforeAll(() => {
  repo = createFixtureRepo({ services: Array.from({ length: SERVICES }, (_, i) => ({ name: name(i) })) });
  git(['fast-import', '--quiet'], { cwd: repo.root, input: history() });
  git(['reset', '--hard', '--quiet', 'main'], { cwd: repo.root });
});
afterAll(() => repo.cleanup());

describe('a first run over a long history', () => {
  it('finds the newest change of every service in either half of the history', async () => {
    const chain = gitText(['rev-list', '--first-parent', '--reverse', 'HEAD'], { cwd: repo.root }).split('\n');
    expect(chain.length).toBe(COMMITS + 1);
    const result = await computePins({ root: repo.root, previous: new Map() });
    for (let i = 0; i < SERVICES; i++) {
      const index = expectedIndex.get(name(i));
      expect(result.pins.get(name(i))?.commit, name(i)).toBe(index === undefined ? repo.initial : chain[index]);
    }
    expect([...expectedIndex.values()].some((idx) => idx <= 1000 && idx > 0)).toBe(true);
  });
});
