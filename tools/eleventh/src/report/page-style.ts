/** The page's only stylesheet (inline). */
export const PAGE_STYLE = `
:root { --bg: #fff; --fg: #1d2330; --muted: #5c6370; --line: #d9dde3; --differs: #fff1c2; --extra: #d9f2dd; --missing: #fbd5d5; --accent: #2f5fb3; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; } h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.meta, .muted { color: var(--muted); }
a { color: var(--accent); }
code, .pin, .digest { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: .75rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .6rem; margin: .4rem 0 0; } .card dt { color: var(--muted); } .card dd { margin: 0; }
.controls { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: .5rem 0; }
.controls input[type=search] { min-width: 16rem; padding: .3rem .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: #f5f6f8; }
td.cell .age, td.cell .digest, td.cell .last { display: block; color: var(--muted); font-size: 12px; }
td.st-d { background: var(--differs); } td.st-e { background: var(--extra); } td.st-m { background: var(--missing); color: #8a1c1c; font-style: italic; }
.legend span { padding: 0 .4rem; margin-right: .4rem; border-radius: 3px; }
.legend .st-d { background: var(--differs); } .legend .st-e { background: var(--extra); } .legend .st-m { background: var(--missing); }
.pager { display: flex; gap: .5rem; align-items: center; margin: .5rem 0; }
ol.timeline { list-style: none; padding: 0; margin: 0; } ol.timeline li { padding: .2rem 0; border-bottom: 1px dotted var(--line); }
.kind { display: inline-block; min-width: 5.5rem; font-weight: 600; } .kind-rollback { color: #a33; } .kind-promotion { color: #2a7a3b; }
.diffs ul { margin: .2rem 0 .6rem; }
`;
