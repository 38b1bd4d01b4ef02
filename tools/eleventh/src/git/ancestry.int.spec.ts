import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinStatuses } from './ancestry';
import { git, gitText } from './run';
import { withGitCalls } from '../testing/git-calls';

let root: string;
const line: string[] = [];
let side: string;

function commit(message: string): string {
  git(['commit', '--quiet', '--allow-empty', '-m', message], { cwd: root });
  return gitText(['rev-parse', 'HEAD'], { cwd: root });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-ancestry-'));
  git(['init', '--quiet', '-b', 'main'], { cwd: root });
  git(['config', 'user.email', 'test@example.com'], { cwd: root });
  git(['config', 'user.name', 'Test'], { cwd: root });
  for (let i = 0; i < 40; i++) line.push(commit(`c${i}`));
  // A real commit that HEAD's history does not contain: a child of the tip, on no branch.
  side = gitText(['commit-tree', '-p', 'HEAD', '-m', 'side', 'HEAD^{tree}'], { cwd: root });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pinStatuses', () => {
  it('tells ancestors, the tip itself, commits outside the history and names that are not commits apart', () => {
    const tip = line[39];
    const blob = gitText(['hash-object', '-w', '--stdin'], { cwd: root, input: 'not a commit\n' });
    const s = pinStatuses(root, [line[0], line[20], tip, side, 'e'.repeat(40), blob, 'HEAD'], tip);
    expect(Object.fromEntries(s)).toEqual({ [line[0]]: 'ok', [line[20]]: 'ok', [tip]: 'ok', [side]: 'unrelated', ['e'.repeat(40)]: 'missing', [blob]: 'missing', HEAD: 'missing' });
  });

  it('is relative to the tip it is given: a later commit is outside an earlier tip', () => {
    const s = pinStatuses(root, [line[5], line[30]], line[10]);
    expect(s.get(line[5])).toBe('ok');
    expect(s.get(line[30])).toBe('unrelated');
  });

  it('asks git twice in all, however many commits (not once per commit)', () => {
    const { result: s, calls } = withGitCalls(() => pinStatuses(root, [...line, side], line[39]));
    expect([...s.values()].filter((v) => v === 'ok')).toHaveLength(40);
    expect(s.get(side)).toBe('unrelated');
    expect(calls).toEqual(['cat-file', 'rev-list']);
  });

  it('asks nothing for no commits', () => {
    expect(pinStatuses(root, [], line[0]).size).toBe(0);
  });
});
