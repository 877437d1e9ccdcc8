/** /cong-khai/du-lieu: the open datasets, their JSON and CSV links, fields and licence. */
import type { PublicProgramRef } from '../../../contract/public.js';
import { html, page, type Html } from '../html.js';
import { HOME } from './common.js';

export const LICENCE =
  'Giấy phép Dữ liệu mở — Ghi nguồn: Creative Commons Attribution 4.0 (CC BY 4.0). Được tự do sao chép, phân phối, sử dụng lại, kể cả vì mục đích thương mại, với điều kiện ghi rõ nguồn.';

export const PROGRAM_FIELDS: [string, string, string][] = [
  ['id', 'Mã định danh', 'Mã chương trình (UUID)'],
  ['number', 'Số, ký hiệu', 'Số, ký hiệu văn bản'],
  ['docDate', 'Ngày ban hành', 'Ngày ban hành văn bản'],
  ['issuer', 'Cơ quan ban hành', 'Cơ quan ban hành'],
  ['title', 'Trích yếu', 'Trích yếu văn bản'],
  ['taskCount', 'Số nhiệm vụ', 'Số nhiệm vụ của chương trình'],
  ['doneCount', 'Đã hoàn thành', 'Số nhiệm vụ đã hoàn thành theo báo cáo được chấp nhận'],
  ['percentDone', 'Tỷ lệ hoàn thành (%)', 'Tỷ lệ nhiệm vụ đã hoàn thành'],
  ['onTime', 'Đúng hạn', 'Số nhiệm vụ đúng hạn'],
  ['late', 'Trễ hạn', 'Số nhiệm vụ trễ hạn hoặc quá hạn'],
  ['lastAcceptedAt', 'Báo cáo chấp nhận gần nhất', 'Thời điểm chấp nhận báo cáo gần nhất (ISO 8601)'],
];

export const TASK_FIELDS: [string, string, string][] = [
  ['id', 'Mã định danh', 'Mã nhiệm vụ (UUID)'],
  ['group', 'Nhóm nhiệm vụ', 'Nhóm nhiệm vụ trong văn bản'],
  ['label', 'Số TT', 'Ký hiệu nhiệm vụ trong văn bản (II.1.a)'],
  ['title', 'Nhiệm vụ', 'Nội dung nhiệm vụ'],
  ['leadUnit', 'Đơn vị chủ trì', 'Tên đơn vị chủ trì'],
  ['cooperatingUnits', 'Đơn vị phối hợp', 'Tên các đơn vị phối hợp, cách nhau bởi dấu chấm phẩy'],
  ['deadline', 'Thời hạn', 'Thời hạn như văn bản ghi'],
  ['dueDate', 'Hạn cuối', 'Ngày cuối cùng của thời hạn (YYYY-MM-DD)'],
  ['expectedProducts', 'Sản phẩm dự kiến', 'Sản phẩm dự kiến, cách nhau bởi dấu chấm phẩy'],
  ['statusLabel', 'Tình trạng', 'Tình trạng theo báo cáo được chấp nhận gần nhất'],
  ['percent', 'Tiến độ (%)', 'Phần trăm hoàn thành'],
  ['timelinessLabel', 'Đúng hạn / trễ hạn', 'Đúng hạn, trễ hạn, quá hạn, chưa đến hạn'],
  ['lastAcceptedAt', 'Báo cáo chấp nhận gần nhất', 'Thời điểm chấp nhận (ISO 8601)'],
  ['leafIdx', 'Mục sổ công khai', 'Số mục trong sổ công khai của tiến độ hiện tại'],
];

export const PROGRESS_FIELDS: [string, string, string][] = [
  ['leafIdx', 'Mục sổ công khai', 'Số mục trong sổ công khai (kiểm chứng tại /cong-khai/kiem-chung?leaf=…)'],
  ['taskId', 'Mã nhiệm vụ', 'Mã nhiệm vụ (UUID)'],
  ['taskLabel', 'Số TT', 'Ký hiệu nhiệm vụ trong văn bản'],
  ['taskTitle', 'Nhiệm vụ', 'Nội dung nhiệm vụ'],
  ['unit', 'Đơn vị báo cáo', 'Đơn vị chủ trì đã báo cáo'],
  ['period', 'Kỳ báo cáo', 'Kỳ báo cáo'],
  ['status', 'Mã tình trạng', 'Mã tình trạng (not_started, in_progress, done, paused, obsolete)'],
  ['statusLabel', 'Tình trạng', 'Tình trạng theo báo cáo được chấp nhận'],
  ['percent', 'Tiến độ (%)', 'Phần trăm hoàn thành'],
  ['completedOn', 'Ngày hoàn thành', 'Ngày hoàn thành (YYYY-MM-DD)'],
  ['dueDate', 'Hạn cuối', 'Hạn cuối khi báo cáo được chấp nhận (YYYY-MM-DD)'],
  ['timeliness', 'Đúng hạn / trễ hạn', 'Đúng hạn, trễ hạn, chưa đến hạn, không có hạn — khi được chấp nhận'],
  ['results', 'Kết quả', 'Kết quả đơn vị báo cáo'],
  ['products', 'Sản phẩm', 'Sản phẩm đã hoàn thành: tên, số, ngày; cách nhau bởi dấu chấm phẩy'],
  ['submittedAt', 'Nộp lúc', 'Thời điểm đơn vị nộp báo cáo (ISO 8601)'],
  ['acceptedAt', 'Chấp nhận lúc', 'Thời điểm báo cáo được chấp nhận (ISO 8601)'],
  ['acceptedBy', 'Cơ quan chấp nhận', 'Cơ quan theo dõi đã chấp nhận'],
];

