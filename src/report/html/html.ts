// `farleft report --format html`: one self-contained page to put in front of a general
// assembly. No request of any kind leaves it: styles and the script are inline and pinned by
// a Content-Security-Policy (hashes, default-src 'none'). Everything is in the HTML itself,
// so it reads fully without JavaScript; the script only adds searching and sorting of the
// file table. Headings, captions and header cells give it structure for screen readers, and
// every colour comes with a word and a symbol.
import { createHash } from 'node:crypto';
import type { ReportData } from './model.js';

/** Findings listed per rule; the counts always cover all of them. */
const MAX_FINDINGS = 200;
/** Bars in the chart; the rest is one "other licenses" bar (the table below lists all). */
const MAX_BARS = 12;

const STYLE = `
:root{--fg:#1b1b1f;--muted:#4a4a55;--line:#c9c9d1;--bg:#fff;--band:#f3f3f6;--err:#a3191b;--warn:#7a4d00;--ok:#1d6b31;--bar:#3b5ba5;--focus:#0b57d0}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}
h1{font-size:1.8rem;margin:.5rem 0}
h2{font-size:1.35rem;margin:2.2rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;overflow-wrap:anywhere}
.muted{color:var(--muted)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem;z-index:1}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.6rem;margin:0;padding:0}
.stats div{background:var(--band);border-radius:6px;padding:.6rem .8rem}
.stats dt{font-size:.85rem;color:var(--muted)}.stats dd{margin:0;font-size:1.3rem;font-weight:600;overflow-wrap:anywhere}
.verdict{font-weight:700}.error{color:var(--err)}.warning,.review{color:var(--warn)}.ok,.compatible{color:var(--ok)}.incompatible,.denied{color:var(--err)}
.banner{border-left:6px solid currentColor;background:var(--band);padding:.6rem .9rem;margin:1rem 0;font-size:1.1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:var(--band)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td{overflow-wrap:anywhere}td.v{white-space:nowrap}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
figure{margin:0}svg text{font:13px system-ui,sans-serif;fill:#1b1b1f}
.search{margin:.5rem 0}.search input{font:inherit;padding:.3rem .5rem;width:min(30rem,100%);border:1px solid var(--muted);border-radius:4px}
details{margin:.4rem 0}summary{cursor:pointer}
ul.reasons{margin:.2rem 0;padding-left:1.2rem}
@media print{.search,.skip{display:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

const SCRIPT = `
(function () {
  var table = document.getElementById('file-table');
  var form = document.getElementById('file-search');
  if (!table || !form) return;
  var input = document.getElementById('file-filter');
  var status = document.getElementById('file-status');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var keys = new Map(rows.map(function (r) { return [r, r.textContent.toLowerCase()]; }));
  form.hidden = false;
  var timer = 0;
  function filter() {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r) { var hit = !q || keys.get(r).indexOf(q) !== -1; r.hidden = !hit; if (hit) shown++; });
    status.textContent = shown + ' of ' + rows.length + ' files shown';
  }
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(filter, 150); });
  form.addEventListener('submit', function (e) { e.preventDefault(); filter(); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var values = new Map(rows.map(function (r) { return [r, r.cells[col].textContent]; }));
      rows.sort(function (a, b) { var x = values.get(a), y = values.get(b); return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1); });
      var fragment = document.createDocumentFragment();
      rows.forEach(function (r) { fragment.appendChild(r); });
      body.appendChild(fragment);
      status.textContent = 'sorted by ' + button.textContent + (ascending ? ', ascending' : ', descending');
    });
  });
})();
`;

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Text safe in HTML content and attribute values. */
export function h(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function* renderReport(r: ReportData): Generator<string> {
  const csp = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  yield `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n`;
  yield `<meta http-equiv="Content-Security-Policy" content="${h(csp)}">\n<meta name="referrer" content="no-referrer">\n`;
  yield `<title>Licensing report: ${h(r.name)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<a class="skip" href="#files">Skip to the file table</a>\n`;
  yield `<header>\n<h1>Licensing report: <code>${h(r.name)}</code></h1>\n<p class="muted">Made by ${h(r.tool.name)} ${h(r.tool.version)} from <code>${h(r.root)}</code>. Not legal advice: each verdict cites the clauses it rests on, so they can be checked.</p>\n</header>\n<main>\n`;
  yield* summary(r);
  yield* chart(r);
  yield* problems(r);
  yield* compatibility(r);
  yield* dependencies(r);
  yield* files(r);
  yield `</main>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`;
}

function* summary(r: ReportData): Generator<string> {
  const s = r.summary;
  yield `<section aria-labelledby="summary-h">\n<h2 id="summary-h">Summary</h2>\n`;
  if (s.files === 0) yield `<p class="banner" data-empty="true">The folder holds no files to report on: there is nothing to license yet.</p>\n`;
  const verdict = r.lint.verdict === 'pass' ? `<span class="ok">✔ passed</span>` : `<span class="error">✖ failed</span>`;
  yield `<p class="banner verdict" id="verdict">Lint ${verdict}: <span data-stat="errors">${r.lint.errors}</span> ${r.lint.errors === 1 ? 'error' : 'errors'}, <span data-stat="warnings">${r.lint.warnings}</span> ${r.lint.warnings === 1 ? 'warning' : 'warnings'} (it fails on ${r.lint.failOn === 'error' ? 'errors' : 'errors and warnings'}).</p>\n`;
  /** `value` is HTML (numbers, or markup built here from escaped text). */
  const stat = (label: string, key: string, value: string | number): string => `<div><dt>${h(label)}</dt><dd data-stat="${key}">${value}</dd></div>`;
  const license = r.project.license ? `<code>${h(r.project.license)}</code>` : '<span class="warning">⚠ none declared</span>';
  yield `<dl class="stats">\n${[
    stat('Project license', 'license', license),
    stat('Files scanned', 'files', s.files),
    stat('Files needing licensing', 'covered', s.covered),
    stat('With a license', 'withLicense', s.withLicense),
    stat('Without a license', 'withoutLicense', s.withoutLicense),
    stat('With a copyright notice', 'withCopyright', s.withCopyright),
    ...(r.deps ? [stat('Dependencies', 'dependencies', r.deps.packages.length)] : []),
  ].join('\n')}\n</dl>\n`;
  if (r.project.declarations.length) {
    yield `<p>The project's license is ${r.project.source === 'config' ? 'set in <code>.farleft.yml</code>' : 'declared'}${r.project.declarations.length ? ' in:' : '.'}</p>\n<ul>\n`;
    for (const d of r.project.declarations) yield `<li><code>${h(d.expression)}</code> in <code>${h(d.file)}${d.line ? `:${d.line}` : ''}</code> (${h(d.source)})</li>\n`;
    yield `</ul>\n`;
  }
  yield `</section>\n`;
}

