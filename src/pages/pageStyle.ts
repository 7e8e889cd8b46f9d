// The pages' one stylesheet, inline (no framework, no web fonts: system fonts, nothing else to load): a readable
// measure, the article list before topics and footer, a subscribe box, dark mode and print.
import { cspHashSource } from "./cspSource.ts";

// One rule per line; the lines are joined as they are, so every line must be complete CSS on its own.
const RULES = `
:root{color-scheme:light dark;--bg:#fbfaf8;--fg:#1d1b19;--muted:#5e5852;--line:#e2ddd6;--box:#f2eee8;--accent:#a3161a;--link:#1c4f8a}
@media (prefers-color-scheme:dark){
:root{--bg:#161514;--fg:#ece8e3;--muted:#aaa39b;--line:#37322d;--box:#201e1c;--accent:#ff8f86;--link:#93bbf5}
}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;overflow-wrap:break-word}
a{color:var(--link);text-underline-offset:.15em}
a:hover{color:var(--accent)}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.wrap{max-width:70rem;margin:0 auto;padding:0 1.25rem}
header.site{border-bottom:3px solid var(--accent);padding:1.1rem 0 .9rem}
.brand{margin:0;font-size:1.6rem;line-height:1.2;font-weight:800;letter-spacing:-.01em}
.brand a{color:var(--fg);text-decoration:none}
.tagline{margin:.3rem 0 0;color:var(--muted)}
main.wrap{padding-top:1.75rem;padding-bottom:3rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr);gap:2.5rem}
@media (min-width:60rem){
.layout{grid-template-columns:minmax(0,1fr) 20rem;gap:4rem}
}
.label{margin:0 0 .6rem;font-size:.8rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
.page-title{margin:0 0 1.25rem;font-size:1.9rem;line-height:1.2;overflow-wrap:anywhere}
.articles{list-style:none;margin:0;padding:0;max-width:42rem}
.articles li{padding:1.1rem 0;border-top:1px solid var(--line)}
.articles h3{margin:0 0 .3rem;font-size:1.3rem;line-height:1.3}
.articles h3 a{color:var(--fg);text-decoration:none}
.articles h3 a:hover{color:var(--accent);text-decoration:underline}
.articles p{margin:0}
.meta{margin:0 0 .35rem;color:var(--muted);font-size:.875rem}
.meta a{color:inherit}
.meta time{white-space:nowrap}
aside{display:grid;gap:2rem;align-content:start}
.scopes{list-style:none;margin:0;padding:0}
.scopes li{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.2rem .75rem;padding:.4rem 0;border-top:1px solid var(--line)}
.scopes li>a{font-weight:600;text-decoration:none}
.scopes li>a{min-width:0;overflow-wrap:anywhere}
.scopes .count{margin-right:auto;font-size:.8rem;color:var(--muted);white-space:nowrap}
.more{margin:.6rem 0 0;font-size:.9rem}
.pager{display:flex;flex-wrap:wrap;align-items:baseline;gap:.5rem 1rem;margin:1.5rem 0 0;padding-top:1rem;border-top:1px solid var(--line);max-width:42rem}
.pager a{font-weight:600}
.pager .after{margin-left:auto}
.pager .position{color:var(--muted);font-size:.875rem}
.page-meta{margin:-.75rem 0 1.25rem;color:var(--muted);font-size:.9rem}
.feeds{white-space:nowrap;font-size:.8rem;color:var(--muted)}
.feeds a{color:inherit}
.subscribe{background:var(--box);border:1px solid var(--line);border-radius:.5rem;padding:1rem 1.1rem}
.subscribe p{margin:0 0 .75rem;font-size:.9rem;color:var(--muted)}
.subscribe ul{list-style:none;margin:0;padding:0;display:grid;gap:.7rem}
.subscribe li{display:grid;grid-template-columns:1fr auto;align-items:center;gap:.3rem .5rem}
.subscribe li>a{font-weight:700;white-space:nowrap}
.subscribe code{grid-column:1/-1;display:block;padding:.35rem .5rem;background:var(--bg);border:1px solid var(--line);border-radius:.3rem;font:.8rem/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere;user-select:all;-webkit-user-select:all}
.copy{font:inherit;font-size:.8rem;padding:.1rem .7rem;border:1px solid var(--line);border-radius:999px;background:var(--bg);color:var(--fg);cursor:pointer}
.copy:hover{border-color:var(--accent)}
article{max-width:42rem}
article h1{margin:0 0 .6rem;font-size:clamp(1.6rem,1.1rem + 2.2vw,2.4rem);line-height:1.2;letter-spacing:-.01em}
.body{font-size:1.125rem;line-height:1.7;overflow-wrap:break-word}
.body h2,.body h3{line-height:1.3;margin:2rem 0 .6rem}
.body blockquote{margin:1.5rem 0;padding:.2rem 0 .2rem 1rem;border-left:3px solid var(--accent);color:var(--muted)}
.body pre{overflow-x:auto;padding:.75rem;background:var(--box);border-radius:.3rem;font-size:.9rem}
.body table{display:block;overflow-x:auto;border-collapse:collapse}
.body td,.body th{border:1px solid var(--line);padding:.3rem .5rem}
img,video{max-width:100%;height:auto}
figure{margin:1.75rem 0}
figure img{display:block;border-radius:.3rem}
figcaption{margin-top:.5rem;padding-left:.75rem;border-left:3px solid var(--line);font-size:.9rem;line-height:1.5;color:var(--muted)}
.topics{list-style:none;margin:2rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
.topics a{display:inline-block;padding:.15rem .7rem;border:1px solid var(--line);border-radius:999px;font-size:.875rem;text-decoration:none}
.source{margin-top:1.5rem;font-size:.875rem;color:var(--muted);overflow-wrap:anywhere}
@media (min-width:60rem){
article+aside .subscribe{position:sticky;top:1.25rem}
}
footer.site{border-top:1px solid var(--line);padding:1.25rem 0 2rem;font-size:.875rem;color:var(--muted)}
footer.site p{margin:0 0 .3rem}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#333;--line:#999;--link:#000;--accent:#000}
body{font-size:11pt}
header.site{border-bottom-width:1px}
aside,.subscribe,.copy,.feeds,.pager{display:none}
.layout{display:block}
a{text-decoration:none}
.body a[href^="http"]::after,.source a::after{content:" <" attr(href) ">";font-size:.85em;overflow-wrap:anywhere}
h1,h2,h3{break-after:avoid}
figure,img,blockquote,pre{break-inside:avoid}
}
`;

export const PAGE_STYLE = RULES.split("\n")
	.map((line) => line.trim())
	.join("");

export const PAGE_STYLE_SOURCE = cspHashSource(PAGE_STYLE);
