/**
 * The portal's HTML: one layout for every public page, server-rendered, light (no framework, one
 * small inline stylesheet), readable without JavaScript and on a phone, accessible (landmarks, one
 * h1, a skip link, visible focus, contrast ≥ 4.5:1). Pages are built as strings with `html```,
 * which escapes every interpolated value unless it is itself `Html` (already escaped).
 */

/** Markup that is already safe (escaped or written by us). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(p: Part): string {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(render).join('');
  return escapeHtml(String(p));
}

/** Tagged template: interpolations are escaped; arrays are joined; null/undefined/false are dropped. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Trusted markup written by us (never user data). */
export function raw(s: string): Html {
  return new Html(s);
}

export const PORTAL_NAME = 'Cổng công khai thực hiện chương trình hành động';

/** The portal's stylesheet: system fonts, one column, large targets, AA contrast. */
const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff}
a{color:#0b4ea2}a:hover{color:#08356e}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header.site{background:#8b0000;color:#fff;padding:10px 16px}
header.site a{color:#fff;text-decoration:none;font-weight:600}
header.site nav a{font-weight:400;margin-right:14px;text-decoration:underline}
header.site nav{margin-top:4px;font-size:15px}
main{max-width:1100px;margin:0 auto;padding:12px 16px 40px}
h1{font-size:1.5rem;line-height:1.3;margin:.6em 0 .4em}h2{font-size:1.25rem;margin:1.4em 0 .5em}h3{font-size:1.05rem;margin:1em 0 .4em}
.crumbs{font-size:14px;margin:8px 0}.crumbs ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:4px}
.crumbs li+li::before{content:"›";margin-right:4px;color:#555}
.muted{color:#4a4a4a}.small{font-size:14px}
.source{border-left:4px solid #8b0000;background:#f7f3f0;padding:8px 12px;margin:12px 0;font-size:15px}
table{border-collapse:collapse;width:100%;font-size:15px}th,td{border:1px solid #c8c8c8;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
.wrap{overflow-x:auto}td.wide{min-width:14em}
.tag{display:inline-block;padding:0 6px;border-radius:4px;font-size:14px;border:1px solid currentColor}
.ok{color:#1d6b2b}.late{color:#a30000}.wait{color:#5a4a00}
form.search{display:flex;gap:8px;flex-wrap:wrap;margin:12px 0}
form.search input{flex:1 1 220px;font-size:16px;padding:8px;border:1px solid #767676;border-radius:4px}
button,.button{font-size:16px;padding:8px 14px;border:1px solid #0b4ea2;background:#0b4ea2;color:#fff;border-radius:4px;cursor:pointer;text-decoration:none;display:inline-block}
ul.cards{list-style:none;padding:0}ul.cards>li{border:1px solid #d0d0d0;border-radius:6px;padding:10px 12px;margin:8px 0}
code,pre{font-family:ui-monospace,Consolas,monospace;font-size:14px;overflow-wrap:anywhere}pre{white-space:pre-wrap;background:#f5f5f5;padding:8px}
footer.site{border-top:1px solid #d0d0d0;margin-top:32px;padding:12px 16px;font-size:14px;color:#4a4a4a;max-width:1100px;margin-left:auto;margin-right:auto}
@media (max-width:600px){th,td{padding:4px 5px;font-size:14px}h1{font-size:1.3rem}}
`;

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageOptions {
  title: string;
  /** The page's content (inside <main>, after the h1). */
  body: Html;
  /** Shown as the h1 (defaults to the title). */
  heading?: string;
  crumbs?: Crumb[];
  /** A short description for search engines and link previews. */
  description?: string;
  /** <link rel="alternate"> entries (JSON, CSV, Atom). */
  alternates?: { href: string; type: string; title: string }[];
  /** Extra markup at the end of <body> (e.g. a script for progressive enhancement). */
  tail?: Html;
}

/** A complete public page. */
export function page(o: PageOptions): string {
  const crumbs = o.crumbs?.length
    ? html`<nav class="crumbs" aria-label="Vị trí trang">
        <ol>
          ${o.crumbs.map((c) =>
            c.href
              ? html`<li><a href="${c.href}">${c.label}</a></li>`
              : html`<li aria-current="page">${c.label}</li>`,
          )}
        </ol>
      </nav>`
    : '';
  return html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${o.title} — ${PORTAL_NAME}</title>
        ${o.description ? html`<meta name="description" content="${o.description}" />` : ''}
        ${(o.alternates ?? []).map((a) => html`<link rel="alternate" type="${a.type}" href="${a.href}" title="${a.title}" />`)}
        <style>
          ${raw(CSS)}
        </style>
      </head>
      <body>
        <a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
        <header class="site">
          <a href="/cong-khai">${PORTAL_NAME}</a>
          <nav aria-label="Cổng công khai">
            <a href="/cong-khai">Chương trình</a><a href="/cong-khai/tim-kiem">Tìm kiếm</a
            ><a href="/cong-khai/du-lieu">Dữ liệu mở</a><a href="/cong-khai/kiem-chung">Kiểm chứng</a>
          </nav>
        </header>
        <main id="noi-dung">
          ${crumbs}
          <h1>${o.heading ?? o.title}</h1>
          ${o.body}
        </main>
        <footer class="site">
          Thông tin được công khai theo Luật Tiếp cận thông tin 2016 (Điều 17). Tiến độ chỉ lấy từ báo cáo đã
          được cơ quan theo dõi chấp nhận; mọi nội dung đều được ghi vào sổ công khai có chữ ký số và có thể
          kiểm chứng. <a href="/dang-nhap">Đăng nhập cho cán bộ</a>
        </footer>
        ${o.tail ?? ''}
      </body>
    </html> `.value;
}
