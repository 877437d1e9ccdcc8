import type { AssignmentBody } from '../../src/contract/tasks.js';

/**
 * The body of `PUT /api/tasks/:id/assignment` that names a lead unit and nothing else: no cooperating
 * unit, focal person, deadline or product. Tests spread what they need over it.
 */
export const leadOnlyAssignment = (version: number, leadUnitId: string): AssignmentBody => ({
  version,
  leadUnitId,
  cooperatingUnitIds: [],
  focal: null,
  deadline: null,
  products: [],
});

/** Two groups; task 3 states a deadline before the program's date, task 4 cites a resolution with its date. */
export const BULK_PLAN = `KẾ HOẠCH
Thử nghiệm giao nhiệm vụ hàng loạt

Hà Nội, ngày 15 tháng 01 năm 2026

I. NHIỆM VỤ

1. Công tác pháp luật

- Rà soát văn bản quy phạm pháp luật của Thành phố.

- Tổ chức hội nghị tập huấn cho cán bộ cấp xã.

- Sở Tư pháp chủ trì biên soạn tài liệu phổ biến pháp luật, hoàn thành trước ngày 30/12/2025.

2. Công tác cán bộ

- Triển khai thực hiện Nghị quyết số 115/2020/QH14 ngày 19/6/2020 của Quốc hội về thí điểm cơ chế đặc thù.

- Sở Nội vụ chủ trì kiện toàn đội ngũ cán bộ làm công tác pháp chế, hoàn thành trước ngày 30/9/2026.
`;
