/** /cong-khai/tim-kiem?q=: tasks and programs, ignoring case and diacritics. */
import type { PublicSearchResult } from '../../../contract/public.js';
import { html, page } from '../html.js';
import { HOME, unitLink } from './common.js';

export function searchPage(r: PublicSearchResult): string {
  const asked = r.q.length > 0;
  return page({
    title: asked ? `Tìm kiếm: ${r.q}` : 'Tìm kiếm',
    heading: 'Tìm kiếm',
    crumbs: [HOME, { label: 'Tìm kiếm' }],
    alternates: asked
      ? [
          {
            href: `/api/public/search?q=${encodeURIComponent(r.q)}`,
            type: 'application/json',
            title: 'Kết quả (JSON)',
          },
        ]
      : [],
    body: html`<form class="search" action="/cong-khai/tim-kiem" method="get" role="search">
        <label for="q" class="skip">Từ khóa</label>
        <input
          id="q"
          name="q"
          type="search"
          value="${r.q}"
          placeholder="Ví dụ: tap huan, Sở Tư pháp, chuyển đổi số"
        />
        <button type="submit">Tìm kiếm</button>
      </form>
      <p class="muted small">
        Không phân biệt chữ hoa, chữ thường và dấu tiếng Việt; chỉ tìm trong các chương trình đã công khai.
      </p>
      ${
        asked
          ? html`<h2>Chương trình (${r.programs.length})</h2>
              ${
                r.programs.length
                  ? html`<ul class="cards">
                      ${r.programs.map(
                        (p) =>
                          html`<li>
                            <a href="/cong-khai/chuong-trinh/${p.id}">${p.title}</a><br /><span
                              class="small muted"
                              >${p.source}</span
                            >
                          </li>`,
                      )}
                    </ul>`
                  : html`<p>Không có chương trình phù hợp.</p>`
              }
              <h2>Nhiệm vụ (${r.tasks.length})</h2>
              ${
                r.tasks.length
                  ? html`<ul class="cards">
                      ${r.tasks.map(
                        (t) =>
                          html`<li>
                            <a href="/cong-khai/nhiem-vu/${t.id}">${t.label} ${t.title}</a><br />
                            <span class="small muted"
                              >${t.programTitle} — chủ trì: ${unitLink(t.leadUnit)}</span
                            >
                          </li>`,
                      )}
                    </ul>`
                  : html`<p>Không có nhiệm vụ phù hợp.</p>`
              }`
          : html`<p>Nhập ít nhất 2 ký tự để tìm.</p>`
      }`,
  });
}
