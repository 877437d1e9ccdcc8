/** /cong-khai/nhiem-vu/:id: a task, its accepted progress history, products delivered, public files. */
import type { PublicTaskDetail } from '../../../contract/public.js';
import { html, page } from '../html.js';
import { date, day, HOME, leafLink, statusTag, timelinessTag, unitLink } from './common.js';

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function taskPage(d: PublicTaskDetail): string {
  const t = d.task;
  return page({
    title: `Nhiệm vụ ${t.label}: ${t.title}`.slice(0, 200),
    heading: `Nhiệm vụ ${t.label}`,
    crumbs: [
      HOME,
      { label: d.program.number ?? d.program.title, href: `/cong-khai/chuong-trinh/${d.program.id}` },
      { label: `Nhiệm vụ ${t.label}` },
    ],
    alternates: [
      { href: `/api/public/tasks/${t.id}`, type: 'application/json', title: 'Nhiệm vụ và tiến độ (JSON)' },
    ],
    body: html`<p class="source">
        <strong>Nguồn:</strong>
        ${d.program.source}${d.group ? html`, mục ${d.group.label} ${d.group.title}` : ''}.
      </p>
      <p>${d.text}</p>
      <div class="wrap">
        <table>
          <tbody>
            <tr>
              <th scope="row">Đơn vị chủ trì</th>
              <td>${unitLink(t.leadUnit)}</td>
            </tr>
            <tr>
              <th scope="row">Đơn vị phối hợp</th>
              <td>
                ${t.cooperatingUnits.length ? t.cooperatingUnits.map((u, i) => html`${i ? ', ' : ''}${unitLink(u)}`) : '—'}
              </td>
            </tr>
            <tr>
              <th scope="row">Thời hạn</th>
              <td>${t.deadline || '—'}</td>
            </tr>
            <tr>
              <th scope="row">Sản phẩm dự kiến</th>
              <td>${t.expectedProducts.length ? t.expectedProducts.join('; ') : '—'}</td>
            </tr>
            <tr>
              <th scope="row">Tình trạng</th>
              <td>${statusTag(t)}</td>
            </tr>
            <tr>
              <th scope="row">Đúng hạn / trễ hạn</th>
              <td>${timelinessTag(t.timeliness, t.timelinessLabel)}</td>
            </tr>
            <tr>
              <th scope="row">Báo cáo chấp nhận gần nhất</th>
              <td>${day(t.lastAcceptedAt)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2>Tiến độ đã được chấp nhận</h2>
      ${
        d.history.length
          ? html`<ol reversed class="cards">
              ${d.history.map(
                (h) =>
                  html`<li>
                    <h3>
                      Kỳ ${h.period.label}: ${statusTag(h)} ${timelinessTag(h.timeliness, h.timelinessLabel)}
                    </h3>
                    <p class="source small">${h.source}. ${leafLink(h.leafIdx)}.</p>
                    ${h.results ? html`<p><strong>Kết quả:</strong> ${h.results}</p>` : ''}
                    ${h.completedOn ? html`<p>Hoàn thành ngày ${date(h.completedOn)}</p>` : ''}
                    ${
                      h.products.length
                        ? html`<p><strong>Sản phẩm:</strong></p>
                            <ul>
                              ${h.products.map(
                                (x) =>
                                  html`<li>
                                    ${x.description}${x.number ? html`, số ${x.number}` : ''}${x.date ? html`, ngày ${date(x.date)}` : ''}
                                  </li>`,
                              )}
                            </ul>`
                        : ''
                    }
                    ${
                      h.evidence.length
                        ? html`<p><strong>Tệp minh chứng:</strong></p>
                            <ul>
                              ${h.evidence.map((f) => html`<li><a href="${f.url}">${f.filename}</a> (${size(f.size)})</li>`)}
                            </ul>`
                        : ''
                    }
                  </li>`,
              )}
            </ol>`
          : html`<p>Chưa có báo cáo nào về nhiệm vụ này được chấp nhận.</p>`
      }
      <h2>Sản phẩm đã hoàn thành</h2>
      ${
        d.delivered.length
          ? html`<div class="wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Sản phẩm</th>
                    <th scope="col">Số, ký hiệu</th>
                    <th scope="col">Ngày</th>
                    <th scope="col">Kỳ báo cáo</th>
                  </tr>
                </thead>
                <tbody>
                  ${d.delivered.map(
                    (x) =>
                      html`<tr>
                        <td>${x.description}</td>
                        <td>${x.number ?? '—'}</td>
                        <td>${date(x.date)}</td>
                        <td>${x.period}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p>Chưa có sản phẩm được báo cáo.</p>`
      }
      <h2>Tệp minh chứng công khai</h2>
      ${
        d.evidence.length
          ? html`<ul>
              ${d.evidence.map((f) => html`<li><a href="${f.url}">${f.filename}</a> (${size(f.size)})</li>`)}
            </ul>`
          : html`<p>Không có tệp minh chứng công khai.</p>`
      }`,
  });
}
