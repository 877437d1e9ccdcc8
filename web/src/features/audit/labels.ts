/**
 * Vietnamese labels for audit events: actions, entity types, field names and values.
 * Action codes are `<entity>.<verb>` (e.g. `unit.update`, `user.disable`, `auth.login`); unknown
 * codes are labelled by the verb they contain, and shown raw only as a last resort.
 */
import { formatDateTime, formatIsoDate, roleLabel, unitKindLabel } from '../../lib/format';
import {
  BASELINE_FIELD_LABELS,
  deadlineLabel,
  focalLabel,
  productLabel,
  programStatusInfo,
} from '../tasks/labels';
import type { Deadline, Focal, Product } from '../../shared/assignment';
import { isAuditAction, type AuditAction } from '../../shared/audit';
import { OBLIGATION_STATUS, PERIOD_STATUS, REVIEW_KIND_LABELS, periodKindLabel } from '../periods/labels';
import { OBSTACLE_KIND_LABELS, OBSTACLE_STATUS } from '../obstacles/labels';
import { REMINDER_KINDS } from '../reports/labels';
import { DRAFT_STATUS_LABELS } from '../imports/DraftStatusTag';
import { nodeKindLabel } from '../document/labels';
import { infoOf, type TagInfo } from '../../lib/tagInfo';

export interface ActionInfo {
  label: string;
  color: string;
}