function* chart(r: ReportData): Generator<string> {
  const list = r.summary.licenses;
  yield `<section aria-labelledby="licenses-h">\n<h2 id="licenses-h">Licenses by file count</h2>\n`;
  if (list.length === 0 && r.summary.withoutLicense === 0) {
    yield `<p>No file needs licensing information.</p>\n</section>\n`;
    return;
  }
  const bars = list.slice(0, MAX_BARS).map((l) => ({ label: l.license, files: l.files, none: false }));
  const rest = list.slice(MAX_BARS);
  if (rest.length) bars.push({ label: `${rest.length} other licenses`, files: rest.reduce((n, l) => n + l.files, 0), none: false });
  if (r.summary.withoutLicense) bars.push({ label: 'no license', files: r.summary.withoutLicense, none: true });
  const max = Math.max(...bars.map((b) => b.files));
  const [labelW, barW, rowH] = [260, 380, 26];
  const height = bars.length * rowH + 8;
  const desc = bars.map((b) => `${b.label}: ${b.files}`).join('; ');
  yield `<figure>\n<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${labelW + barW + 90} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">\n`;
  yield `<title id="chart-title">Files per license</title>\n<desc id="chart-desc">${h(desc)}</desc>\n`;
  for (const [i, b] of bars.entries()) {
    const y = i * rowH + 4;
    const w = Math.max(2, Math.round((b.files / max) * barW));
    const label = b.label.length > 36 ? `${b.label.slice(0, 35)}…` : b.label;
    yield `<g><title>${h(b.label)}: ${b.files} files</title><text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${h(label)}</text>`;
    yield `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="${b.none ? '#a3191b' : '#3b5ba5'}"${b.none ? ' fill-opacity="0.85"' : ''}/>`;
    yield `<text x="${labelW + w + 6}" y="${y + 17}">${b.files}${b.none ? ' ⚠' : ''}</text></g>\n`;
  }
  yield `</svg>\n<figcaption class="muted">Files that need licensing information, by their license. The table below lists every license.</figcaption>\n</figure>\n`;
  yield `<table id="license-table">\n<caption>Every license in use, with its number of files</caption>\n<thead><tr><th scope="col">License</th><th scope="col" class="num">Files</th></tr></thead>\n<tbody>\n`;
  for (const l of list) yield `<tr><td><code>${h(l.license)}</code></td><td class="num" data-license="${h(l.license)}">${l.files}</td></tr>\n`;
  if (r.summary.withoutLicense) yield `<tr><td><span class="error">⚠ no license</span></td><td class="num" data-license="">${r.summary.withoutLicense}</td></tr>\n`;
  yield `</tbody>\n</table>\n</section>\n`;
}