export const UNIT_FIELDS: [string, string, string][] = [
  ['id', 'Mã định danh', 'Mã đơn vị (UUID)'],
  ['name', 'Đơn vị', 'Tên đơn vị'],
  ['tasks', 'Nhiệm vụ chủ trì', 'Số nhiệm vụ chủ trì trong các chương trình đã công khai'],
  ['done', 'Đã hoàn thành', 'Số nhiệm vụ đã hoàn thành theo báo cáo được chấp nhận'],
  ['onTime', 'Đúng hạn', 'Số nhiệm vụ đúng hạn'],
  ['late', 'Trễ hạn', 'Số nhiệm vụ trễ hạn hoặc quá hạn'],
  ['onTimeRate', 'Tỷ lệ đúng hạn (%)', 'Đúng hạn ÷ (đúng hạn + trễ hạn + quá hạn)'],
  ['reports.accepted', 'Báo cáo được chấp nhận', 'Số báo cáo được chấp nhận (chương trình đã công khai)'],
  ['reports.onTime', 'Báo cáo đúng hạn', 'Số báo cáo nộp đúng hạn'],
  ['reports.late', 'Báo cáo nộp muộn', 'Số báo cáo nộp muộn'],
];

function fields(list: [string, string, string][]): Html {
  return html`<div class="wrap">
    <table>
      <thead>
        <tr>
          <th scope="col">Trường JSON</th>
          <th scope="col">Cột CSV</th>
          <th scope="col">Ý nghĩa</th>
        </tr>
      </thead>
      <tbody>
        ${list.map(
          ([k, c, d]) =>
            html`<tr>
              <td><code>${k}</code></td>
              <td>${c}</td>
              <td>${d}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function dataPage(programs: PublicProgramRef[]): string {
  return page({
    title: 'Dữ liệu mở',
    crumbs: [HOME, { label: 'Dữ liệu mở' }],
    body: html`<p class="source"><strong>Giấy phép:</strong> ${LICENCE}</p>
      <p>
        Mọi dữ liệu trên cổng đều có bản JSON (lược đồ trong <a href="/docs">tài liệu API</a>, nhóm
        <code>public</code>) và CSV (UTF-8 có BOM, mở được bằng Excel). Tiến độ chỉ lấy từ báo cáo đã được
        chấp nhận và ghi trong sổ công khai, có thể <a href="/cong-khai/kiem-chung">kiểm chứng</a>.
      </p>
      <h2>Danh sách chương trình đã công khai</h2>
      <p><a href="/api/public/programs">JSON</a> · <a href="/api/public/programs.csv">CSV</a></p>
      ${fields(PROGRAM_FIELDS)}
      <h2>Nhiệm vụ và tiến độ của từng chương trình</h2>
      ${
        programs.length
          ? html`<ul>
              ${programs.map(
                (p) =>
                  html`<li>
                    ${p.number ?? p.title}: <a href="/api/public/programs/${p.id}">JSON</a> ·
                    <a href="/api/public/programs/${p.id}/tasks.csv">CSV</a> · tiến độ đã chấp nhận
                    <a href="/api/public/programs/${p.id}/progress.csv">CSV</a> ·
                    <a href="/cong-khai/chuong-trinh/${p.id}/thay-doi.atom">Atom</a>
                  </li>`,
              )}
            </ul>`
          : html`<p>Chưa có chương trình nào được công khai.</p>`
      }
      ${fields(TASK_FIELDS)}
      <h2>Tiến độ đã được chấp nhận của từng chương trình (CSV, mỗi dòng một mục sổ công khai)</h2>
      ${fields(PROGRESS_FIELDS)}
      <h2>Các đơn vị chủ trì và kết quả thực hiện</h2>
      <p><a href="/api/public/units">JSON</a> · <a href="/api/public/units.csv">CSV</a></p>
      ${fields(UNIT_FIELDS)}
      <h2>Các tập dữ liệu khác (JSON)</h2>
      <ul>
        <li><code>/api/public/tasks/{id}</code>: một nhiệm vụ và toàn bộ tiến độ đã được chấp nhận</li>
        <li>
          <code>/api/public/units/{id}</code>: nhiệm vụ đơn vị chủ trì, tỷ lệ đúng hạn, báo cáo đúng hạn
        </li>
        <li><code>/api/public/search?q=</code>: tìm nhiệm vụ, chương trình (không phân biệt dấu)</li>
        <li>
          <code>/cong-khai/chuong-trinh/{id}/thay-doi.atom</code>: nguồn tin Atom các thay đổi của một chương
          trình (mỗi mục sổ công khai là một tin)
        </li>
      </ul>`,
  });
}