/** Every action the server writes (the shared catalog): a new one without a label fails to compile. */
const EXACT: Record<AuditAction, ActionInfo> = {
  'auth.login': { label: 'Đăng nhập', color: 'default' },
  'auth.logout': { label: 'Đăng xuất', color: 'default' },
  'auth.login_failed': { label: 'Đăng nhập không thành công', color: 'warning' },
  'unit.create': { label: 'Tạo mới', color: 'green' },
  'unit.update': { label: 'Cập nhật', color: 'blue' },
  'unit.update_contact': { label: 'Cập nhật liên hệ', color: 'blue' },
  'unit.import_update': { label: 'Cập nhật qua nhập CSV', color: 'purple' },
  'user.create': { label: 'Tạo mới', color: 'green' },
  'user.update': { label: 'Cập nhật', color: 'blue' },
  'user.disable': { label: 'Khóa', color: 'red' },
  'user.enable': { label: 'Mở khóa', color: 'green' },
  'user.reset_password': { label: 'Đặt lại mật khẩu', color: 'orange' },
  'user.change_password': { label: 'Đổi mật khẩu', color: 'orange' },
  'system.demo_loaded': { label: 'Nạp dữ liệu mẫu', color: 'cyan' },
  'import.create': { label: 'Nhập văn bản', color: 'purple' },
  'import.read': { label: 'Đọc xong văn bản nhập', color: 'purple' },
  'import.edit': { label: 'Sửa cấu trúc', color: 'blue' },
  'import.publish': { label: 'Ban hành', color: 'green' },
  'import.discard': { label: 'Hủy bản nhập', color: 'default' },
  'import.heading': { label: 'Sửa phần đầu văn bản', color: 'blue' },
  'import.create_units': { label: 'Tạo các đơn vị đề xuất', color: 'green' },
  'program.publish': { label: 'Ban hành', color: 'green' },
  'program.implement': { label: 'Triển khai', color: 'green' },
  'program.set_monitoring': { label: 'Giao đơn vị theo dõi', color: 'blue' },
  'task.assign': { label: 'Giao nhiệm vụ', color: 'blue' },
  'task.adjust': { label: 'Điều chỉnh', color: 'orange' },
  'task.accept_suggestion': { label: 'Chấp nhận đề xuất', color: 'cyan' },
  'plan.create': { label: 'Lập kế hoạch', color: 'green' },
  'plan.add_item': { label: 'Thêm mục kế hoạch', color: 'green' },
  'plan.link': { label: 'Gắn nhiệm vụ', color: 'purple' },
  'period.open': { label: 'Mở kỳ báo cáo', color: 'green' },
  'period.update': { label: 'Sửa kỳ báo cáo', color: 'blue' },
  'period.close': { label: 'Đóng kỳ báo cáo', color: 'default' },
  'period.reopen': { label: 'Mở lại kỳ báo cáo', color: 'orange' },
  'report.save_draft': { label: 'Lưu nháp báo cáo', color: 'blue' },
  'report.submit': { label: 'Nộp báo cáo', color: 'green' },
  'report.accept': { label: 'Duyệt báo cáo', color: 'green' },
  'report.return': { label: 'Trả lại báo cáo', color: 'orange' },
  'file.upload': { label: 'Tải lên tệp minh chứng', color: 'purple' },
  'file.sweep': { label: 'Xóa tệp minh chứng không còn báo cáo nào dùng', color: 'default' },
  'obstacle.raise': { label: 'Nêu khó khăn, vướng mắc', color: 'orange' },
  'obstacle.update_text': { label: 'Sửa nội dung khó khăn, vướng mắc', color: 'blue' },
  'obstacle.assign': { label: 'Giao đơn vị xử lý', color: 'blue' },
  'obstacle.answer': { label: 'Trả lời khó khăn, vướng mắc', color: 'green' },
  'obstacle.close': { label: 'Đóng khó khăn, vướng mắc', color: 'default' },
  'obstacle.reopen': { label: 'Mở lại khó khăn, vướng mắc', color: 'orange' },
  'recommendation.report_remediation': { label: 'Báo cáo khắc phục kiến nghị', color: 'blue' },
  'recommendation.accept': { label: 'Chấp nhận kết quả khắc phục', color: 'green' },
  'recommendation.return': { label: 'Trả lại báo cáo khắc phục', color: 'orange' },
  'consolidation.create': { label: 'Lập dự thảo báo cáo tổng hợp', color: 'green' },
  'consolidation.regenerate': { label: 'Tổng hợp lại dự thảo', color: 'purple' },
  'consolidation.edit': { label: 'Sửa dự thảo báo cáo tổng hợp', color: 'blue' },
  'consolidation.send': { label: 'Trình duyệt báo cáo tổng hợp', color: 'gold' },
  'consolidation.return': { label: 'Trả lại báo cáo tổng hợp', color: 'orange' },
  'consolidation.approve': { label: 'Ký duyệt báo cáo tổng hợp', color: 'green' },
  'consolidation.revise': { label: 'Tạo bản sửa đổi báo cáo tổng hợp', color: 'purple' },
  'reminder.send': { label: 'Gửi lời nhắc theo lịch', color: 'cyan' },
  'reminder.skip': { label: 'Bỏ qua lời nhắc', color: 'default' },
  'reminder.send_manual': { label: 'Gửi lời nhắc ngay', color: 'cyan' },
  'notification.read': { label: 'Đọc thông báo', color: 'default' },
  'report.copy_forward': { label: 'Sao chép báo cáo kỳ trước đã được chấp nhận', color: 'blue' },
  'notification.set_preferences': { label: 'Đổi tùy chọn thư thông báo', color: 'default' },
  // inspections (issue 13)
  'inspection.create': { label: 'Lập kế hoạch kiểm tra, giám sát', color: 'green' },
  'inspection.update': { label: 'Sửa kế hoạch kiểm tra, giám sát', color: 'blue' },
  'inspection.activate': { label: 'Ban hành kế hoạch kiểm tra, giám sát', color: 'gold' },
  'inspection.close': { label: 'Kết thúc kế hoạch kiểm tra, giám sát', color: 'default' },
  'visit.create': { label: 'Ghi đợt làm việc, biên bản', color: 'green' },
  'visit.update': { label: 'Sửa đợt làm việc, biên bản', color: 'blue' },
  'conclusion.create': { label: 'Lập dự thảo kết luận', color: 'green' },
  'conclusion.update': { label: 'Sửa dự thảo kết luận', color: 'blue' },
  'conclusion.issue': { label: 'Ban hành kết luận', color: 'gold' },
  'conclusion.revise': { label: 'Tạo bản sửa đổi kết luận', color: 'purple' },
  'conclusion.supersede': { label: 'Kết luận được thay thế bởi bản sửa đổi', color: 'default' },
  'direction.create': { label: 'Viết ý kiến chỉ đạo', color: 'gold' },
  'direction.answer': { label: 'Trả lời ý kiến chỉ đạo', color: 'green' },
  'direction.close': { label: 'Kết thúc theo dõi ý kiến chỉ đạo', color: 'default' },
  'direction.return': { label: 'Trả lại trả lời ý kiến chỉ đạo (chưa đạt)', color: 'orange' },
  'program.publicize': { label: 'Công khai chương trình trên cổng thông tin', color: 'gold' },
  'program.unpublicize': { label: 'Thôi công khai chương trình', color: 'orange' },
  'evidence.publicize': { label: 'Công khai tệp minh chứng', color: 'green' },
  'evidence.internalize': { label: 'Chuyển tệp minh chứng về nội bộ', color: 'orange' },
  'document.publish': { label: 'Công bố báo cáo trên cổng thông tin', color: 'gold' },
  'document.withdraw': { label: 'Gỡ báo cáo khỏi cổng thông tin', color: 'orange' },
};