function* problems(r: ReportData): Generator<string> {
  yield `<section aria-labelledby="problems-h">\n<h2 id="problems-h">Problems</h2>\n`;
  if (r.lint.rules.length === 0) {
    yield `<p class="ok">✔ No problems found.</p>\n</section>\n`;
    return;
  }
  yield `<table id="rule-table">\n<caption>Problems by rule</caption>\n<thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col" class="num">Findings</th></tr></thead>\n<tbody>\n`;
  for (const rule of r.lint.rules)
    yield `<tr><td><a href="#rule-${h(rule.id)}"><code>${h(rule.id)}</code></a> ${h(rule.title)}</td><td class="v">${severity(rule.severity)}</td><td class="num" data-rule="${h(rule.id)}">${rule.findings.length}</td></tr>\n`;
  yield `</tbody>\n</table>\n`;
  for (const rule of r.lint.rules) {
    yield `<h3 id="rule-${h(rule.id)}">${severity(rule.severity)} <code>${h(rule.id)}</code>: ${h(rule.title)} (${rule.findings.length})</h3>\n<p><strong>Fix:</strong> ${h(rule.fix)}</p>\n`;
    yield `<table>\n<caption>Findings of ${h(rule.id)}${rule.findings.length > MAX_FINDINGS ? ` (the first ${MAX_FINDINGS} of ${rule.findings.length}; <code>farleft lint --format json</code> lists all)` : ''}</caption>\n<thead><tr><th scope="col">File</th><th scope="col" class="num">Line</th><th scope="col">Finding</th></tr></thead>\n<tbody>\n`;
    for (const f of rule.findings.slice(0, MAX_FINDINGS))
      yield `<tr><td>${f.file ? `<code>${h(f.file)}</code>` : '(the project)'}</td><td class="num">${f.line ?? ''}</td><td>${h(f.message)}${f.suggestion !== rule.fix ? `<br><span class="muted">Fix: ${h(f.suggestion)}</span>` : ''}</td></tr>\n`;
    yield `</tbody>\n</table>\n`;
  }
  yield `</section>\n`;
}

function* compatibility(r: ReportData): Generator<string> {
  yield `<section aria-labelledby="compat-h">\n<h2 id="compat-h">Compatibility</h2>\n`;
  const c = r.compat;
  if (!c) {
    yield `<p class="warning">⚠ The project declares no license, so its files could not be checked against it. Add a LICENSE file or set <code>license:</code> in <code>.farleft.yml</code>.</p>\n</section>\n`;
    return;
  }
  yield `<p>Every file's license against the project's license <code>${h(c.outbound)}</code> (files are ${c.context === 'bundle' ? 'bundled into the work' : h(c.context)}): <span class="${h(c.verdict)} verdict" id="compat-verdict">${verdict(c.verdict)}</span>. `;
  yield `<span data-stat="compatible">${c.counts.compatible}</span> compatible, <span data-stat="review">${c.counts.review}</span> to review, <span data-stat="incompatible">${c.counts.incompatible}</span> incompatible, <span data-stat="unlicensed">${c.counts.unlicensed}</span> without a license.</p>\n`;
  if (c.groups.length === 0) {
    yield `<p>No file has a license to check.</p>\n</section>\n`;
    return;
  }
  yield `<table id="compat-table">\n<caption>Verdicts by license, with the reasons</caption>\n<thead><tr><th scope="col">License</th><th scope="col">Verdict</th><th scope="col" class="num">Files</th><th scope="col">Why</th></tr></thead>\n<tbody>\n`;
  for (const g of c.groups) {
    const reasons = g.reasons.length ? `<ul class="reasons">${g.reasons.map((x) => `<li><code>${h(x.license)}</code>${x.clause ? ` ${h(x.clause)}` : ''}: ${h(x.text)}</li>`).join('')}</ul>` : '';
    const conditions = g.conditions.length ? `<p>Conditions: ${g.conditions.map(h).join('; ')}</p>` : '';
    const examples = `<details><summary>Files (${g.files})</summary><ul>${g.examples.map((e) => `<li><code>${h(e)}</code></li>`).join('')}${g.files > g.examples.length ? `<li>… and ${g.files - g.examples.length} more (see the file table)</li>` : ''}</ul></details>`;
    yield `<tr><td><code>${h(g.license)}</code></td><td class="v ${h(g.verdict)}">${verdict(g.verdict)}</td><td class="num">${g.files}</td><td>${h(g.explanation)}${reasons}${conditions}${examples}</td></tr>\n`;
  }
  yield `</tbody>\n</table>\n</section>\n`;
}

