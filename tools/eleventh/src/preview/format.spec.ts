/** Trimming for a pull-request comment and the Markdown details that depend on it (synthetic previews). */
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from './format-md';
import { formatText } from './format-text';
import type { EnvironmentPreview, PreviewResult, UnitChange } from './model';
import { trimPreview } from './trim';

function unit(name: string, diffLines: number): UnitChange {
  const diff = [`--- a/environments/staging/team/${name}/deployment.yaml`, `+++ b/environments/staging/team/${name}/deployment.yaml`, '@@ -1,1 +1,1 @@'];
  for (let i = diff.length; i < diffLines; i++) diff.push(`+line ${i} of ${name} ${'x'.repeat(40)}`);
  return { kind: 'service', name, namespace: 'team', files: [{ path: `environments/staging/team/${name}/deployment.yaml`, status: 'modified', added: diffLines - 3, removed: 0 }], added: diffLines - 3, removed: 0, diff, trimmed: 0 };
}

const staging = (changes: UnitChange[]): EnvironmentPreview => ({ environment: 'staging', changes, pins: [], policies: [] });

function result(envs: EnvironmentPreview[], omitted = 0): PreviewResult {
  return { base: { label: 'main', commit: 'a'.repeat(40) }, head: 'b'.repeat(40), uncommitted: [], environments: envs, omitted };
}

describe('trimPreview', () => {
  it('keeps 200 diff lines per unit and counts the rest', () => {
    const { environments, omitted } = trimPreview([staging([unit('big', 450), unit('small', 10)])]);
    expect(environments[0].changes.map((u) => [u.diff.length, u.trimmed])).toEqual([[200, 250], [10, 0]]);
    expect(omitted).toBe(0);
  });

  it('past the total budget, a unit keeps its counts but no diff, and the report says how many', () => {
    const many = Array.from({ length: 12 }, (_, i) => unit(`svc-${String(i).padStart(2, '0')}`, 150));
    const { environments, omitted } = trimPreview([staging(many)], { totalBytes: 60_000 });
    const shown = environments[0].changes.filter((u) => u.diff.length > 0);
    expect(shown.length).toBeGreaterThan(0);
    expect(omitted).toBe(12 - shown.length);
    const left = environments[0].changes.find((u) => u.diff.length === 0)!;
    expect(left).toMatchObject({ trimmed: 150, added: 147 });
    const md = formatMarkdown(result(environments, omitted));
    expect(Buffer.byteLength(md)).toBeLessThan(65_536);
    expect(md).toContain('_diff not shown (150 lines): the report reached its size limit_');
    expect(md).toContain(`_${omitted} diff(s) left out to keep this comment under its size limit; run \`npx eleventh preview\` locally for all of them._`);
  });

  it('a unit cut at 200 lines says how many more there are, in md and text', () => {
    const { environments } = trimPreview([staging([unit('big', 230)])]);
    expect(formatMarkdown(result(environments))).toContain('_… 30 more diff lines not shown_');
    expect(formatText(result(environments))).toContain('    (… 30 more diff lines not shown)');
  });
});

describe('formatMarkdown', () => {
  it('escapes table cells and fences diffs that contain a fence', () => {
    const u: UnitChange = { ...unit('a', 4), diff: ['--- a/x', '+++ b/x', '@@ -1 +1 @@', '+```'] };
    const move = { service: 'a', namespace: 'team', from: 'c'.repeat(40), to: 'd'.repeat(40), why: [{ kind: 'commit' as const, sha: 'd'.repeat(40), subject: 'a | b', inputs: ['own'] }] };
    const md = formatMarkdown(result([{ ...staging([u]), pins: [move] }]));
    expect(md).toContain('~~~~diff\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n+```\n~~~~');
    expect(md).toContain(`| \`a\` | \`cccccccccccc\` | \`dddddddddddd\` | \`dddddddddddd\` a \\| b (own) |`);
  });
});
