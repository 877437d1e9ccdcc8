/** /cong-khai/chuong-trinh/:id: the document, its task groups and tasks, its published documents. */
import type { PublicProgramDetail } from '../../../contract/public.js';
import { html, page } from '../html.js';
import { date, day, HOME, percent, taskTable } from './common.js';

const DOC_KIND: Record<string, string> = {
  consolidated: 'Báo cáo tổng hợp',
  review: 'Báo cáo sơ kết, tổng kết',
};

export function programPage(p: PublicProgramDetail): string {
  const base = `/cong-khai/chuong-trinh/${p.id}`;
  return page({
    title: p.title,
    crumbs: [HOME, { label: p.number ?? p.title }],
    description: `${p.source}: ${p.taskCount} nhiệm vụ, ${p.doneCount} đã hoàn thành.`,
    alternates: [
      {
        href: `${base}/thay-doi.atom`,
        type: 'application/atom+xml',
        title: 'Thay đổi của chương trình (Atom)',
      },
      {
        href: `/api/public/programs/${p.id}`,
        type: 'application/json',
        title: 'Chương trình và nhiệm vụ (JSON)',
      },
      { href: `/api/public/programs/${p.id}/tasks.csv`, type: 'text/csv', title: 'Nhiệm vụ (CSV)' },
    ],
    body: html`<p class="source">
        <strong>Nguồn:</strong> ${p.source}. Công khai từ ngày ${day(p.publicSince)}. Tiến độ theo các báo cáo
        đã được chấp nhận, ghi trong sổ công khai.
      </p>
      <ul>
        <li>
          Số nhiệm vụ: <strong>${p.taskCount}</strong>; đã có báo cáo được chấp nhận: ${p.reportedCount}
        </li>
        <li>Đã hoàn thành: <strong>${p.doneCount}</strong> (${percent(p.percentDone)})</li>
        <li>
          <span class="ok">Đúng hạn: ${p.onTime}</span>;
          <span class="late">trễ hạn hoặc quá hạn: ${p.late}</span>
        </li>
        <li>Báo cáo được chấp nhận gần nhất: ${day(p.lastAcceptedAt)}</li>
      </ul>
      <p class="small">
        Tải dữ liệu: <a href="/api/public/programs/${p.id}">JSON</a> ·
        <a href="/api/public/programs/${p.id}/tasks.csv">CSV</a> ·
        <a href="${base}/thay-doi.atom">Nguồn tin thay đổi (Atom)</a>
      </p>
      ${
        p.documents.length
          ? html`<h2>Báo cáo đã công bố</h2>
              <div class="wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Tài liệu</th>
                      <th scope="col">Số</th>
                      <th scope="col">Ngày</th>
                      <th scope="col">Tải về</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${p.documents.map(
                      (d) =>
                        html`<tr>
                          <td>${DOC_KIND[d.kind] ?? 'Tài liệu'}: ${d.title}</td>
                          <td>${d.number ?? '—'}</td>
                          <td>${date(d.docDate)}</td>
                          <td>
                            <a href="${d.docxUrl}">Tải .docx</a
                            >${d.pdfUrl ? html` · <a href="${d.pdfUrl}">Tải .pdf</a>` : ''}
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
          : ''
      }
      <h2>Nhiệm vụ</h2>
      ${p.groups.length ? '' : html`<p>Chương trình chưa có nhiệm vụ.</p>`}
      ${p.groups.map(
        (g) =>
          html`<h3>${g.label ? `${g.label}. ` : ''}${g.title}</h3>
            ${taskTable(g.tasks, { caption: `Nhiệm vụ của nhóm ${g.label || g.title}` })}`,
      )}`,
  });
}
