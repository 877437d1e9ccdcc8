/** /cong-khai: the published programs, with a search box. */
import type { PublicProgramList } from '../../../contract/public.js';
import { html, page } from '../html.js';
import { date, day, percent } from './common.js';

export function programsPage(list: PublicProgramList): string {
  return page({
    title: 'Chương trình đã công khai',
    description:
      'Các chương trình hành động đã công khai và tiến độ thực hiện theo báo cáo đã được chấp nhận.',
    alternates: [
      { href: '/api/public/programs', type: 'application/json', title: 'Danh sách chương trình (JSON)' },
      { href: '/api/public/programs.csv', type: 'text/csv', title: 'Danh sách chương trình (CSV)' },
    ],
    body: html`<form class="search" action="/cong-khai/tim-kiem" method="get" role="search">
        <label for="q" class="skip">Tìm nhiệm vụ, chương trình</label>
        <input
          id="q"
          name="q"
          type="search"
          placeholder="Tìm nhiệm vụ, chương trình (gõ có dấu hoặc không dấu)"
        />
        <button type="submit">Tìm kiếm</button>
      </form>
      <p class="muted small">
        Tiến độ chỉ lấy từ báo cáo của đơn vị đã được cơ quan theo dõi chấp nhận và đã ghi vào sổ công khai.
        Dữ liệu mở: <a href="/cong-khai/du-lieu">JSON, CSV và nguồn tin Atom</a>.
      </p>
      ${
        list.items.length
          ? html`<div class="wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Số, ký hiệu</th>
                    <th scope="col">Ngày ban hành</th>
                    <th scope="col">Cơ quan ban hành</th>
                    <th scope="col">Trích yếu</th>
                    <th scope="col">Số nhiệm vụ</th>
                    <th scope="col">Đã hoàn thành</th>
                    <th scope="col">Đúng hạn / trễ hạn</th>
                    <th scope="col">Báo cáo chấp nhận gần nhất</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.items.map(
                    (p) =>
                      html`<tr>
                        <td>${p.number ?? '—'}</td>
                        <td>${date(p.docDate)}</td>
                        <td>${p.issuer ?? '—'}</td>
                        <td><a href="/cong-khai/chuong-trinh/${p.id}">${p.title}</a></td>
                        <td>${p.taskCount}</td>
                        <td>${p.doneCount} nhiệm vụ (${percent(p.percentDone)})</td>
                        <td>
                          <span class="ok">${p.onTime} đúng hạn</span>,
                          <span class="late">${p.late} trễ hạn</span>
                        </td>
                        <td>${day(p.lastAcceptedAt)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p>Chưa có chương trình nào được công khai.</p>`
      }`,
  });
}
