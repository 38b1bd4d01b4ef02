/** Release notes as plain lines: the body of a `--commit` message and the text of `history`. */
import { describeMove, movedBetween } from '../moved';
import type { Recipe } from '../../model';
import { describeNoteCommit } from './model';
import type { ReleaseNotes } from './notes';

/** Each move (`svc old → new`) with its commits indented below, then re-renders and manifest commits. */
export function notesLines(before: Recipe | undefined, after: Recipe | undefined, notes: ReleaseNotes | undefined, indent = ''): string[] {
  const lines: string[] = [];
  const byService = new Map((notes?.moves ?? []).map((n) => [n.service, n]));
  for (const m of movedBetween(before, after)) {
    const n = byService.get(m.service);
    lines.push(`${indent}${describeMove(m)}${n && n.direction !== 'forward' ? ` (${n.direction})` : ''}`);
    for (const c of n?.commits ?? []) lines.push(`${indent}  ${describeNoteCommit(c)}`);
  }
  const rr = notes?.manifest.rerendered ?? [];
  if (rr.length > 0) lines.push(`${indent}re-rendered, same image: ${rr.map((r) => r.service).join(', ')}`);
  const mc = notes?.manifest.commits ?? [];
  if (mc.length > 0) {
    lines.push(`${indent}manifest changes:`);
    for (const c of mc) lines.push(`${indent}  ${describeNoteCommit(c)}`);
  }
  return lines;
}
