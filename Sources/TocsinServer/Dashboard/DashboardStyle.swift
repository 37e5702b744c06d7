/// The dashboard's stylesheet, served at `/assets/dashboard.css`: readable from a phone to a
/// laptop, light or dark as the system prefers, with visible keyboard focus.
enum DashboardStyle {
    static let css = #"""
:root {
  color-scheme: light dark;
  --bg: #f7f8fa; --fg: #17202a; --muted: #5b6673; --panel: #ffffff; --line: #d5dbe3; --accent: #1d4ed8;
  --ok: #15803d; --warn: #b45309; --bad: #b91c1c; --focus: #f59e0b;
  --chart-line: #1d4ed8; --chart-score: #7c3aed; --chart-threshold: #dc2626;
  font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
  font-size: 15px; line-height: 1.45;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #11161d; --fg: #e6ebf1; --muted: #9aa6b2; --panel: #19212b; --line: #2d3947; --accent: #7aa2ff;
    --ok: #4ade80; --warn: #fbbf24; --bad: #f87171; --chart-line: #7aa2ff; --chart-score: #c4a1ff; --chart-threshold: #f87171; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--panel); padding: .5rem; z-index: 10; }
.skip:focus { left: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
html:not(.js) .needs-js { display: none; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; padding: .6rem 1rem; background: var(--panel);
  border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
.top nav ul { display: flex; flex-wrap: wrap; gap: .25rem .9rem; list-style: none; margin: 0; padding: 0; }
.top nav a { text-decoration: none; padding: .2rem .1rem; }
.top nav a[aria-current="page"] { font-weight: 700; border-bottom: 2px solid var(--accent); }
.token { display: flex; align-items: center; gap: .4rem; margin-left: auto; }
.token input { width: 11rem; }
.live { color: var(--muted); font-size: .85rem; }
main { padding: 1rem; max-width: 1400px; margin: 0 auto; }
h1 { font-size: 1.4rem; margin: .2rem 0 1rem; word-break: break-all; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .25rem 1rem 1rem; margin-bottom: 1rem; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 480px), 1fr)); gap: 0 1rem; }
.message { padding: .5rem .75rem; border-radius: 6px; background: #dbeafe; color: #1e3a8a; }
.message.error { background: #fee2e2; color: #7f1d1d; }
.empty, .muted, .hint { color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; color: var(--muted); padding: .25rem 0; font-size: .85rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; white-space: nowrap; }
td time { white-space: nowrap; }
ul.inline { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem .6rem; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; border: 1px solid currentColor; white-space: nowrap; }
.badge.ok, .badge.resolved, .badge.delivered, .badge.recovered, .badge.expired, .badge.info { color: var(--ok); }
.badge.anomalous, .badge.warning, .badge.flapping, .badge.pending, .badge.awaiting_approval, .badge.simulated, .badge.skipped { color: var(--warn); }
.badge.incident, .badge.firing, .badge.critical, .badge.failed, .badge.not_recovered, .badge.active { color: var(--bad); }
.badge.muted { color: var(--muted); }
button { font: inherit; padding: .25rem .7rem; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); cursor: pointer; }
button:hover { border-color: var(--accent); }
input, select { font: inherit; padding: .2rem .4rem; border: 1px solid var(--line); border-radius: 5px; background: var(--panel); color: var(--fg); }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: 1rem; }
.pager { margin-top: .75rem; display: flex; gap: 1rem; }
svg.rate, svg.timeline { width: 100%; height: auto; display: block; }
svg.rate rect { fill: var(--chart-threshold); }
svg text { fill: var(--muted); font-size: 11px; }
.axis-line, .grid { stroke: var(--line); }
svg.timeline rect.bar { fill: var(--bad); }
svg.timeline rect.bar.resolved { fill: var(--muted); }
svg.timeline a:focus rect, svg.timeline a:hover rect { stroke: var(--focus); stroke-width: 2; }
svg.timeline text { fill: var(--fg); font-size: 11px; }
svg.timeline text.inside { fill: #fff; }
.timeline-wrap { overflow-x: auto; }
@media (max-width: 600px) { svg.timeline { min-width: 640px; } }
.chart-controls { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin-bottom: .5rem; }
.chart { position: relative; margin: 0 0 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; user-select: none; }
.chart .plot { position: relative; }
.chart .plot + .plot { border-top: 1px solid var(--line); }
.chart canvas { display: block; }
.chart svg.overlay { position: absolute; left: 0; top: 0; overflow: visible; }
.chart .marker { fill: none; stroke: var(--bad); stroke-width: 2.5; }
.chart .marker-line { stroke: var(--bad); stroke-width: 1; opacity: .55; }
.chart .crosshair { stroke: var(--muted); stroke-dasharray: 3 3; }
.chart .selection { fill: var(--accent); opacity: .15; }
.chart .threshold-label { fill: var(--chart-threshold); }
.chart figcaption { padding: .4rem .6rem; color: var(--muted); font-size: .85rem; }
.chart .tooltip { position: absolute; top: .3rem; background: var(--fg); color: var(--bg); padding: .2rem .5rem; border-radius: 4px;
  font-size: .8rem; white-space: pre; pointer-events: none; z-index: 2; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
article.hint pre { white-space: pre-wrap; background: var(--bg); padding: .5rem; border-radius: 6px; font-size: .85rem; }
ol.audit { margin: .3rem 0; padding-left: 1.2rem; font-size: .85rem; }
@media (max-width: 600px) {
  :root { font-size: 14px; }
  main { padding: .5rem; }
  section { padding: .1rem .6rem .6rem; }
  .token { margin-left: 0; width: 100%; }
  .token input { flex: 1; width: auto; }
  th, td { padding: .3rem .35rem; }
}
"""#
}
