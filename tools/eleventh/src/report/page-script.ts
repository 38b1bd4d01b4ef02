/**
 * The page's only script (inline, no network): filters the matrix by namespace, team, search text and
 * "differences only", and renders one page of rows at a time so 5,000 services stay quick.
 */
export const PAGE_SIZE = 100;

export const PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var PAGE = ${PAGE_SIZE};
  var $ = function (id) { return document.getElementById(id); };
  var esc = function (s) { return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); };
  var dur = function (s) {
    var u = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]], out = [];
    for (var i = 0; i < u.length && out.length < 2; i++) {
      var q = Math.floor(s / u[i][1]); s -= q * u[i][1];
      if (q > 0) out.push(q + u[i][0]); else if (out.length) break;
    }
    return out.length ? out.join(' ') : '0s';
  };
  var baseIdx = D.bases.map(function (b) { return D.envs.indexOf(b); });
  var state = { q: '', ns: '', team: '', diff: false, page: 0 };
  var STATE_NAME = { b: 'base', s: 'same', d: 'differs', e: 'extra', m: 'missing' };
  function cellState(row, i) {
    var c = row[2 + i], b = baseIdx[i];
    if (c) return c[2];
    return b >= 0 && row[2 + b] ? 'm' : 'n';
  }
  function differs(row) {
    for (var i = 0; i < D.envs.length; i++) { var s = cellState(row, i); if (s === 'd' || s === 'e' || s === 'm') return true; }
    return false;
  }
  function matches(row) {
    if (state.ns && D.namespaces[row[1]] !== state.ns) return false;
    if (state.team && D.teams[row[1]] !== state.team) return false;
    if (state.diff && !differs(row)) return false;
    if (!state.q) return true;
    if (row[0].indexOf(state.q) >= 0 || (D.namespaces[row[1]] || '').indexOf(state.q) >= 0) return true;
    for (var i = 2; i < row.length; i++) if (row[i] && D.pins[row[i][0]].indexOf(state.q) === 0) return true;
    return false;
  }
  function cellHtml(row, i) {
    var c = row[2 + i], s = cellState(row, i), env = esc(D.envs[i]);
    if (!c) return '<td class="cell st-' + s + '" data-env="' + env + '" data-state="' + (STATE_NAME[s] || 'absent') + '">' + (s === 'm' ? 'missing' : '') + '</td>';
    var sha = D.pins[c[0]], url = D.urls[i] ? D.urls[i].split('{sha}').join(sha) : '';
    var pin = url ? '<a class="pin" href="' + esc(url) + '">' + sha.slice(0, 12) + '</a>' : '<span class="pin">' + sha.slice(0, 12) + '</span>';
    var html = pin + ' <span class="age" title="pin age (to the report time)">' + dur(c[1]) + '</span>';
    if (c[3]) html += '<span class="digest" title="' + esc(c[3]) + '">' + esc(c[3].slice(0, 19)) + '</span>';
    var ch = c[4] >= 0 ? D.changes[i][c[4]] : ''; if (ch) { html += '<span class="last" title="' + esc(ch) + '">' + esc(ch.split(' ').slice(0, 2).join(' ')) + '</span>'; }
    return '<td class="cell st-' + s + '" data-env="' + env + '" data-state="' + STATE_NAME[s] + '">' + html + '</td>';
  }
  function render() {
    var rows = D.rows.filter(matches), pages = Math.max(1, Math.ceil(rows.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    var slice = rows.slice(state.page * PAGE, state.page * PAGE + PAGE), out = [];
    for (var r = 0; r < slice.length; r++) {
      var row = slice[r], cells = [];
      for (var i = 0; i < D.envs.length; i++) cells.push(cellHtml(row, i));
      out.push('<tr data-service="' + esc(row[0]) + '"><th scope="row">' + esc(row[0]) + '</th><td>' + esc(D.namespaces[row[1]] || '') + '</td><td>' + esc(D.teams[row[1]] || '') + '</td>' + cells.join('') + '</tr>');
    }
    $('matrix-body').innerHTML = out.join('') || '<tr><td colspan="' + (3 + D.envs.length) + '" class="empty">no service matches</td></tr>';
    var from = rows.length ? state.page * PAGE + 1 : 0;
    $('matrix-status').textContent = from + '–' + (state.page * PAGE + slice.length) + ' of ' + rows.length + ' services' + (rows.length < D.rows.length ? ' (filtered from ' + D.rows.length + ')' : '');
    $('page-prev').disabled = state.page === 0;
    $('page-next').disabled = state.page >= pages - 1;
  }
  function on(id, ev, f) { $(id).addEventListener(ev, function (e) { f(e.target); state.page = 0; render(); }); }
  on('search', 'input', function (t) { state.q = t.value.trim(); });
  on('filter-namespace', 'change', function (t) { state.ns = t.value; });
  on('filter-team', 'change', function (t) { state.team = t.value; });
  on('filter-diff', 'change', function (t) { state.diff = t.checked; });
  $('page-prev').addEventListener('click', function () { state.page--; render(); });
  $('page-next').addEventListener('click', function () { state.page++; render(); });
  render();
  document.body.setAttribute('data-ready', 'true');
})();`;
