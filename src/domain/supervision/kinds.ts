/**
 * Supervision and leadership (issue 13): the words of inspections, recommendations and directions,
 * with their Vietnamese labels. Pure; the schema, the contract, the services and the web share them.
 *
 * - An inspection plan (kế hoạch kiểm tra / giám sát) belongs to one body (the supervisor's unit: Ủy
 *   ban Kiểm tra, HĐND, Mặt trận Tổ quốc, an inspectorate, the monitoring body). Its subjects are
 *   units, optionally one task of a program or one unit's plan each.
 * - A conclusion (kết luận) has findings (each tied to a unit, optionally a task) and recommendations
 *   (kiến nghị: a responsible unit, a deadline, an expected corrective product). Issued conclusions are
 *   read-only; a correction is a new revision that supersedes the old one.
 * - A recommendation is followed to closure by remediation reports of its responsible unit, which the
 *   body accepts or returns.
 * - A direction (ý kiến chỉ đạo) is a leader's word on a task, a report, an obstacle, a unit or a
 *   program, to one or more units; when it asks for action each unit answers it and the monitor or the
 *   leader closes it.
 */

export const INSPECTION_KINDS = [
  'party_inspection',
  'council_supervision',
  'front_supervision',
  'state_inspection',
  'monitor_check',
] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_KIND_LABELS: Record<InspectionKind, { vi: string; en: string }> = {
  party_inspection: { vi: 'Kiểm tra của Đảng', en: 'Party inspection' },
  council_supervision: { vi: 'Giám sát của Hội đồng nhân dân', en: "People's Council supervision" },
  front_supervision: {
    vi: 'Giám sát và phản biện xã hội của Mặt trận Tổ quốc',
    en: 'Fatherland Front supervision and social criticism',
  },
  state_inspection: { vi: 'Thanh tra', en: 'State inspection' },
  monitor_check: { vi: 'Kiểm tra của cơ quan theo dõi', en: 'Check by the monitoring body' },
};

/** announced: the inspected units see the plan from `visibleFrom`; unannounced: from the first visit. */
export const ANNOUNCEMENTS = ['announced', 'unannounced'] as const;
export type Announcement = (typeof ANNOUNCEMENTS)[number];

/** draft: being prepared (only its body sees it); active: decided; closed: finished. */
export const INSPECTION_PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export type InspectionPlanStatus = (typeof INSPECTION_PLAN_STATUSES)[number];

export const INSPECTION_PLAN_STATUS_LABELS: Record<InspectionPlanStatus, string> = {
  draft: 'Đang xây dựng',
  active: 'Đang thực hiện',
  closed: 'Đã kết thúc',
};

/** A member of an inspection team: a user, or a name with a position. */
export interface TeamMember {
  userId: string | null;
  name: string;
  position: string;
  /** Trưởng đoàn, Thành viên, Thư ký… */
  role: string;
}

/** The legal or Party basis of a plan: a document reference, read like the importer's references. */
export interface BasisReference {
  /** The text as written ("Quy định số 22-QĐ/TW ngày 28/7/2021 của Ban Chấp hành Trung ương"). */
  raw: string;
  docType: string | null;
  number: string | null;
  /** ISO date, when written. */
  date: string | null;
}

/** Something examined at a visit (read-only link): a unit's report, an evidence file, a task, a plan. */
export interface ExaminedDocument {
  kind: 'report' | 'evidence' | 'task' | 'plan';
  /** The id of the report obligation, the evidence file's sha256, the task node, the plan program. */
  ref: string;
  label: string;
}

/** A file kept with a visit's minutes or a remediation report (an evidence upload of the app). */
export interface AttachedFile {
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

export const CONCLUSION_STATUSES = ['draft', 'issued', 'superseded'] as const;
export type ConclusionStatus = (typeof CONCLUSION_STATUSES)[number];

/** The layout of the exported conclusion: Party (Thông báo kết luận) or State (Báo cáo kết quả giám sát). */
export const DOCUMENT_LAYOUTS = ['party', 'state'] as const;
export type DocumentLayout = (typeof DOCUMENT_LAYOUTS)[number];

/**
 * open: waiting for remediation; submitted: the unit reported, the body decides; returned: the body
 * returned the report; closed: accepted (done).
 */
export const RECOMMENDATION_STATUSES = ['open', 'submitted', 'returned', 'closed'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  open: 'Đang khắc phục',
  submitted: 'Đã báo cáo khắc phục',
  returned: 'Bị trả lại',
  closed: 'Đã hoàn thành',
};

/** What the unit says of its remediation: still in progress, or done. */
export const REMEDIATION_STATES = ['in_progress', 'done'] as const;
export type RemediationState = (typeof REMEDIATION_STATES)[number];

export const REMEDIATION_DECISIONS = ['accepted', 'returned'] as const;
export type RemediationDecision = (typeof REMEDIATION_DECISIONS)[number];

/** What a direction is written on. */
export const DIRECTION_TARGETS = ['task', 'report', 'obstacle', 'unit', 'program'] as const;
export type DirectionTarget = (typeof DIRECTION_TARGETS)[number];

export const DIRECTION_TARGET_LABELS: Record<DirectionTarget, string> = {
  task: 'Nhiệm vụ',
  report: 'Báo cáo',
  obstacle: 'Khó khăn, vướng mắc',
  unit: 'Đơn vị',
  program: 'Chương trình',
};

/**
 * Per unit addressed: open (action asked, no answer yet), answered, closed; `info` for a direction
 * that asks for no action (nothing to follow).
 */
export const DIRECTION_UNIT_STATUSES = ['info', 'open', 'answered', 'closed'] as const;
export type DirectionUnitStatus = (typeof DIRECTION_UNIT_STATUSES)[number];

export const DIRECTION_UNIT_STATUS_LABELS: Record<DirectionUnitStatus, string> = {
  info: 'Để biết',
  open: 'Chưa trả lời',
  answered: 'Đã trả lời',
  closed: 'Đã kết thúc',
};
