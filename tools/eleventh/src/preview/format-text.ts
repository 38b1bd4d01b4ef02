/** The plain-text preview, for a terminal: the same sections as the Markdown one, diffs indented. */
import type { EnvironmentPreview, PreviewResult } from './model';
import { changeSummary, headline, moveText, promotedNote, trimmedNote, unitLabel, whyTexts } from './describe';

function environmentLines(e: EnvironmentPreview): string[] {
  if (e.policies.length > 0) return [`${e.environment}: the render would fail:`, ...e.policies.map((f) => `  ${f}`)];
  if (e.changes.length === 0 && e.pins.length === 0) return [`${e.environment}: unchanged${e.promotedFrom ? ` (${promotedNote(e).replace(/`/g, '')})` : ''}`];
  const out = [`${e.environment}: ${changeSummary(e)}`];
  for (const u of e.changes) {
    out.push(`  ${unitLabel(u)}: ${u.files.length} file${u.files.length === 1 ? '' : 's'}, +${u.added} -${u.removed}`, ...u.diff.map((l) => `    ${l}`));
    const note = trimmedNote(u);
    if (note) out.push(`    (${note})`);
  }
  if (e.pins.length > 0) {
    out.push('  pins that would move:');
    for (const m of e.pins) out.push(`    ${moveText(m)}`, ...whyTexts(m).map((w) => `      because ${w}`));
  }
  return out;
}

export function formatText(p: PreviewResult): string {
  const out = [`eleventh preview: ${headline(p)}`];
  for (const e of p.environments) out.push('', ...environmentLines(e));
  if (p.omitted > 0) out.push('', `${p.omitted} diff(s) left out (size limit)`);
  return out.join('\n');
}

export function formatJson(p: PreviewResult): string {
  return JSON.stringify(p, null, 2);
}
