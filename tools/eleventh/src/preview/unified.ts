/**
 * A unified diff of two texts, line by line: the common prefix and suffix are cut off, the middle is
 * compared with Myers' O(ND) algorithm, and the edits are grouped into hunks with three lines of context,
 * as `diff -u` prints them. Written here rather than taken from a package so that @eleventh/cli needs no
 * new dependency in the repositories that vendor it.
 */

export interface UnifiedDiff {
  /** `@@ -a,b +c,d @@` headers and ` `, `-`, `+` lines (no `---`/`+++` file header). */
  readonly lines: readonly string[];
  readonly added: number;
  readonly removed: number;
}

type Op = { readonly kind: ' ' | '-' | '+'; readonly text: string };

/** Beyond this many edits in one file, the middle is shown as all removed then all added. */
const MAX_EDITS = 4000;
const CONTEXT = 3;

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The shortest edit script from `a` to `b` (Myers), or undefined past MAX_EDITS. */
function myers(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) x++, y++;
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d, offset);
    }
  }
  return undefined;
}

function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[], last: number, offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: ' ', text: a[--x] }), y--;
    if (d > 0) ops.push(down ? { kind: '+', text: b[--y] } : { kind: '-', text: a[--x] });
  }
  return ops.reverse();
}

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const midA = a.slice(start, a.length - end);
  const midB = b.slice(start, b.length - end);
  const middle = myers(midA, midB) ?? [...midA.map((text) => ({ kind: '-' as const, text })), ...midB.map((text) => ({ kind: '+' as const, text }))];
  const same = (text: string): Op => ({ kind: ' ', text });
  return [...a.slice(0, start).map(same), ...middle, ...a.slice(a.length - end).map(same)];
}

const range = (start: number, count: number): string => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);

/** Hunks of `ops` with CONTEXT lines around each run of edits (runs closer than 2×CONTEXT share a hunk). */
function hunks(ops: readonly Op[]): string[] {
  const out: string[] = [];
  const changed = ops.map((o, i) => (o.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  let at = 0;
  let lineA = 1;
  let lineB = 1;
  for (let i = 0; i < changed.length; ) {
    let j = i;
    while (j + 1 < changed.length && changed[j + 1] - changed[j] <= 2 * CONTEXT + 1) j++;
    const from = Math.max(0, changed[i] - CONTEXT);
    const to = Math.min(ops.length, changed[j] + CONTEXT + 1);
    for (; at < from; at++) (lineA += ops[at].kind !== '+' ? 1 : 0), (lineB += ops[at].kind !== '-' ? 1 : 0);
    const body = ops.slice(from, to);
    const countA = body.filter((o) => o.kind !== '+').length;
    const countB = body.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${range(lineA, countA)} +${range(lineB, countB)} @@`, ...body.map((o) => `${o.kind}${o.text}`));
    i = j + 1;
  }
  return out;
}

/** The unified diff from `before` to `after` (either may be empty: a file added or removed). */
export function unifiedDiff(before: string, after: string): UnifiedDiff {
  const ops = editScript(splitLines(before), splitLines(after));
  return {
    lines: hunks(ops),
    added: ops.filter((o) => o.kind === '+').length,
    removed: ops.filter((o) => o.kind === '-').length,
  };
}
