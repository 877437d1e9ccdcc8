/**
 * Inspection and supervision plans (kế hoạch kiểm tra / giám sát) of a body, the visits held for each
 * subject with their minutes, and the conclusions with findings and recommendations (issue 13,
 * points 1–3). The words are src/domain/supervision/kinds.ts.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, LiteralUnion, Nullable, Text, Uuid, type Agrees, type Check } from './common.js';
import {
  ANNOUNCEMENTS,
  CONCLUSION_STATUSES,
  DOCUMENT_LAYOUTS,
  INSPECTION_KINDS,
  INSPECTION_PLAN_STATUSES,
  RECOMMENDATION_STATUSES,
  type AttachedFile as DomainAttachedFile,
  type BasisReference as DomainBasisReference,
  type ExaminedDocument as DomainExaminedDocument,
  type TeamMember as DomainTeamMember,
} from '../domain/supervision/kinds.js';

/** Lengths of what a supervisor writes. */
export const INSPECTION_LIMITS = {
  title: 500,
  contents: 20000,
  basisText: 5000,
  name: 200,
  teamSize: 50,
  subjects: 200,
  note: 1000,
  place: 500,
  participants: 5000,
  minutes: 50000,
  documents: 100,
  attachments: 30,
  summary: 20000,
  findingText: 10000,
  findings: 200,
  recommendations: 200,
  product: 2000,
  number: 20,
  fileName: 200,
} as const;
const L = INSPECTION_LIMITS;

export const InspectionKind = LiteralUnion(INSPECTION_KINDS);
export const Announcement = LiteralUnion(ANNOUNCEMENTS);
export const InspectionPlanStatus = LiteralUnion(INSPECTION_PLAN_STATUSES);
export const ConclusionStatus = LiteralUnion(CONCLUSION_STATUSES);
export const DocumentLayout = LiteralUnion(DOCUMENT_LAYOUTS);
export const RecommendationStatus = LiteralUnion(RECOMMENDATION_STATUSES);

export const TeamMember = Type.Object(
  {
    userId: Nullable(Uuid),
    name: Text(L.name, 1),
    position: Text(L.name),
    role: Text(L.name),
  },
  { additionalProperties: false },
);
export type TeamMember = DomainTeamMember;
type _TeamFits = Check<Agrees<DomainTeamMember, Static<typeof TeamMember>>>;

export const BasisReference = Type.Object({
  raw: Type.String(),
  docType: Nullable(Type.String()),
  number: Nullable(Type.String()),
  date: Nullable(Type.String()),
});
export type BasisReference = DomainBasisReference;
type _BasisFits = Check<Agrees<DomainBasisReference, Static<typeof BasisReference>>>;

export const ExaminedDocument = Type.Object(
  {
    kind: LiteralUnion(['report', 'evidence', 'task', 'plan']),
    ref: Text(200, 1),
    label: Type.String({ maxLength: 1000, description: 'Tên hiển thị; máy chủ ghi lại theo dữ liệu' }),
  },
  { additionalProperties: false },
);
export type ExaminedDocument = DomainExaminedDocument;
type _DocFits = Check<Agrees<DomainExaminedDocument, Static<typeof ExaminedDocument>>>;

export const AttachedFile = Type.Object({
  sha256: Type.String(),
  name: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  mimeType: Type.String(),
});
export type AttachedFile = DomainAttachedFile;
type _FileFits = Check<Agrees<DomainAttachedFile, Static<typeof AttachedFile>>>;

// ---- plans ----

export const InspectionSubjectInput = Type.Object(
  {
    unitId: Uuid,
    nodeId: Type.Optional(Nullable(Uuid)),
    unitPlanId: Type.Optional(Nullable(Uuid)),
    note: Type.Optional(Text(L.note)),
  },
  { additionalProperties: false },
);
export type InspectionSubjectInput = Static<typeof InspectionSubjectInput>;

const planFields = {
  kind: InspectionKind,
  title: Text(L.title, 1),
  year: Nullable(
    Type.Integer({ minimum: 2000, maximum: 2100, description: 'Năm của kế hoạch; null: đột xuất' }),
  ),
  programId: Nullable(Uuid),
  contents: Text(L.contents),
  startsOn: Nullable(IsoDate),
  endsOn: Nullable(IsoDate),
  announcement: Announcement,
  visibleFrom: Nullable(IsoDate),
  team: Type.Array(TeamMember, { maxItems: L.teamSize }),
  basisText: Type.String({
    maxLength: L.basisText,
    description: 'Căn cứ: mỗi dòng một văn bản ("Quy định số 22-QĐ/TW ngày 28/7/2021 …")',
  }),
  subjects: Type.Array(InspectionSubjectInput, { maxItems: L.subjects }),
};

