/**
 * The Markdown preview, made for a pull-request comment: a summary table, then per environment the changed
 * units with +/- counts, each unit's unified diff in a collapsible <details>, the pins that would move and
 * why, and the policies that would fail. The first line is a marker CI uses to update its one comment.
 */
import type { EnvironmentPreview, PreviewResult, UnitChange } from './model';
import { changeSummary, failing, headline, pinText, promotedNote, trimmedNote, unitLabel, whyTexts } from './describe';

export const COMMENT_MARKER = '<!-- eleventh-preview -->';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function summaryTable(p: PreviewResult): string[] {
  const rows = p.environments.map((e) => {
    const policies = e.policies.length > 0 ? `❌ ${e.policies.length}` : '✅';
    return `| ${e.environment} | ${cell(changeSummary(e))} | ${e.pins.length} | ${policies} |`;
  });
  return ['| environment | manifests | pins moving | policies |', '|---|---|---:|---|', ...rows];
}

function unitDetails(u: UnitChange): string[] {
  const fence = u.diff.some((l) => l.includes('```')) ? '~~~~' : '```';
  const note = trimmedNote(u);
  const body = u.diff.length > 0 ? ['', `${fence}diff`, ...u.diff, fence] : [];
  return [`<details><summary>${html(unitLabel(u))}: +${u.added} −${u.removed}</summary>`, ...body, ...(note ? ['', `_${note}_`] : []), '', '</details>'];
}

function environmentSection(e: EnvironmentPreview): string[] {
  const out = [`### ${e.environment}`, ''];
  if (e.policies.length > 0) {
    out.push('**Policies that would fail** (the render stops here; nothing else is previewed for this environment)', '', ...e.policies.map((f) => `- ${code(f)}`), '');
    return out;
  }
  if (e.changes.length === 0 && e.pins.length === 0) {
    out.push(e.promotedFrom ? `Unchanged — ${promotedNote(e)}.` : 'Unchanged.', '');
    return out;
  }
  if (e.changes.length > 0) {
    out.push(`${changeSummary(e)}:`, '', '| changed | files | + | − |', '|---|---:|---:|---:|');
    for (const u of e.changes) out.push(`| ${cell(unitLabel(u))} | ${u.files.length} | +${u.added} | −${u.removed} |`);
    out.push('');
    for (const u of e.changes) out.push(...unitDetails(u), '');
  }
  if (e.pins.length > 0) {
    out.push('**Pins that would move**', '', '| service | from | to | why |', '|---|---|---|---|');
    for (const m of e.pins) out.push(`| ${code(m.service)} | ${code(pinText(m.from, '(new)'))} | ${code(pinText(m.to, '(removed)'))} | ${cell(whyTexts(m, code).join('<br>'))} |`);
    out.push('');
  } else if (e.changes.length > 0) out.push('No pin moves: the same images, new manifests.', '');
  return out;
}

export function formatMarkdown(p: PreviewResult): string {
  const out = [COMMENT_MARKER, '## eleventh preview', '', `${cell(headline(p))}.${failing(p) ? ' **Policies would fail.**' : ''}`, '', ...summaryTable(p), ''];
  for (const e of p.environments) out.push(...environmentSection(e));
  if (p.omitted > 0) out.push(`_${p.omitted} diff(s) left out to keep this comment under its size limit; run \`npx eleventh preview\` locally for all of them._`, '');
  return out.join('\n').replace(/\n+$/, '\n');
}

