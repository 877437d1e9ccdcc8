/** /cong-khai/don-vi/:id: the tasks a unit leads in public programs, its on-time rate and reports. */
import type { PublicUnitDetail } from '../../../contract/public.js';
import { html, page } from '../html.js';
import { HOME, percent, taskTable } from './common.js';

export function unitPage(u: PublicUnitDetail): string {
  return page({
    title: u.name,
    crumbs: [HOME, { label: u.name }],
    alternates: [{ href: `/api/public/units/${u.id}`, type: 'application/json', title: 'Đơn vị (JSON)' }],
    body: html`<p class="source">
        <strong>Nguồn:</strong> nhiệm vụ do ${u.name} chủ trì trong các chương trình đã công khai; tiến độ
        theo báo cáo của đơn vị đã được chấp nhận.
      </p>
      <ul>
        <li>Nhiệm vụ chủ trì: <strong>${u.tasks.length}</strong></li>
        <li>
          <span class="ok">Đúng hạn: ${u.onTime}</span>;
          <span class="late">trễ hạn hoặc quá hạn: ${u.late}</span>; tỷ lệ đúng hạn:
          <strong>${percent(u.onTimeRate)}</strong>
        </li>
        <li>
          Báo cáo được chấp nhận: ${u.reports.accepted}, trong đó nộp đúng hạn ${u.reports.onTime}, nộp muộn
          ${u.reports.late}
        </li>
      </ul>
      <h2>Nhiệm vụ chủ trì</h2>
      ${
        u.tasks.length
          ? taskTable(u.tasks, {
              caption: `Nhiệm vụ do ${u.name} chủ trì`,
              program: (r) => {
                const t = u.tasks.find((x) => x.id === r.id)!;
                return html`<a href="/cong-khai/chuong-trinh/${t.programId}">${t.programTitle}</a>`;
              },
            })
          : html`<p>Đơn vị không chủ trì nhiệm vụ nào trong các chương trình đã công khai.</p>`
      }`,
  });
}
