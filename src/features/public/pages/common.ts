/** Pieces the portal's pages share: dates, status and timeliness in words, the task table, 404. */
import { formatDateTimeVN, formatDateVN } from '../../../domain/format.js';
import type { PublicTaskRow, PublicUnitRef } from '../../../contract/public.js';
import { html, page, type Html } from '../html.js';

export const HOME = { label: 'Trang chủ công khai', href: '/cong-khai' };

/** dd/mm/yyyy of an ISO date-time, in Vietnam's time zone. */
export function day(iso: string | null): string {
  if (!iso) return '—';
  return formatDateTimeVN(new Date(iso)).slice(6);
}

export function date(d: string | null): string {
  return d ? formatDateVN(d) : '—';
}

export function percent(p: number | null): string {
  return p === null ? '—' : `${p}%`;
}

/** The status in words, never by colour alone. */
export function statusTag(r: Pick<PublicTaskRow, 'status' | 'statusLabel' | 'percent'>): Html {
  const cls = r.status === 'done' ? 'ok' : r.status ? '' : 'wait';
  const pct = r.percent !== null && r.status !== 'done' ? ` (${r.percent}%)` : '';
  return html`<span class="${cls}">${r.statusLabel}${pct}</span>`;
}

export function timelinessTag(t: string | null, label: string): Html {
  if (!t) return html`<span class="muted">—</span>`;
  const cls = t === 'on_time' ? 'ok' : t === 'late' || t === 'overdue' ? 'late' : 'wait';
  return html`<span class="tag ${cls}">${label}</span>`;
}

export function unitLink(u: PublicUnitRef | null): Html | string {
  return u ? html`<a href="/cong-khai/don-vi/${u.id}">${u.name}</a>` : '—';
}

export function leafLink(idx: number): Html {
  return html`<a href="/cong-khai/kiem-chung?leaf=${idx}">Sổ công khai, mục số ${idx}</a>`;
}

/** The table of tasks (a program's group, a unit's tasks). */
export function taskTable(
  rows: PublicTaskRow[],
  opts: { caption: string; program?: (r: PublicTaskRow) => Html },
): Html {
  return html`<div class="wrap">
    <table>
      <caption class="muted small" style="text-align:left">
        ${opts.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Số TT</th>
          <th scope="col">Nhiệm vụ</th>
          ${opts.program ? html`<th scope="col">Chương trình</th>` : ''}
          <th scope="col">Chủ trì</th>
          <th scope="col">Phối hợp</th>
          <th scope="col">Thời hạn</th>
          <th scope="col">Sản phẩm dự kiến</th>
          <th scope="col">Tình trạng</th>
          <th scope="col">Đúng hạn / trễ hạn</th>
          <th scope="col">Báo cáo chấp nhận gần nhất</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <td>${r.label}</td>
              <td class="wide"><a href="/cong-khai/nhiem-vu/${r.id}">${r.title}</a></td>
              ${opts.program ? html`<td class="wide">${opts.program(r)}</td>` : ''}
              <td>${unitLink(r.leadUnit)}</td>
              <td>
                ${r.cooperatingUnits.length ? r.cooperatingUnits.map((u, i) => html`${i ? ', ' : ''}${unitLink(u)}`) : '—'}
              </td>
              <td>${r.deadline || '—'}</td>
              <td>${r.expectedProducts.length ? r.expectedProducts.join('; ') : '—'}</td>
              <td>${statusTag(r)}</td>
              <td>${timelinessTag(r.timeliness, r.timelinessLabel)}</td>
              <td>${day(r.lastAcceptedAt)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The page of a 404: a public record that does not exist or is not public. */
export function notFoundPage(message: string): string {
  return page({
    title: 'Không tìm thấy',
    crumbs: [HOME, { label: 'Không tìm thấy' }],
    body: html`<p>${message}</p>
      <p><a href="/cong-khai">Về danh sách chương trình đã công khai</a></p>`,
  });
}
