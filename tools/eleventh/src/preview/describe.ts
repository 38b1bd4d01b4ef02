/** Wording shared by the text and Markdown formats. */
import { short } from '../release/moved';
import { THIS_CHANGE, type EnvironmentPreview, type MoveReason, type PinMove, type PreviewResult, type UnitChange } from './model';

const KIND_WORDS: Record<UnitChange['kind'], [string, string]> = {
  service: ['service', 'services'],
  namespace: ['namespace', 'namespaces'],
  layer: ['layer', 'layers'],
  environment: ['environment file set', 'environment file sets'],
};

/** `service payments-api (payments)`, `namespace payments`, `layer _platform`, `environment staging`. */
export function unitLabel(u: UnitChange): string {
  if (u.kind === 'service') return `service ${u.name} (${u.namespace})`;
  if (u.kind === 'environment') return `environment root files`;
  return `${u.kind} ${u.name}`;
}

/** `2 services, 1 namespace changed` or `unchanged`. */
export function changeSummary(e: EnvironmentPreview): string {
  if (e.changes.length === 0) return 'no manifest changes';
  const counts = new Map<UnitChange['kind'], number>();
  for (const u of e.changes) counts.set(u.kind, (counts.get(u.kind) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${n} ${KIND_WORDS[k][n === 1 ? 0 : 1]}`);
  return `${parts.join(', ')} changed`;
}

/** Why a promoted environment does not change with this change. */
export function promotedNote(e: EnvironmentPreview): string {
  return `promoted from ${e.promotedFrom}: it changes only by \`eleventh promote\` or \`eleventh rollback\``;
}

export const pinText = (sha: string | undefined, none: string): string => (sha === THIS_CHANGE ? THIS_CHANGE : short(sha, none));

/** `payments-api 3608abab9511 → (this change)`. */
export function moveText(m: PinMove): string {
  return `${m.service} ${pinText(m.from, '(new)')} → ${pinText(m.to, '(removed)')}`;
}

/** One reason: the changed input files, or the commit with its subject and what it changed. */
export function reasonText(r: MoveReason, code: (s: string) => string = (s) => s): string {
  if (r.kind === 'this-change') return [...r.files.map(code), ...r.packages].join(', ');
  return `${code(r.sha.slice(0, 12))} ${r.subject}${r.inputs.length > 0 ? ` (${r.inputs.join(', ')})` : ''}`;
}

/** `new service`, `removed` or the reasons. */
export function whyTexts(m: PinMove, code?: (s: string) => string): string[] {
  if (!m.from) return ['new service'];
  if (!m.to) return ['service removed'];
  return m.why.length > 0 ? m.why.map((r) => reasonText(r, code)) : ['no input-changing commit between the two pins (a move back or an unrelated pin)'];
}

/** `against merge-base with origin/main (3608abab9511): HEAD 9f1c0e2d4b7a + 2 uncommitted files`. */
export function headline(p: PreviewResult): string {
  const work = p.uncommitted.length > 0 ? ` + ${p.uncommitted.length} uncommitted file${p.uncommitted.length === 1 ? '' : 's'}` : '';
  return `HEAD ${p.head.slice(0, 12)}${work} against ${p.base.label} (${p.base.commit.slice(0, 12)})`;
}

export const failing = (p: PreviewResult): boolean => p.environments.some((e) => e.policies.length > 0);

export function trimmedNote(u: UnitChange): string | undefined {
  if (u.trimmed === 0) return undefined;
  return u.diff.length === 0 ? `diff not shown (${u.trimmed} lines): the report reached its size limit` : `… ${u.trimmed} more diff lines not shown`;
}
