/** `eleventh diff` output: plain text for terminals, Markdown for pull requests and chat, JSON for tools. */
import { short } from '../moved';
import { describeInput, describeManifest, describeNoteCommit, type ManifestCommit, type NoteCommit } from '../notes/model';
import type { RecipeDiff, SideBySide } from './model';
import { describeAddonMove } from '../addon-moves';

const show = (v: unknown): string => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));
const digest = (d: string | undefined): string => (d ? d.replace(/^sha256:/, '').slice(0, 12) : '');

function isEmpty(d: RecipeDiff): boolean {
  return d.added.length + d.removed.length + d.moved.length + d.rerendered.length + d.manifest.length + d.config.length + (d.addons?.length ?? 0) === 0;
}

function sideBySideText(rows: readonly SideBySide[], a: string, b: string): string[] {
  const table = [['service', `pin ${a}`, `pin ${b}`, `digest ${a}`, `digest ${b}`], ...rows.map((r) => [r.service, short(r.a?.commit, '-'), short(r.b?.commit, '-'), digest(r.a?.digest) || '-', digest(r.b?.digest) || '-'])];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  return table.map((row, j) => `  ${row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()}${j > 0 && (row[1] !== row[2] || row[3] !== row[4]) ? '  *' : ''}`);
}

export function formatText(diffs: readonly RecipeDiff[]): string {
  const lines: string[] = [];
  for (const d of diffs) {
    lines.push(`${d.a} → ${d.b}${isEmpty(d) ? ': no differences' : ''}`);
    if (d.mode === 'environments') lines.push(...sideBySideText(d.services, d.a, d.b), '');
    for (const s of d.added) lines.push(`  added        ${s.service} (${s.namespace}) ${short(s.commit, '')}`);
    for (const s of d.removed) lines.push(`  removed      ${s.service} (${s.namespace}) ${short(s.commit, '')}`);
    for (const m of d.moved) {
      lines.push(`  moved        ${m.service} ${short(m.from, '')} → ${short(m.to, '')}${m.direction === 'forward' ? '' : ` (${m.direction})`}`);
      for (const c of m.commits) lines.push(`                 ${describeNoteCommit(c)}`);
    }
    for (const r of d.rerendered) lines.push(`  re-rendered  ${r.service} ${digest(r.from)} → ${digest(r.to)} (same image)`);
    for (const m of d.addons ?? []) lines.push(`  add-on       ${describeAddonMove(m)}`);
    if (d.manifest.length > 0) lines.push('  manifest-only changes:', ...d.manifest.map((c) => `                 ${describeNoteCommit(c)}`));
    for (const c of d.config) lines.push(`  config       ${c.service} ${c.key}: ${show(c.a)} → ${show(c.b)}`);
  }
  return lines.join('\n');
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const mdCommit = (c: NoteCommit): string => cell(`\`${c.sha.slice(0, 12)}\` ${c.subject} (${c.inputs.map(describeInput).join(', ')})`);
const mdManifest = (c: ManifestCommit): string => `| \`${c.sha.slice(0, 12)}\` | ${cell(c.subject)} | ${cell([...new Set(c.changes.map(describeManifest))].join(', '))} |`;

export function formatMarkdown(diffs: readonly RecipeDiff[]): string {
  const out: string[] = [];
  for (const d of diffs) {
    out.push(`### \`${d.a}\` → \`${d.b}\``, '');
    if (isEmpty(d)) {
      out.push('No differences.', '');
      continue;
    }
    if (d.mode === 'environments') {
      out.push(`| service | namespace | pin \`${d.a}\` | pin \`${d.b}\` | digest \`${d.a}\` | digest \`${d.b}\` |`, '|---|---|---|---|---|---|');
      for (const r of d.services) out.push(`| ${r.service} | ${r.namespace} | \`${short(r.a?.commit, '-')}\` | \`${short(r.b?.commit, '-')}\` | \`${digest(r.a?.digest) || '-'}\` | \`${digest(r.b?.digest) || '-'}\` |`);
      out.push('');
    }
    if (d.added.length + d.removed.length + d.moved.length + d.rerendered.length > 0) {
      out.push('| service | change | from | to | commits |', '|---|---|---|---|---|');
      for (const s of d.added) out.push(`| ${s.service} | added | | \`${short(s.commit, '')}\` | |`);
      for (const s of d.removed) out.push(`| ${s.service} | removed | \`${short(s.commit, '')}\` | | |`);
      for (const m of d.moved) {
        const change = m.direction === 'forward' ? 'moved' : `moved (${m.direction})`;
        out.push(`| ${m.service} | ${change} | \`${short(m.from, '')}\` | \`${short(m.to, '')}\` | ${m.commits.map(mdCommit).join('<br>')} |`);
      }
      for (const r of d.rerendered) out.push(`| ${r.service} | re-rendered (same image) | \`${digest(r.from)}\` | \`${digest(r.to)}\` | |`);
      out.push('');
    }
    if ((d.addons ?? []).length > 0) {
      out.push('| add-on | chart | from | to | values |', '|---|---|---|---|---|');
      for (const m of d.addons) out.push(`| ${m.addon} | ${cell((m.to ?? m.from)!.chart)} | ${m.from ? `\`${m.from.version}\`` : '(new)'} | ${m.to ? `\`${m.to.version}\`` : '(removed)'} | ${m.from && m.to && m.from.values !== m.to.values ? `\`${digest(m.from.values)}\` → \`${digest(m.to.values)}\`` : ''} |`);
      out.push('');
    }
    if (d.manifest.length > 0) {
      out.push('Manifest-only changes (kit, deploy.ts, configuration):', '', '| commit | subject | changed |', '|---|---|---|', ...d.manifest.map(mdManifest), '');
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