const BY_VERB: [RegExp, ActionInfo][] = [
  [/reset/, { label: 'Đặt lại mật khẩu', color: 'orange' }],
  [/password/, { label: 'Đổi mật khẩu', color: 'orange' }],
  [/login.*fail|fail.*login/, { label: 'Đăng nhập không thành công', color: 'warning' }],
  [/logout/, { label: 'Đăng xuất', color: 'default' }],
  [/login/, { label: 'Đăng nhập', color: 'default' }],
  [/import/, { label: 'Nhập CSV', color: 'purple' }],
  [/export/, { label: 'Xuất CSV', color: 'default' }],
  [/contact/, { label: 'Cập nhật liên hệ', color: 'blue' }],
  [/unlock|enable|activate/, { label: 'Mở khóa', color: 'green' }],
  [/disable|lock|deactivate/, { label: 'Khóa', color: 'red' }],
  [/seed|bootstrap|init/, { label: 'Khởi tạo dữ liệu', color: 'cyan' }],
  [/create|add|insert/, { label: 'Tạo mới', color: 'green' }],
  [/update|edit|change|patch/, { label: 'Cập nhật', color: 'blue' }],
  [/delete|remove/, { label: 'Xóa', color: 'red' }],
];

/** The label of an action; strings from old data that the catalog no longer has fall back below. */
export function actionInfo(action: string): ActionInfo {
  if (isAuditAction(action)) return EXACT[action];
  const verb = action.toLowerCase();
  for (const [re, info] of BY_VERB) if (re.test(verb)) return info;
  return { label: action, color: 'default' };
}

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  unit: 'Đơn vị',
  user: 'Người dùng',
  session: 'Phiên đăng nhập',
  system: 'Hệ thống',
  import: 'Bản nhập văn bản',
  program: 'Chương trình',
  task: 'Nhiệm vụ',
  period: 'Kỳ báo cáo',
  report: 'Báo cáo',
  file: 'Tệp minh chứng',
  obstacle: 'Khó khăn, vướng mắc',
  recommendation: 'Kiến nghị',
  consolidation: 'Báo cáo tổng hợp',
  reminder: 'Lời nhắc',
  public_document: 'Tài liệu công bố',
};

export function entityTypeLabel(t: string): string {
  return ENTITY_TYPE_LABELS[t] ?? t;
}

const SYSTEM_ACTORS: Record<string, string> = {
  seed: 'khởi tạo dữ liệu',
  cli: 'dòng lệnh quản trị',
};

export function actorDisplay(label: string): string {
  if (label === 'anonymous') return 'Không xác định';
  if (label.startsWith('system:')) {
    const who = label.slice('system:'.length);
    return `Hệ thống (${SYSTEM_ACTORS[who] ?? who})`;
  }
  return label;
}

