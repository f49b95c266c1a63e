/** Inline stylesheet of the HTML report: light theme, system fonts, printable. */
export const STYLES = `
:root{color-scheme:light;--text:#1f2937;--muted:#4b5563;--line:#d1d5db;--soft:#f3f4f6;--accent:#1d4ed8;--mark:#fde68a;--pos:#15803d;--neg:#b91c1c;--neu:#9ca3af;--mix:#d97706;
--font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
*{box-sizing:border-box}
html{font-family:var(--font);font-size:15px;line-height:1.5;color:var(--text);background:#fff}
body{margin:0}
.skip{position:absolute;left:.5rem;top:-3rem;background:#fff;padding:.5rem .75rem;border:2px solid var(--accent);z-index:10}
.skip:focus{top:.5rem}
header,main{max-width:80rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.25rem;margin:2.25rem 0 .75rem;padding-top:.5rem;border-top:2px solid var(--soft)}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
h4{font-size:.95rem;margin:1rem 0 .35rem}
p{margin:.4rem 0}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px;border-radius:2px}
nav.toc{margin:1rem 0;padding:.75rem 1rem;background:var(--soft);border-radius:6px}
nav.toc h2{border:0;margin:0 0 .25rem;padding:0;font-size:1rem}
nav.toc ol{margin:0;padding-left:1.4rem;columns:2;column-gap:2rem}
.lede{color:var(--muted)}
.note{color:var(--muted);font-size:.92rem}
.absent{padding:.6rem .8rem;border-left:4px solid var(--neu);background:var(--soft);color:var(--muted)}
.warning{padding:.6rem .8rem;border-left:4px solid var(--neg);background:#fef2f2}
dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.6rem;margin:.5rem 0}
dl.figures div{background:var(--soft);border-radius:6px;padding:.5rem .75rem}
dl.figures dt{font-size:.82rem;color:var(--muted)}
dl.figures dd{margin:0;font-size:1.15rem;font-weight:600;line-height:1.3}
dl.figures dd .sub{font-size:.8rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;margin:.5rem 0;font-size:.88rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{padding:.3rem .55rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--muted);font-size:.82rem}
tbody tr:nth-child(even){background:#fafafa}
tfoot td,tfoot th{font-weight:600;border-top:2px solid var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
.sub{display:block;color:var(--muted);font-size:.8rem;font-weight:400}
.tone{display:flex;width:6.5rem;height:.7rem;border-radius:2px;overflow:hidden;background:var(--soft);margin-top:.2rem}
.tone span{display:block;height:100%}
.tone .positif{background:var(--pos)}.tone .negatif{background:var(--neg)}.tone .neutre{background:var(--neu)}.tone .mitige{background:var(--mix)}
.tone-text{font-size:.72rem;color:var(--muted);white-space:nowrap}
figure{margin:1rem 0;break-inside:avoid}
figure svg.chart{max-width:100%;height:auto;display:block}
figure svg text{font-family:var(--font)}
figcaption{font-size:.92rem;margin-top:.35rem}
details{margin:.3rem 0}
summary{cursor:pointer;padding:.15rem 0}
details.data>summary,details.more>summary{color:var(--accent);font-size:.9rem}
details.entry{border-bottom:1px solid var(--line);padding:.2rem 0}
details.entry>summary .count,details.channel-examples>summary .count{color:var(--muted);font-size:.88rem}
.by-channel{margin:.25rem 0 .5rem 1rem}
.by-channel-title{font-size:.85rem;font-weight:600;color:var(--muted);margin:.3rem 0 0}
details.channel-examples{margin:.1rem 0}
details.channel-examples>summary{font-size:.92rem}
details.entry [id]{scroll-margin-top:4rem}
details.entry :target{outline:2px solid var(--accent);outline-offset:3px}
svg a:focus-visible rect{stroke:var(--accent);stroke-width:3}
details.channel-key{border:1px solid var(--line);border-radius:6px;padding:.25rem .75rem;margin:.5rem 0}
details.channel-key>summary{font-weight:600}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 1.5rem}
ul.examples{list-style:none;margin:.25rem 0 .5rem;padding:0}
ul.examples li{margin:.45rem 0;padding:.4rem .7rem;border-left:3px solid var(--line);background:#fcfcfc}
blockquote{margin:0;white-space:pre-line;overflow-wrap:anywhere}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
.meta{display:block;font-size:.8rem;color:var(--muted);margin-top:.2rem}
.tag{display:inline-block;font-size:.75rem;padding:0 .35rem;border-radius:3px;background:var(--soft);color:var(--muted)}
.neg{color:var(--neg)}.pos{color:var(--pos)}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
footer{max-width:80rem;margin:3rem auto 2rem;padding:0 1.25rem;color:var(--muted);font-size:.85rem}
@media print{
  html{font-size:11pt}
  .skip,nav.toc{display:none}
  h2{break-after:avoid;border-top:0;margin-top:1.2rem}
  h3,h4{break-after:avoid}
  tr,li,figure,dl.figures div{break-inside:avoid}
  a{color:inherit;text-decoration:none}
  details::details-content{content-visibility:visible;display:contents}
  details.data{display:none}
  summary{list-style:none}
  summary::-webkit-details-marker{display:none}
  table{font-size:9pt}
  .tone span,mark,dl.figures div,tbody tr:nth-child(even){print-color-adjust:exact;-webkit-print-color-adjust:exact}
  .table-wrap{overflow:visible}
}
`
  .replace(/\n\s*/g, '')
  .trim();
