/** Segment: ranges on the first-parent chain, side-branch commits at their merge, a bounded log — on real git. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../../git/run';
import { commitMessage } from '../commit';
import { parseRollback, parseTrailers, rollbackTrailer } from '../trailers';
import { Segment } from './segment';

let root: string;
const c: Record<string, string> = {};
const commit = (file: string, msg: string): string => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), `${msg}\n`);
  git(['add', '--all'], { cwd: root });
  git(['commit', '--quiet', '-m', msg], { cwd: root });
  return gitText(['rev-parse', 'HEAD'], { cwd: root });
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-segment-'));
  git(['init', '--quiet', '--initial-branch=main'], { cwd: root });
  for (const [k, v] of [['user.name', 'T'], ['user.email', 't@example.com'], ['commit.gpgsign', 'false']]) git(['config', k, v], { cwd: root });
  c.a = commit('services/x/src/a.ts', 'a');
  c.b = commit('platform/kit.ts', 'b: kit');
  git(['checkout', '--quiet', '-b', 'feature'], { cwd: root });
  c.side = commit('libs/log/src/log.ts', 'side: logger fix');
  git(['checkout', '--quiet', 'main'], { cwd: root });
  c.d = commit('services/y/src/d.ts', 'd');
  git(['merge', '--quiet', '--no-ff', '-m', 'merge feature', 'feature'], { cwd: root });
  c.merge = gitText(['rev-parse', 'HEAD'], { cwd: root });
  c.e = commit('services/x/src/e.ts', 'e');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Segment', () => {
  it('orders the chain and places a side-branch commit at its merge', () => {
    const s = Segment.load(root, c.e, [c.a, c.merge]);
    expect(s.direction({ from: c.a, to: c.e })).toBe('forward');
    expect(s.direction({ from: c.e, to: c.a })).toBe('backward');
    expect(s.contains({ from: c.d, to: c.merge }, c.side)).toBe(true);
    expect(s.contains({ from: c.a, to: c.d }, c.side)).toBe(false);
    expect(s.contains({ from: c.merge, to: c.e }, c.side)).toBe(false);
    expect(s.contains({ from: c.e, to: c.a }, c.b)).toBe(true); // a backward move undoes b
    expect(s.contains({ from: c.a, to: c.e }, c.a)).toBe(false); // from is excluded
  });

  it('logs with pathspecs: side-branch commits included, merges without paths', () => {
    const s = Segment.load(root, c.e, [c.a]);
    const log = s.log(['libs', 'platform']);
    expect(log.map((l) => l.subject)).toEqual(['side: logger fix', 'b: kit']);
    expect(log[0].paths).toEqual(['libs/log/src/log.ts']);
  });

  it('a commit not in the tip history is unrelated', () => {
    git(['checkout', '--quiet', '-b', 'other', c.a], { cwd: root });
    const other = commit('z.txt', 'other');
    git(['checkout', '--quiet', 'main'], { cwd: root });
    const s = Segment.load(root, c.e, [c.a, other]);
    expect(s.direction({ from: c.a, to: other })).toBe('unrelated');
    expect(s.contains({ from: c.a, to: other }, c.b)).toBe(false);
  });
});

describe('trailers', () => {
  it('parses repeated keys and the rollback value', () => {
    const t = parseTrailers('Eleventh-Mirror: dr-prod\nEleventh-Mirror: dr2\n' + rollbackTrailer('prod-v7', 'prod-v6'));
    expect(t.get('Eleventh-Mirror')).toEqual(['dr-prod', 'dr2']);
    expect(parseRollback(t.get('Eleventh-Rollback')?.[0])).toEqual({ from: 'prod-v7', to: 'prod-v6' });
    expect(parseRollback('nonsense')).toBeUndefined();
  });
});

describe('commitMessage with release notes', () => {
  const A = 'a'.repeat(40);
  const entry = (digest: string) => ({ namespace: 'risk', commit: A, image: `r/x:${A}`, digest, inputs: '0' });
  it('a manifest-only change: "0 services moved, N re-rendered (manifests)" and the commits', () => {
    const before = { environment: 'staging', services: { x: entry('sha256:1'), y: entry('sha256:1') } };
    const after = { environment: 'staging', services: { x: entry('sha256:2'), y: entry('sha256:3') } };
    const notes = { moves: [], manifest: { rerendered: [{ service: 'x', from: 'sha256:1', to: 'sha256:2' }, { service: 'y', from: 'sha256:1', to: 'sha256:3' }], commits: [{ sha: 'b'.repeat(40), subject: 'kit: port 8443', author: 'T', changes: [{ kind: 'kit' as const, path: 'platform/src/kit/workload.ts' }] }] } };
    expect(commitMessage('recipe', { environment: 'staging', previous: before, recipe: after }, { self: notes }).split('\n').slice(0, 6)).toEqual([
      'eleventh recipe staging: 0 services moved, 2 re-rendered (manifests)',
      '',
      're-rendered, same image: x, y',
      'manifest changes:',
      `  ${'b'.repeat(12)} kit: port 8443 [kit platform/src/kit/workload.ts]`,
      '',
    ]);
  });
});