export const FIELD_LABELS: Record<string, string> = {
  code: 'Mã',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  kind: 'Loại đơn vị',
  parentId: 'Đơn vị cấp trên',
  parentName: 'Đơn vị cấp trên',
  active: 'Trạng thái',
  email: 'Thư điện tử',
  phone: 'Điện thoại',
  address: 'Địa chỉ',
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  role: 'Vai trò',
  unitId: 'Đơn vị',
  unitName: 'Đơn vị',
  mustChangePassword: 'Phải đổi mật khẩu',
  passwordChangedAt: 'Đổi mật khẩu lúc',
  ip: 'Địa chỉ IP',
  userAgent: 'Trình duyệt',
  expiresAt: 'Hết hạn lúc',
  created: 'Số đơn vị tạo mới',
  updated: 'Số đơn vị cập nhật',
  unchanged: 'Số đơn vị không đổi',
  reason: 'Lý do',
  locked: 'Tạm khóa đăng nhập',
  leadUnitId: 'Cơ quan chủ trì',
  cooperatingUnitIds: 'Cơ quan phối hợp',
  focal: 'Đầu mối',
  deadline: 'Thời hạn',
  products: 'Sản phẩm',
  changed: 'Phần thay đổi',
  sources: 'Theo văn bản',
  source: 'Nguồn',
  status: 'Trạng thái',
  plansDueDate: 'Hạn các đơn vị lập kế hoạch',
  tasks: 'Số nhiệm vụ',
  meter: 'Chỉ số 5 rõ',
  monitoringUnitId: 'Đơn vị theo dõi, tổng hợp',
  parentNodeIds: 'Nhiệm vụ được gắn',
  title: 'Tiêu đề',
  label: 'Số hiệu',
  text: 'Nội dung',
  person: 'Người thực hiện',
  // programs and imports
  programId: 'Chương trình',
  docKind: 'Loại văn bản',
  number: 'Số',
  date: 'Ngày ban hành',
  place: 'Địa danh',
  issuer: 'Cơ quan ban hành',
  parentIssuer: 'Cơ quan cấp trên',
  signerOnBehalf: 'Thẩm quyền ký',
  signerPosition: 'Chức vụ người ký',
  signerName: 'Người ký',
  filename: 'Tên tệp',
  format: 'Định dạng',
  op: 'Chỉnh sửa',
  sections: 'Số phần',
  nodes: 'Số mục',
  responsibilities: 'Số mục trách nhiệm',
  references: 'Số văn bản dẫn chiếu',
  warnings: 'Số cảnh báo',
  unmatchedBodies: 'Số cơ quan chưa khớp',
  // periods
  year: 'Năm',
  index: 'Kỳ số',
  cutoffStart: 'Số liệu từ ngày',
  cutoffEnd: 'Số liệu đến ngày',
  dueDate: 'Hạn nộp',
  schedule: 'Lịch nhắc hạn',
  reviewKind: 'Loại báo cáo',
  obligations: 'Số đơn vị phải báo cáo',
  units: 'Đơn vị phải báo cáo',
  // reports, evidence, obstacles, reminders
  periodId: 'Kỳ báo cáo',
  obligationId: 'Báo cáo',
  entries: 'Số nhiệm vụ đã điền',
  content: 'Nội dung báo cáo',
  currentVersion: 'Lần nộp trước',
  versionId: 'Bản nộp',
  late: 'Nộp muộn',
  comment: 'Nhận xét',
  taskComments: 'Nhận xét theo nhiệm vụ',
  sha256: 'Mã băm tệp',
  public: 'Công khai',
  leaves: 'Số mục ghi vào sổ công khai',
  consolidationId: 'Báo cáo tổng hợp',
  docxSha256: 'Mã băm tệp .docx',
  pdfSha256: 'Mã băm tệp .pdf',
  pdfNote: 'Ghi chú về bản PDF',
  size: 'Dung lượng',
  mime: 'Kiểu tệp',
  stored: 'Lưu tệp mới',
  removed: 'Số tệp đã xóa',
  bytes: 'Dung lượng giải phóng',
  handlingUnitId: 'Đơn vị xử lý',
  answer: 'Trả lời',
  outcome: 'Kết quả',
  heading: 'Phần đầu báo cáo',
  read: 'Số thông báo đã đọc',
};

/** Notes an event carries beside the changed values (why, from where): shown as they are, not as a diff. */
export const ANNOTATION_FIELDS = new Set(['changed', 'reason', 'sources', 'source']);

/** Book-keeping fields that every change touches; they add noise to a diff. */
const HIDDEN_FIELDS = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'updatedBy',
  'searchText',
  'passwordHash',
  'nodeId',
  'parentProgramId',
]);

/** Fields hidden for one kind of entity only: a task's due date is derived from its deadline, which is shown. */
const HIDDEN_FOR: Record<string, Set<string>> = { task: new Set(['dueDate']) };

