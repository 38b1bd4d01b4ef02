/**
 * The exit codes of every `eleventh` command: one list, printed by `eleventh --help` and written into the
 * README by `npm run docs:cli`. The numbers follow sysexits.h where one fits (70 EX_SOFTWARE, 75 EX_TEMPFAIL).
 */
export const EXIT = {
  ok: 0,
  findings: 1,
  badInput: 2,
  internal: 70,
  pushGaveUp: 75,
  /** 128 + SIGINT's number; SIGTERM gives 143 and SIGHUP 129 (write/interrupt.ts). */
  interrupted: 130,
} as const;

export interface ExitCode {
  readonly code: number;
  readonly meaning: string;
}

export const EXIT_CODES: readonly ExitCode[] = [
  { code: EXIT.ok, meaning: 'done; for a check (verify, policy, render --check): nothing found' },
  { code: EXIT.findings, meaning: 'findings: verify, policy and render --check list them on stdout (`file[:line]: message [rule]`)' },
  {
    code: EXIT.badInput,
    meaning: 'bad input or refused, nothing written: arguments, configuration, names, a refused promotion (tag off the release branch, unsigned tag, soak or freeze gate) — one line `path[:line]: what is wrong (expected …)` on stderr',
  },
  { code: EXIT.internal, meaning: 'internal error: a bug, printed with its stack (please report it)' },
  { code: EXIT.pushGaveUp, meaning: '`--push` gave up: other jobs kept landing first until ELEVENTH_PUSH_TIMEOUT seconds (default 600) ran out; nothing was pushed, run the command again' },
  { code: EXIT.interrupted, meaning: 'interrupted while writing files (Ctrl-C; 143 for SIGTERM, 129 for SIGHUP): every file was put back, nothing was written, run the command again' },
];

/** `0 ok, 1 findings, …` for one line of help. */
export function exitCodesLine(): string {
  const short: Record<number, string> = { 0: 'ok', 1: 'findings', 2: 'bad input or refused', 70: 'internal error (a bug)', 75: '--push gave up (run again)', 130: 'interrupted while writing, put back' };
  return EXIT_CODES.map((e) => `${e.code} ${short[e.code] ?? e.meaning}`).join(', ');
}
