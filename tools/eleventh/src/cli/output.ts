/**
 * The --json convention (cli/README.md): stdout holds exactly one JSON document, written once at the end;
 * logs and errors go to stderr. Findings print as `file[:line]: message [rule]` lines, or `{findings: […]}`.
 */
import { formatFinding, type Finding } from '../findings';
import type { CommandIO } from './command';
import { EXIT } from './exit-codes';

export function printJson(io: CommandIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Print a check's findings; exit 1 if there is one. `what` names the check in the stderr summary. */
export function reportFindings(io: CommandIO, what: string, findings: readonly Finding[], json: boolean): number {
  if (json) printJson(io, { findings });
  else for (const f of findings) io.out(formatFinding(f));
  io.err(findings.length === 0 ? `eleventh: ${what}: clean` : `eleventh: ${what}: ${findings.length} finding(s)`);
  return findings.length === 0 ? EXIT.ok : EXIT.findings;
}

/** `eleventh: 3 file(s) changed, committed 1a2b3c4d5e6f` on stderr. */
export function logChanged(io: CommandIO, files: number, commits: readonly string[]): void {
  io.err(`eleventh: ${files} file(s) changed${commits.length > 0 ? `, committed ${commits.map((c) => c.slice(0, 12)).join(', ')}` : ''}`);
}