/** Fields whose value is a unit id, shown by name. */
export const UNIT_ID_FIELDS = new Set([
  'parentId',
  'unitId',
  'leadUnitId',
  'monitoringUnitId',
  'handlingUnitId',
]);

/** Ids of other records, shown as "đã ghi nhận" rather than as a code no official can read. */
const RECORD_ID_FIELDS = new Set(['programId', 'periodId', 'obligationId', 'versionId', 'sha256']);

/** Numbers that name something (a year, a period's index, a submission's number): never 2.026. */
const NUMBER_AS_NAME = new Set(['year', 'index', 'number', 'currentVersion', 'version', 'seq']);

/** The words for a `status` (and the status-like `review`) value, per entity kind. */
const STATUS_BY_ENTITY: Record<string, Record<string, TagInfo>> = {
  period: PERIOD_STATUS,
  report: OBLIGATION_STATUS,
  obstacle: OBSTACLE_STATUS,
  import: DRAFT_STATUS_LABELS,
};

/** The words for a `kind` value, per entity kind (units: the unit's kind). */
function kindLabel(entityType: string, v: string): string {
  if (entityType === 'period') return periodKindLabel(v);
  if (entityType === 'obstacle') return OBSTACLE_KIND_LABELS[v as 'obstacle'] ?? v;
  if (entityType === 'reminder') return REMINDER_KINDS[v] ?? v;
  return unitKindLabel(v);
}

const EDIT_OPS: Record<string, string> = {
  setKind: 'Đổi loại mục',
  merge: 'Gộp vào mục trước',
  split: 'Tách mục',
  indent: 'Thụt vào',
  outdent: 'Lùi ra',
  mapBody: 'Ghép cơ quan với đơn vị',
};

/** One correction of an import draft's structure, in words. */
function editOpLabel(o: {
  op?: string;
  nodeId?: string;
  kind?: string;
  text?: string;
  unitCode?: string | null;
}) {
  const what = EDIT_OPS[o.op ?? ''] ?? o.op ?? '';
  if (o.op === 'setKind') return `${what} ${o.nodeId ?? ''} thành “${nodeKindLabel(o.kind ?? '')}”`;
  if (o.op === 'mapBody') return `${what}: “${o.text ?? ''}” → ${o.unitCode ?? 'không thuộc đơn vị nào'}`;
  return `${what} ${o.nodeId ?? ''}`.trim();
}

