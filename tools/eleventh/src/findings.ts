/**
 * A finding of a check (verify, policy, render --check): where, which rule, what is wrong. Text output is one
 * line each, `file[:line]: message [rule]`; `--json` prints them as they are.
 */
export interface Finding {
  /** Repository-relative path (a file, or a service folder). */
  readonly file: string;
  /** 1-based, when known. */
  readonly line?: number;
  /** Slash-grouped rule name: `recipe/pins-in-history`, `policy/no-mutable-image-tag`, `render/stale`. */
  readonly rule: string;
  /** What is wrong, with what was expected: `payments-api: pin … is not … (expected …)`. */
  readonly message: string;
}

export function finding(file: string, rule: string, message: string, line?: number): Finding {
  return line === undefined ? { file, rule, message } : { file, line, rule, message };
}

export function formatFinding(f: Finding): string {
  return `${f.file}${f.line !== undefined ? `:${f.line}` : ''}: ${f.message} [${f.rule}]`;
}

/** A report line `path[:line]: message` (an error's text) as a finding; `fallback` when it names no path. */
export function findingFromLine(text: string, rule: string, fallback: string): Finding {
  const m = /^([^\s:]+)(?::(\d+))?: (.+)$/s.exec(text);
  if (!m) return finding(fallback, rule, text);
  return finding(m[1], rule, m[3], m[2] === undefined ? undefined : Number(m[2]));
}

/** One of each (by their text line), in path, line, rule order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const unique = new Map(findings.map((f) => [formatFinding(f), f]));
  return [...unique.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0)));
}
