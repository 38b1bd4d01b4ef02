/** `eleventh diff` output: plain text for terminals, Markdown for pull requests and chat, JSON for tools. */
import { short } from '../moved';
import type { RecipeDiff } from './model';

const show = (v: unknown): string => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));

function isEmpty(d: RecipeDiff): boolean {
  return d.added.length + d.removed.length + d.moved.length + d.config.length === 0;
}

export function formatText(diffs: readonly RecipeDiff[]): string {
  const lines: string[] = [];
  for (const d of diffs) {
    lines.push(`${d.a} → ${d.b}${isEmpty(d) ? ': no differences' : ''}`);
    for (const s of d.added) lines.push(`  added    ${s.service} (${s.namespace}) ${short(s.commit, '')}`);
    for (const s of d.removed) lines.push(`  removed  ${s.service} (${s.namespace}) ${short(s.commit, '')}`);
    for (const m of d.moved) {
      lines.push(`  moved    ${m.service} ${short(m.from, '')} → ${short(m.to, '')}${m.direction === 'forward' ? '' : ` (${m.direction})`}`);
      for (const c of m.commits) lines.push(`             ${c}`);
    }
    for (const c of d.config) lines.push(`  config   ${c.service} ${c.key}: ${show(c.a)} → ${show(c.b)}`);
  }
  return lines.join('\n');
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatMarkdown(diffs: readonly RecipeDiff[]): string {
  const out: string[] = [];
  for (const d of diffs) {
    out.push(`### \`${d.a}\` → \`${d.b}\``, '');
    if (isEmpty(d)) {
      out.push('No differences.', '');
      continue;
    }
    if (d.added.length + d.removed.length + d.moved.length > 0) {
      out.push('| service | change | from | to | commits |', '|---|---|---|---|---|');
      for (const s of d.added) out.push(`| ${s.service} | added | | \`${short(s.commit, '')}\` | |`);
      for (const s of d.removed) out.push(`| ${s.service} | removed | \`${short(s.commit, '')}\` | | |`);
      for (const m of d.moved) {
        const change = m.direction === 'forward' ? 'moved' : `moved (${m.direction})`;
        out.push(`| ${m.service} | ${change} | \`${short(m.from, '')}\` | \`${short(m.to, '')}\` | ${m.commits.map(cell).join('<br>')} |`);
      }
      out.push('');
    }
    if (d.config.length > 0) {
      out.push(`| service | key | \`${d.a}\` | \`${d.b}\` |`, '|---|---|---|---|');
      for (const c of d.config) out.push(`| ${c.service} | \`${c.key}\` | ${cell(show(c.a))} | ${cell(show(c.b))} |`);
      out.push('');
    }
  }
  return out.join('\n').trimEnd();
}

export function formatJson(diffs: readonly RecipeDiff[]): string {
  return JSON.stringify({ diffs }, null, 2);
}