export const InspectionPlanCreate = Type.Object(
  {
    bodyUnitId: Type.Optional(Uuid),
    ...planFields,
  },
  { additionalProperties: false },
);
export type InspectionPlanCreate = Static<typeof InspectionPlanCreate>;

export const InspectionPlanUpdate = Type.Object(
  { version: Type.Integer({ minimum: 1 }), ...planFields },
  { additionalProperties: false },
);
export type InspectionPlanUpdate = Static<typeof InspectionPlanUpdate>;

export const InspectionStepInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type InspectionStepInput = Static<typeof InspectionStepInput>;

export const InspectionFilters = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  status: Type.Optional(InspectionPlanStatus),
  bodyUnitId: Type.Optional(Uuid),
});
export type InspectionFilters = Static<typeof InspectionFilters>;

export const InspectionSubject = Type.Object({
  id: Uuid,
  unitId: Uuid,
  unitName: Type.String(),
  nodeId: Nullable(Uuid),
  taskLabel: Nullable(Type.String()),
  unitPlanId: Nullable(Uuid),
  unitPlanTitle: Nullable(Type.String()),
  note: Type.String(),
});
export type InspectionSubject = Static<typeof InspectionSubject>;

export const InspectionVisit = Type.Object({
  id: Uuid,
  subjectId: Uuid,
  unitId: Uuid,
  unitName: Type.String(),
  heldOn: Type.String(),
  place: Type.String(),
  participants: Type.String(),
  documents: Type.Array(ExaminedDocument),
  minutes: Type.String(),
  attachments: Type.Array(AttachedFile),
  version: Type.Integer(),
});
export type InspectionVisit = Static<typeof InspectionVisit>;

export const InspectionFinding = Type.Object({
  id: Uuid,
  seq: Type.Integer(),
  unitId: Uuid,
  unitName: Type.String(),
  nodeId: Nullable(Uuid),
  taskLabel: Nullable(Type.String()),
  text: Type.String(),
});
export type InspectionFinding = Static<typeof InspectionFinding>;

export const InspectionRecommendation = Type.Object({
  id: Uuid,
  seq: Type.Integer(),
  findingId: Nullable(Uuid),
  findingSeq: Nullable(Type.Integer()),
  responsibleUnitId: Uuid,
  responsibleUnitName: Type.String(),
  nodeId: Nullable(Uuid),
  taskLabel: Nullable(Type.String()),
  text: Type.String(),
  dueDate: Type.String(),
  expectedProduct: Type.String(),
  status: RecommendationStatus,
  /** In a revision draft: the recommendation of the conclusion being corrected that this row replaces. */
  carriedFromId: Nullable(Uuid),
});
export type InspectionRecommendation = Static<typeof InspectionRecommendation>;

export const InspectionConclusion = Type.Object({
  id: Uuid,
  planId: Uuid,
  revision: Type.Integer(),
  supersedesId: Nullable(Uuid),
  status: ConclusionStatus,
  layout: DocumentLayout,
  title: Type.String(),
  summary: Type.String(),
  number: Nullable(Type.String()),
  issuedOn: Nullable(Type.String()),
  signerName: Nullable(Type.String()),
  signerTitle: Nullable(Type.String()),
  findings: Type.Array(InspectionFinding),
  recommendations: Type.Array(InspectionRecommendation),
  version: Type.Integer(),
});
export type InspectionConclusion = Static<typeof InspectionConclusion>;

export const InspectionPlan = Type.Object({
  id: Uuid,
  bodyUnitId: Uuid,
  bodyUnitName: Type.String(),
  kind: InspectionKind,
  title: Type.String(),
  year: Nullable(Type.Integer()),
  programId: Nullable(Uuid),
  programTitle: Nullable(Type.String()),
  contents: Type.String(),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  announcement: Announcement,
  visibleFrom: Nullable(Type.String()),
  basis: Type.Array(BasisReference),
  team: Type.Array(TeamMember),
  status: InspectionPlanStatus,
  version: Type.Integer(),
  subjects: Type.Array(InspectionSubject),
  visits: Type.Array(InspectionVisit),
  conclusions: Type.Array(InspectionConclusion),
  /** The reader may edit the plan, record visits and write conclusions (its body's supervisor, admin). */
  canManage: Type.Boolean(),
});
export type InspectionPlan = Static<typeof InspectionPlan>;

