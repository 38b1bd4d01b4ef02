/** The line diff against GNU `diff -u` itself, on hand-picked and on random edits. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified';

const hasDiff = spawnSync('diff', ['--version']).status === 0;

/** `diff -u` of two texts, without its two file-header lines. */
function gnu(a: string, b: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-udiff-'));
  try {
    writeFileSync(join(dir, 'a'), a);
    writeFileSync(join(dir, 'b'), b);
    const out = spawnSync('diff', ['-u', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' }).stdout;
    return out.split('\n').slice(2, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A deterministic pseudo-random sequence (the same cases on every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const lines = (n: number, tag = 'l'): string => Array.from({ length: n }, (_, i) => `${tag}${i}\n`).join('');

describe('unifiedDiff', () => {
  it('counts and hunks: one replaced line in the middle', () => {
    const d = unifiedDiff(lines(10), lines(10).replace('l5\n', 'L5\n'));
    expect(d).toEqual({ added: 1, removed: 1, lines: ['@@ -3,7 +3,7 @@', ' l2', ' l3', ' l4', '-l5', '+L5', ' l6', ' l7', ' l8'] });
  });

  it('a file added or removed is all + or all -', () => {
    expect(unifiedDiff('', 'a\nb\n')).toEqual({ added: 2, removed: 0, lines: ['@@ -0,0 +1,2 @@', '+a', '+b'] });
    expect(unifiedDiff('a\n', '')).toEqual({ added: 0, removed: 1, lines: ['@@ -1 +0,0 @@', '-a'] });
  });

  it('equal texts give no hunks', () => {
    expect(unifiedDiff(lines(5), lines(5))).toEqual({ added: 0, removed: 0, lines: [] });
  });

  it.skipIf(!hasDiff)('prints what GNU diff -u prints, on 200 random edits', () => {
    const next = random(42);
    for (let c = 0; c < 200; c++) {
      const a = Array.from({ length: Math.floor(next() * 40) }, () => `x${Math.floor(next() * 8)}`);
      const b = [...a];
      for (let e = Math.floor(next() * 6); e > 0; e--) {
        const at = Math.floor(next() * (b.length + 1));
        const r = next();
        if (r < 0.4 && b.length > 0) b.splice(at, 1);
        else if (r < 0.7) b.splice(at, 0, `y${Math.floor(next() * 8)}`);
        else if (b.length > 0) b[Math.min(at, b.length - 1)] = `z${c}`;
      }
      const [ta, tb] = [a, b].map((x) => x.map((l) => `${l}\n`).join(''));
      const mine = unifiedDiff(ta, tb);
      // Several shortest edit scripts can exist: the sizes must match GNU's, and applying ours must give b.
      const theirs = gnu(ta, tb);
      expect(mine.added, `case ${c}`).toBe(theirs.filter((l) => l.startsWith('+')).length);
      expect(mine.removed, `case ${c}`).toBe(theirs.filter((l) => l.startsWith('-')).length);
      expect(applyHunks(ta, mine.lines), `case ${c}`).toBe(tb);
    }
  });
});

/** Apply unified hunks to `text` (a check that the diff is right, whatever edit script it chose). */
function applyHunks(text: string, hunks: readonly string[]): string {
  const a = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let at = 0;
  for (const line of hunks) {
    const h = /^@@ -(\d+)(?:,(\d+))? /.exec(line);
    if (h) {
      const start = Number(h[2] === '0' ? Number(h[1]) : Number(h[1]) - 1);
      while (at < start) out.push(a[at++]);
    } else if (line.startsWith('+')) out.push(line.slice(1));
    else if (line.startsWith('-')) at++;
    else out.push(a[at++]);
  }
  while (at < a.length) out.push(a[at++]);
  return out.map((l) => `${l}\n`).join('');
}