function* dependencies(r: ReportData): Generator<string> {
  yield `<section aria-labelledby="deps-h">\n<h2 id="deps-h">Dependencies</h2>\n`;
  if (!r.deps) {
    yield `<p>No installed dependencies were found (npm, PyPI, Cargo, Go, Composer), or they were not audited.</p>\n</section>\n`;
    return;
  }
  yield `<p>${r.deps.packages.length} installed ${r.deps.packages.length === 1 ? 'package' : 'packages'} (${r.deps.ecosystems.map(h).join(', ')}), each checked against the project's license as a linked component.</p>\n`;
  yield `<table id="deps-table">\n<caption>Dependencies and their licenses</caption>\n<thead><tr><th scope="col">Package</th><th scope="col">Version</th><th scope="col">Ecosystem</th><th scope="col">Scope</th><th scope="col">License</th><th scope="col">Status</th></tr></thead>\n<tbody>\n`;
  for (const p of r.deps.packages)
    yield `<tr><td><code>${h(p.name)}</code>${p.direct ? '' : ' <span class="muted">(indirect)</span>'}</td><td>${h(p.version ?? '')}</td><td>${h(p.ecosystem)}</td><td>${h(p.scope)}</td><td><code>${h(p.license)}</code></td><td class="${h(p.status)}">${verdict(p.status)}${p.reason ? `<br><span class="muted">${h(p.reason)}</span>` : ''}</td></tr>\n`;
  yield `</tbody>\n</table>\n</section>\n`;
}

function* files(r: ReportData): Generator<string> {
  yield `<section aria-labelledby="files-h" id="files">\n<h2 id="files-h">Files</h2>\n`;
  if (r.files.length === 0) {
    yield `<p>No files.</p>\n</section>\n`;
    return;
  }
  yield `<form id="file-search" class="search" role="search" hidden><label for="file-filter">Filter the files by path, license or copyright: </label><input id="file-filter" type="search" autocomplete="off"> <span id="file-status" aria-live="polite"></span></form>\n`;
  yield `<table id="file-table">\n<caption>Every scanned file, its effective license and copyright (<span data-stat="rows">${r.files.length}</span> files, by path)</caption>\n`;
  yield `<thead><tr><th scope="col" aria-sort="ascending">Path</th><th scope="col">License</th><th scope="col">Copyright</th><th scope="col">Declared by</th></tr></thead>\n<tbody>\n`;
  for (const f of r.files) {
    const license = f.license ? `<code>${h(f.license)}</code>` : f.covered ? '<span class="error">⚠ none</span>' : '<span class="muted">not required</span>';
    yield `<tr><td><code>${h(f.path)}</code></td><td>${license}</td><td>${f.copyright.map(h).join('<br>')}</td><td>${h(f.sources.join(', '))}</td></tr>\n`;
  }
  yield `</tbody>\n</table>\n</section>\n`;
}

function severity(s: string): string {
  return s === 'error' ? '<span class="error">✖ error</span>' : '<span class="warning">⚠ warning</span>';
}

function verdict(v: string): string {
  const words: Record<string, string> = {
    compatible: '✔ compatible',
    allowed: '✔ allowed by policy',
    incompatible: '✖ incompatible',
    denied: '✖ refused by policy',
    review: '⚠ needs review',
    'not-evaluated': '– not evaluated',
  };
  return h(words[v] ?? v);
}