export const InspectionPlanSummary = Type.Object({
  id: Uuid,
  bodyUnitId: Uuid,
  bodyUnitName: Type.String(),
  kind: InspectionKind,
  title: Type.String(),
  year: Nullable(Type.Integer()),
  status: InspectionPlanStatus,
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  subjectNames: Type.Array(Type.String()),
  visitCount: Type.Integer(),
  /** The conclusion in force (issued), if any. */
  conclusionNumber: Nullable(Type.String()),
});
export type InspectionPlanSummary = Static<typeof InspectionPlanSummary>;

export const InspectionPlanList = Type.Object({
  items: Type.Array(InspectionPlanSummary),
  /** The reader may create plans (supervisor with a body, admin). */
  canCreate: Type.Boolean(),
});
export type InspectionPlanList = Static<typeof InspectionPlanList>;

export const SubjectDocuments = Type.Object({ items: Type.Array(ExaminedDocument) });
export type SubjectDocuments = Static<typeof SubjectDocuments>;

// ---- visits ----

const AttachedFileInput = Type.Object(
  { sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), name: Text(L.fileName, 1) },
  { additionalProperties: false },
);

const visitFields = {
  heldOn: IsoDate,
  place: Text(L.place),
  participants: Text(L.participants),
  documents: Type.Array(ExaminedDocument, { maxItems: L.documents }),
  minutes: Text(L.minutes),
  attachments: Type.Array(AttachedFileInput, { maxItems: L.attachments }),
};

export const InspectionVisitCreate = Type.Object(
  { subjectId: Uuid, ...visitFields },
  { additionalProperties: false },
);
export type InspectionVisitCreate = Static<typeof InspectionVisitCreate>;

export const InspectionVisitUpdate = Type.Object(
  { version: Type.Integer({ minimum: 1 }), ...visitFields },
  { additionalProperties: false },
);
export type InspectionVisitUpdate = Static<typeof InspectionVisitUpdate>;

export const InspectionUploadQuery = Type.Object({ filename: Text(L.fileName, 1) });
export const InspectionFileParams = Type.Object({
  id: Uuid,
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});

// ---- conclusions ----

export const FindingInput = Type.Object(
  { unitId: Uuid, nodeId: Type.Optional(Nullable(Uuid)), text: Text(L.findingText, 1) },
  { additionalProperties: false },
);

export const RecommendationInput = Type.Object(
  {
    /** A recommendation already in this draft keeps its id (and what it carries over). */
    id: Type.Optional(Uuid),
    /** The finding it answers: its number (1, 2, …) in `findings`. */
    findingSeq: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    responsibleUnitId: Uuid,
    nodeId: Type.Optional(Nullable(Uuid)),
    text: Text(L.findingText, 1),
    dueDate: IsoDate,
    expectedProduct: Text(L.product),
  },
  { additionalProperties: false },
);
export type RecommendationInput = Static<typeof RecommendationInput>;

const conclusionFields = {
  title: Text(L.title),
  summary: Text(L.summary),
  layout: DocumentLayout,
  findings: Type.Array(FindingInput, { maxItems: L.findings }),
  recommendations: Type.Array(RecommendationInput, { maxItems: L.recommendations }),
};

export const ConclusionCreate = Type.Object(conclusionFields, { additionalProperties: false });
export type ConclusionCreate = Static<typeof ConclusionCreate>;

export const ConclusionUpdate = Type.Object(
  { version: Type.Integer({ minimum: 1 }), ...conclusionFields },
  { additionalProperties: false },
);
export type ConclusionUpdate = Static<typeof ConclusionUpdate>;

export const ConclusionIssueInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    number: Text(L.number, 1),
    issuedOn: IsoDate,
    signerName: Text(L.name, 1),
    signerTitle: Text(L.name, 1),
  },
  { additionalProperties: false },
);
export type ConclusionIssueInput = Static<typeof ConclusionIssueInput>;

export const ConclusionDocx = Type.String({
  format: 'binary',
  description:
    'Thông báo kết luận kiểm tra (thể thức của Đảng) hoặc Báo cáo kết quả giám sát (Nghị định 30/2020), .docx; dự thảo mang dấu "DỰ THẢO"',
});