function scheduleLabel(v: {
  before?: number[];
  onDay?: boolean;
  everyDaysLate?: number;
  escalateAfterDaysLate?: number;
}) {
  return [
    v.before?.length ? `trước hạn ${v.before.join(', ')} ngày` : 'không nhắc trước hạn',
    v.onDay ? 'nhắc đúng hạn' : '',
    v.everyDaysLate ? `quá hạn nhắc mỗi ${v.everyDaysLate} ngày` : '',
    v.escalateAfterDaysLate ? `đôn đốc lãnh đạo sau ${v.escalateAfterDaysLate} ngày quá hạn` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

const count = (v: unknown, what: string) =>
  `${(Array.isArray(v) ? v.length : Object.keys(v as object).length).toLocaleString('vi-VN')} ${what}`;

/** Sizes in bytes as an official reads them. */
function bytesLabel(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
  return `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** Where one kind of entity calls a field otherwise. */
const FIELD_LABELS_FOR: Record<string, Record<string, string>> = {
  period: { label: 'Tên kỳ', kind: 'Loại kỳ' },
  report: { number: 'Lần nộp' },
  obstacle: { kind: 'Loại' },
  reminder: { kind: 'Loại lời nhắc' },
  import: { title: 'Trích yếu' },
};

export function fieldLabel(key: string, entityType = ''): string {
  return FIELD_LABELS_FOR[entityType]?.[key] ?? FIELD_LABELS[key] ?? key;
}

export interface FieldChange {
  key: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields an event changed. For a creation (no `before`) every non-empty field of `after`;
 * for a removal every non-empty field of `before`. Name fields that only mirror an id are dropped
 * when the id field is present.
 */
/** The order in which an entity's fields are listed. */
const FIELD_ORDER: Record<string, string[]> = {
  unit: [
    'code',
    'name',
    'shortName',
    'kind',
    'parentId',
    'parentName',
    'active',
    'email',
    'phone',
    'address',
  ],
  user: [
    'username',
    'fullName',
    'email',
    'role',
    'unitId',
    'unitName',
    'active',
    'mustChangePassword',
    'passwordChangedAt',
  ],
  task: [
    'leadUnitId',
    'cooperatingUnitIds',
    'focal',
    'deadline',
    'products',
    'parentNodeIds',
    'changed',
    'reason',
    'sources',
  ],
  program: [
    'status',
    'plansDueDate',
    'tasks',
    'meter',
    'monitoringUnitId',
    'unitId',
    'title',
    'label',
    'text',
    'parentNodeIds',
    'deadline',
    'person',
    'source',
  ],
};

export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  entityType = '',
): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const hidden = HIDDEN_FOR[entityType];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !HIDDEN_FIELDS.has(k) && !hidden?.has(k),
  );
  const out: FieldChange[] = [];
  for (const k of keys) {
    if ((k === 'parentName' && keys.includes('parentId')) || (k === 'unitName' && keys.includes('unitId')))
      continue;
    const bv = b[k];
    const av = a[k];
    if (before && after ? same(bv, av) : isEmpty(before ? bv : av)) continue;
    out.push({ key: k, before: before ? bv : undefined, after: after ? av : undefined });
  }
  const order = FIELD_ORDER[entityType] ?? Object.keys(FIELD_LABELS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return out.sort((x, y) => rank(x.key) - rank(y.key));
}

export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Values of assignments and plans (objects and lists) in words. */
function formatStructured(
  key: string,
  v: unknown,
  unitName: (id: string) => string | undefined,
): string | undefined {
  if (key === 'cooperatingUnitIds' && Array.isArray(v))
    return v.map((id) => unitName(String(id)) ?? String(id)).join('; ');
  if (key === 'deadline' && typeof v === 'object') return deadlineLabel(v as Deadline);
  if (key === 'products' && Array.isArray(v)) return (v as Product[]).map(productLabel).join('; ');
  if (key === 'focal' && typeof v === 'object') return focalLabel(v as Focal);
  if (key === 'changed' && Array.isArray(v))
    return v.map((c) => BASELINE_FIELD_LABELS[c as 'lead'] ?? String(c)).join(', ');
  if (key === 'parentNodeIds' && Array.isArray(v)) return `${v.length} nhiệm vụ`;
  if (key === 'units' && Array.isArray(v)) return count(v, 'đơn vị');
  if ((key === 'removed' || key === 'sections') && Array.isArray(v))
    return count(v, key === 'removed' ? 'tệp' : 'phần');
  if (key === 'taskComments' && typeof v === 'object') return count(v, 'nhận xét');
  if (key === 'content' && typeof v === 'object')
    return `${count((v as { entries?: object }).entries ?? {}, 'nhiệm vụ')} (xem trong lịch sử báo cáo)`;
  if (key === 'op' && typeof v === 'object') return editOpLabel(v as { op?: string });
  if (key === 'schedule' && typeof v === 'object') return scheduleLabel(v as { before?: number[] });
  if (key === 'heading' && typeof v === 'object') {
    const h = v as { number?: string | null; title?: string | null };
    return [h.number && `số ${h.number}`, h.title].filter(Boolean).join(' · ') || '(đã sửa)';
  }
  if (key === 'outcome' && typeof v === 'object') {
    const o = v as { reason?: string; recipients?: unknown[]; title?: string };
    if (o.reason) return `Bỏ qua: ${o.reason}`;
    return [o.title, o.recipients ? `gửi ${count(o.recipients, 'người nhận')}` : '']
      .filter(Boolean)
      .join(' · ');
  }
  if (key === 'meter' && typeof v === 'object') {
    const m = v as { tasks?: number; complete?: number };
    return `${m.complete ?? 0}/${m.tasks ?? 0} nhiệm vụ đủ 5 rõ`;
  }
  if (key === 'sources' && typeof v === 'object') {
    const o = v as { lead?: string | null; deadline?: string | null };
    return (
      [o.lead ? `chủ trì “${o.lead}”` : '', o.deadline ? `thời hạn “${o.deadline}”` : '']
        .filter(Boolean)
        .join('; ') || '(trống)'
    );
  }
  return undefined;
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A readable value; unit ids are resolved by the caller-supplied lookup. */
export function formatFieldValue(
  key: string,
  v: unknown,
  ctx: { entityType: string; unitName: (id: string) => string | undefined },
): string {
  if (isEmpty(v)) return '(trống)';
  if (typeof v === 'boolean') {
    if (key === 'active')
      return ctx.entityType === 'user'
        ? v
          ? 'Đang hoạt động'
          : 'Đã khóa'
        : v
          ? 'Đang hoạt động'
          : 'Ngừng hoạt động';
    return v ? 'Có' : 'Không';
  }
  const structured = formatStructured(key, v, ctx.unitName);
  if (structured !== undefined) return structured;
  if (typeof v === 'string') {
    if (key === 'status' && (ctx.entityType === 'program' || ctx.entityType === 'task'))
      return programStatusInfo(v).label;
    const statuses = STATUS_BY_ENTITY[ctx.entityType];
    if ((key === 'status' || key === 'review') && statuses) return infoOf(statuses, v).label;
    if (key === 'kind') return kindLabel(ctx.entityType, v);
    if (key === 'reviewKind') return REVIEW_KIND_LABELS[v as 'so_ket'] ?? v;
    if (RECORD_ID_FIELDS.has(key)) return `#${v.slice(0, 8)}`;
    if (key === 'role') return roleLabel(v);
    if (UNIT_ID_FIELDS.has(key)) return ctx.unitName(v) ?? v;
    if (ISO_RE.test(v)) return formatDateTime(v);
    if (ISO_DATE_RE.test(v)) return formatIsoDate(v);
    return v;
  }
  if (typeof v === 'number') {
    if (NUMBER_AS_NAME.has(key)) return String(v);
    if (key === 'size' || key === 'bytes') return bytesLabel(v);
    return v.toLocaleString('vi-VN');
  }
  if (Array.isArray(v)) return v.map((x) => formatFieldValue(key, x, ctx)).join('; ');
  // Any other record: its fields in words, one level deep, never raw JSON.
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .filter(([k, x]) => !HIDDEN_FIELDS.has(k) && !isEmpty(x))
      .map(([k, x]) => `${fieldLabel(k)}: ${formatFieldValue(k, x, ctx)}`)
      .join('; ');
  return String(v);
}

/**
 * A short name for the entity an event is about: from its snapshot (an update records only the
 * changed fields), else from the lookups, else the actor when people act on themselves.
 */
export function entityDisplayName(
  e: {
    entityType: string;
    entityId: string;
    actorId: string | null;
    actorLabel: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
  lookup: { unitName: (id: string) => string | undefined; userName: (id: string) => string | undefined },
): string {
  const s = { ...(e.before ?? {}), ...(e.after ?? {}) };
  const str = (k: string) => (typeof s[k] === 'string' && s[k] ? (s[k] as string) : undefined);
  if (e.entityType === 'unit')
    return str('name') ?? lookup.unitName(e.entityId) ?? str('code') ?? shortId(e.entityId);
  if (e.entityType === 'user') {
    const name = str('fullName');
    const username = str('username');
    if (name && username) return `${name} (${username})`;
    const known = lookup.userName(e.entityId);
    if (known) return known;
    if (e.actorId === e.entityId) return e.actorLabel;
    return name ?? username ?? shortId(e.entityId);
  }
  const unitId = str('unitId');
  const ofUnit = unitId && lookup.unitName(unitId);
  if (e.entityType === 'report' && ofUnit) return `Báo cáo của ${ofUnit}`;
  if (e.entityType === 'period' && str('label')) return str('label')!;
  if (e.entityType === 'import') return str('filename') ?? str('title') ?? shortId(e.entityId);
  if (ofUnit && (e.entityType === 'obstacle' || e.entityType === 'reminder' || e.entityType === 'file'))
    return str('filename') ?? ofUnit;
  return str('username') ?? str('name') ?? str('title') ?? shortId(e.entityId);
}

/** The first block of a UUID, enough to tell records apart on screen. */
function shortId(id: string): string {
  return /^[0-9a-f]{8}-/i.test(id) ? `#${id.slice(0, 8)}` : id;
}
