/**
 * The static report page: one HTML file, CSS and script inline, no external URL but the configured
 * commit links. Environment cards (last release, DORA), the filtered and paginated matrix (rendered by
 * the script from the embedded data), the differences against each environment's base, the timelines.
 */
import { commitLink, esc, short } from './format';
import type { EnvironmentReport, ReportChange, ReportData } from './model';
import { embedJson, pageData } from './page-data';
import { PAGE_SCRIPT } from './page-script';
import { PAGE_STYLE } from './page-style';
import { describeRelease, doraRows, lastRelease } from './summary';

/** How many names a difference list and how many changes a timeline show before "… and N more". */
export const LIST_LIMIT = 200;
export const TIMELINE_LIMIT = 50;

const link = (env: EnvironmentReport, sha: string, text = short(sha)): string => {
  const url = commitLink(env.commitUrl, sha);
  return url ? `<a href="${esc(url)}"><code>${esc(text)}</code></a>` : `<code>${esc(text)}</code>`;
};

function names(list: readonly string[]): string {
  const shown = list.slice(0, LIST_LIMIT).map(esc).join(', ');
  return list.length > LIST_LIMIT ? `${shown} … and ${list.length - LIST_LIMIT} more` : shown;
}

function card(env: EnvironmentReport): string {
  const release = lastRelease(env);
  const rows: Array<[string, string]> = [
    ['services', String(env.services)],
    ['compared with', env.base ? esc(env.base) : '—'],
    ['last release', release ? `${esc(describeRelease(release))} ${link(env, release.commit)}` : 'none'],
    ...doraRows(env.dora).map(([k, v]): [string, string] => [k, esc(v)]),
  ];
  return `<section class="card" data-env="${esc(env.name)}"><h3>${esc(env.name)}${env.followsMain ? ' <span class="muted">follows main</span>' : ''}</h3><dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd data-key="${k}">${v}</dd>`).join('')}</dl></section>`;
}

function differences(env: EnvironmentReport): string {
  const d = env.differences;
  if (!d || !env.base) return '';
  const b = esc(env.base);
  const e = esc(env.name);
  const items: string[] = [];
  if (d.missing.length) items.push(`<li class="missing">${b} has, ${e} lacks (${d.missing.length}): ${names(d.missing)}</li>`);
  if (d.extra.length) items.push(`<li class="extra">${e} has, ${b} lacks (${d.extra.length}): ${names(d.extra)}</li>`);
  if (d.differ.length) items.push(`<li class="differ">different pins (${d.differ.length}): ${names(d.differ)}</li>`);
  return `<h3>${e} against ${b}</h3>${items.length ? `<ul data-env="${e}">${items.join('')}</ul>` : '<p class="muted">no differences</p>'}`;
}

function change(env: EnvironmentReport, c: ReportChange): string {
  const what = c.kind === 'rollback' && c.rollback ? `${esc(c.rollback.from)} → ${esc(c.rollback.to)}` : c.tag ? esc(c.tag) : '';
  const services = c.moved.length ? ` · ${c.moved.length} moved: ${esc(c.moved.slice(0, 10).join(', '))}${c.moved.length > 10 ? ' …' : ''}` : ' · nothing moved';
  const moved = `${services}${c.addons.length ? ` · add-ons: <span class="addon-moves">${esc(c.addons.join(', '))}</span>` : ''}`;
  return `<li><span class="kind kind-${c.kind}">${c.kind}</span> ${esc(c.time)} ${link(env, c.commit)} ${what}${c.tagger ? ` tagged by ${esc(c.tagger)}` : ''} <span class="muted">committed by ${esc(c.committer)}${moved}</span></li>`;
}

/** Add-on × environment chart versions; a cell that differs from the first environment's is marked. */
function addonTable(data: ReportData): string {
  const envs = data.environments;
  const names = [...new Set(envs.flatMap((e) => Object.keys(e.addons)))].sort();
  if (names.length === 0) return '';
  const cell = (name: string, e: EnvironmentReport): string => {
    const v = e.addons[name];
    if (v === undefined) return '<td class="st-m">—</td>';
    return `<td${v !== envs[0].addons[name] ? ' class="st-d"' : ''}>${esc(v)}</td>`;
  };
  const head = `<tr><th>Add-on</th>${envs.map((e) => `<th>${esc(e.name)}</th>`).join('')}</tr>`;
  return `<h2>Add-ons</h2>\n<table id="addons"><thead>${head}</thead><tbody>${names.map((n) => `<tr><th>${esc(n)}</th>${envs.map((e) => cell(n, e)).join('')}</tr>`).join('')}</tbody></table>`;
}

function timeline(env: EnvironmentReport): string {
  const more = env.timeline.length - TIMELINE_LIMIT;
  return `<h3>${esc(env.name)}</h3><ol class="timeline" data-env="${esc(env.name)}">${env.timeline.slice(0, TIMELINE_LIMIT).map((c) => change(env, c)).join('')}</ol>${more > 0 ? `<p class="muted">${more} older changes: <code>eleventh history ${esc(env.name)}</code></p>` : ''}`;
}

function options(values: readonly string[]): string {
  return values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('');
}

export function renderHtml(data: ReportData): string {
  const teams = [...new Set(data.namespaces.map((n) => n.team).filter(Boolean))].sort();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Release matrix</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>Release matrix</h1><p class="meta">At <code>${short(data.head.commit)}</code> (${esc(data.head.time)}); ages to ${esc(data.now)}. ${data.services.length} services in ${data.environments.length} environments. Generated by <code>eleventh report</code>.</p></header>
<h2>Environments</h2>
<div class="cards">${data.environments.map(card).join('')}</div>
<h2>Matrix</h2>
<div class="controls">
<input type="search" id="search" placeholder="Search service, namespace or pin" aria-label="Search">
<label>Namespace <select id="filter-namespace"><option value="">all</option>${options(data.namespaces.map((n) => n.name))}</select></label>
<label>Team <select id="filter-team"><option value="">all</option>${options(teams)}</select></label>
<label><input type="checkbox" id="filter-diff"> differences only</label>
</div>
<p class="legend muted">Against each environment's base: <span class="st-d">different pin</span><span class="st-e">base lacks it</span><span class="st-m">missing here</span></p>
<div class="pager"><button id="page-prev" type="button">previous</button><span id="matrix-status"></span><button id="page-next" type="button">next</button></div>
<table id="matrix"><thead><tr><th>Service</th><th>Namespace</th><th>Team</th>${data.environments.map((e) => `<th data-env="${esc(e.name)}">${esc(e.name)}${e.base ? ` <span class="muted">vs ${esc(e.base)}</span>` : ''}</th>`).join('')}</tr></thead>
<tbody id="matrix-body"></tbody></table>
<noscript><p>The matrix needs JavaScript; <code>eleventh report --format md</code> or <code>--format json</code> prints the same data.</p></noscript>
<h2>Differences</h2>
<div class="diffs">${data.environments.map(differences).join('')}</div>
${addonTable(data)}
<h2>Timeline</h2>
${data.environments.map(timeline).join('\n')}
<script type="application/json" id="report-data">${embedJson(pageData(data))}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
