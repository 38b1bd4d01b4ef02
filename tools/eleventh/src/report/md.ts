/**
 * The Markdown twin for pull requests: the same figures as the page, shorter. The matrix lists every
 * service up to MD_ROWS; beyond that only the services whose cells differ from their base (then the
 * first MD_ROWS of them), with the count left out.
 */
import { commitLink, formatDuration, short } from './format';
import type { EnvironmentReport, ReportData, ReportService } from './model';
import { describeRelease, doraRows, lastRelease } from './summary';

export const MD_ROWS = 200;
export const MD_TIMELINE = 10;

const cellText = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function pin(env: EnvironmentReport, sha: string): string {
  const url = commitLink(env.commitUrl, sha);
  return url ? `[\`${short(sha)}\`](${url})` : `\`${short(sha)}\``;
}

/** Marked against the base: **bold** a different pin, `+` one the base lacks, _missing_ one it has. */
function cell(env: EnvironmentReport, s: ReportService): string {
  const c = s.cells[env.name];
  if (!c) return env.base && s.cells[env.base] ? '_missing_' : '';
  const text = `${pin(env, c.pin)} ${formatDuration(c.age)}${c.imageDigest ? ` ${c.imageDigest.slice(0, 19)}` : ''}`;
  return c.state === 'differs' ? `**${text}**` : c.state === 'extra' ? `+ ${text}` : text;
}

const differs = (envs: readonly EnvironmentReport[], s: ReportService): boolean =>
  envs.some((e) => { const c = s.cells[e.name]; return c ? c.state === 'differs' || c.state === 'extra' : Boolean(e.base && s.cells[e.base]); });

function matrix(data: ReportData): string[] {
  const envs = data.environments;
  const all = data.services.length <= MD_ROWS;
  const rows = all ? data.services : data.services.filter((s) => differs(envs, s));
  const shown = rows.slice(0, MD_ROWS);
  const note = all ? [] : [`_${data.services.length} services: showing ${shown.length} of the ${rows.length} whose environments differ (the HTML page has all)._`, ''];
  return [
    '## Matrix', '', ...note,
    `| service | namespace | team | ${envs.map((e) => (e.base ? `${e.name} (vs ${e.base})` : e.name)).join(' | ')} |`,
    `|---|---|---|${envs.map(() => '---').join('|')}|`,
    ...shown.map((s) => `| ${cellText(s.name)} | ${cellText(s.namespace)} | ${cellText(s.team)} | ${envs.map((e) => cellText(cell(e, s))).join(' | ')} |`),
    '', 'Against each environment\'s base: **bold** a different pin, `+` the base lacks it, _missing_ here.', '',
  ];
}

function differences(env: EnvironmentReport): string[] {
  const d = env.differences;
  if (!d || !env.base) return [];
  const list = (xs: readonly string[]): string => `${xs.slice(0, MD_ROWS).join(', ')}${xs.length > MD_ROWS ? ` … and ${xs.length - MD_ROWS} more` : ''}`;
  const lines = [
    ...(d.missing.length ? [`- ${env.base} has, ${env.name} lacks (${d.missing.length}): ${list(d.missing)}`] : []),
    ...(d.extra.length ? [`- ${env.name} has, ${env.base} lacks (${d.extra.length}): ${list(d.extra)}`] : []),
    ...(d.differ.length ? [`- ${env.name} and ${env.base} pin differently (${d.differ.length}): ${list(d.differ)}`] : []),
  ];
  return lines.length ? lines : [`- ${env.name} runs what ${env.base} runs`];
}

function timeline(env: EnvironmentReport): string[] {
  return [
    `### ${env.name}`, '',
    ...env.timeline.slice(0, MD_TIMELINE).map((c) => `- ${c.time} **${c.kind}** ${pin(env, c.commit)}${c.tag ? ` ${c.tag}` : ''}${c.tagger ? ` tagged by ${c.tagger}` : ''}, ${c.moved.length} moved${c.addons.length ? `; add-ons: ${c.addons.join(', ')}` : ''}`),
    ...(env.timeline.length > MD_TIMELINE ? [`- … ${env.timeline.length - MD_TIMELINE} older: \`eleventh history ${env.name}\``] : []),
    '',
  ];
}

export function renderMarkdown(data: ReportData): string {
  const envs = data.environments;
  return [
    '# Release matrix', '',
    `At \`${short(data.head.commit)}\` (${data.head.time}); ages to ${data.now}. ${data.services.length} services in ${envs.length} environments.`, '',
    '## Environments', '',
    `| environment | services | last release | ${doraRows(emptyDora()).map(([k]) => k).join(' | ')} |`,
    `|---|---|---|${doraRows(emptyDora()).map(() => '---').join('|')}|`,
    ...envs.map((e) => `| ${e.name} | ${e.services} | ${cellText(describeRelease(lastRelease(e)))} | ${doraRows(e.dora).map(([, v]) => cellText(v)).join(' | ')} |`),
    '', '## Differences', '',
    ...envs.flatMap(differences), '',
    ...matrix(data),
    ...addonTable(data),
    '## Timeline', '',
    ...envs.flatMap(timeline),
  ].join('\n').replace(/\n{3,}/g, '\n\n');
}

/** Add-on × environment chart versions; a version that differs from the first environment's is bold. */
function addonTable(data: ReportData): string[] {
  const envs = data.environments;
  const names = [...new Set(envs.flatMap((e) => Object.keys(e.addons)))].sort();
  if (names.length === 0) return [];
  const cell = (name: string, e: EnvironmentReport): string => {
    const v = e.addons[name];
    if (v === undefined) return '—';
    return v !== envs[0].addons[name] ? `**${v}**` : v;
  };
  return ['## Add-ons', '', `| add-on | ${envs.map((e) => e.name).join(' | ')} |`, `|---|${envs.map(() => '---').join('|')}|`, ...names.map((n) => `| ${n} | ${envs.map((e) => cell(n, e)).join(' | ')} |`), ''];
}

function emptyDora(): EnvironmentReport['dora'] {
  return { deployments: 0, windowDays: 0, perWeek: null, leadTime: null, promotions: 0, rollbacks: 0, changeFailureRate: null, timeToRestore: null };
}
