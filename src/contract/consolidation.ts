/**
 * The consolidated report (báo cáo sơ kết / tổng kết) of a period: the heading of the official
 * document, the narrative sections, and the .docx / .xlsx downloads.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, LiteralUnion, Nullable, Text, Uuid, type Agrees, type Check } from './common.js';
import { LIMITS } from '../domain/limits.js';
import type {
  ConsolidationHeading as DomainHeading,
  NarrativeBlock as DomainBlock,
  NarrativeSection as DomainSection,
} from '../domain/reporting/narrative.js';

export const NarrativeBlock = Type.Object(
  {
    kind: LiteralUnion(['heading', 'subheading', 'paragraph', 'bullet']),
    text: Text(LIMITS.blockText),
  },
  { additionalProperties: false },
);
export type NarrativeBlock = DomainBlock;
type _BlockFits = Check<Agrees<DomainBlock, Static<typeof NarrativeBlock>>>;

export const NarrativeSection = Type.Object(
  {
    heading: Text(LIMITS.sectionHeading),
    blocks: Type.Array(NarrativeBlock, { maxItems: LIMITS.sectionBlocks }),
  },
  { additionalProperties: false },
);
export type NarrativeSection = DomainSection;
type _SectionFits = Check<Agrees<DomainSection, Static<typeof NarrativeSection>>>;

/** The heading data of the official report: layout, issuing body, number, date, title, signer, recipients. */
export const ConsolidationHeading = Type.Object(
  {
    layout: Type.Union([Type.Literal('party'), Type.Literal('state')], {
      description: 'Thể thức văn bản của Đảng hoặc của cơ quan nhà nước (Nghị định 30/2020/NĐ-CP)',
    }),
    parentBody: Nullable(Text(LIMITS.docParentBody)),
    issuer: Text(LIMITS.docIssuer, 1),
    number: Nullable(Text(LIMITS.docNumber)),
    notation: Text(LIMITS.docNotation, 1),
    place: Text(LIMITS.docPlace, 1),
    date: Nullable(IsoDate),
    title: Text(LIMITS.docTitle, 1),
    signer: Type.Object(
      {
        authority: Nullable(Text(LIMITS.signerAuthority)),
        position: Text(LIMITS.signerPosition),
        name: Text(LIMITS.signerName),
      },
      { additionalProperties: false },
    ),
    recipients: Type.Array(Text(LIMITS.recipient, 1), { maxItems: LIMITS.recipientsCount }),
  },
  { additionalProperties: false },
);
export type ConsolidationHeading = DomainHeading;
type _HeadingFits = Check<Agrees<DomainHeading, Static<typeof ConsolidationHeading>>>;

export const CONSOLIDATION_STATUSES = ['draft', 'sent', 'returned', 'approved'] as const;
export type ConsolidationStatus = (typeof CONSOLIDATION_STATUSES)[number];
export const CONSOLIDATION_STEPS = ['sent', 'returned', 'approved'] as const;
export type ConsolidationStep = (typeof CONSOLIDATION_STEPS)[number];

/** Where the report stands in its approval by the leader. */
export const ConsolidationApproval = Type.Object({
  /** draft: dự thảo; sent: chờ duyệt; returned: bị trả lại; approved: đã ký duyệt. */
  status: LiteralUnion(CONSOLIDATION_STATUSES),
  /** The version sent for approval (while sent, and once approved). */
  sentVersion: Nullable(Type.Integer()),
  revision: Type.Integer({ minimum: 1, description: 'Lần ban hành: 1, rồi thêm 1 cho mỗi bản sửa đổi' }),
  statusAt: Nullable(Type.String({ format: 'date-time' })),
  /** The leader's comment when the report was returned. */
  comment: Nullable(Type.String()),
});
export type ConsolidationApproval = Static<typeof ConsolidationApproval>;

export const Consolidation = Type.Object({
  id: Uuid,
  periodId: Uuid,
  programId: Uuid,
  heading: ConsolidationHeading,
  sections: Type.Array(NarrativeSection),
  generatedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  approval: ConsolidationApproval,
});
export type Consolidation = Static<typeof Consolidation>;

/** An edit: the heading fields given replace the stored ones; sections, when given, replace them all. */
export const ConsolidationInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    heading: Type.Optional(Type.Partial(ConsolidationHeading, { additionalProperties: false })),
    sections: Type.Optional(Type.Array(NarrativeSection, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type ConsolidationInput = Static<typeof ConsolidationInput>;

/**
 * Drafting the narrative: the first time with no body; regenerating an existing draft replaces its
 * sections (the monitor's edits included), so it names the version it replaces (stale or missing → 409).
 */
export const ConsolidationGenerateInput = Type.Object(
  {
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Phiên bản đang xem; bắt buộc khi lập lại một dự thảo đã có' }),
    ),
  },
  { additionalProperties: false },
);
export type ConsolidationGenerateInput = Static<typeof ConsolidationGenerateInput>;

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ConsolidationDocx = Type.String({
  format: 'binary',
  description:
    'Báo cáo tổng hợp (.docx) kèm phụ lục, tải về dưới tên bao-cao-so-ket-<kỳ>.docx (tiếng Việt không dấu, ví dụ bao-cao-so-ket-quy-i-2026.docx)',
});
export const ConsolidationXlsx = Type.String({
  format: 'binary',
  description:
    'Phụ lục tình hình thực hiện các nhiệm vụ (.xlsx), tải về dưới tên phu-luc-bao-cao-so-ket-<kỳ>.xlsx (tiếng Việt không dấu)',
});

/** Sending, returning, revising: the version shown (a stale one → 409). */
export const ConsolidationStepInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type ConsolidationStepInput = Static<typeof ConsolidationStepInput>;

/** The leader returns the report with a comment (required). */
export const ConsolidationReturnInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    comment: Type.String({ minLength: 1, maxLength: LIMITS.reviewComment, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type ConsolidationReturnInput = Static<typeof ConsolidationReturnInput>;

/** The leader approves (ký duyệt) the version sent and gives the document its number and date. */
export const ConsolidationApproveInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'Phiên bản đã trình duyệt' }),
    number: Type.String({ minLength: 1, maxLength: LIMITS.docNumber, pattern: '\\S' }),
    date: IsoDate,
  },
  { additionalProperties: false },
);
export type ConsolidationApproveInput = Static<typeof ConsolidationApproveInput>;

/** One step of the approval, with the heading and sections it concerned. */
export const ConsolidationVersion = Type.Object({
  id: Uuid,
  seq: Type.Integer(),
  revision: Type.Integer(),
  step: LiteralUnion(CONSOLIDATION_STEPS),
  reportVersion: Type.Integer(),
  heading: ConsolidationHeading,
  sections: Type.Array(NarrativeSection),
  comment: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
  byName: Nullable(Type.String()),
});
export type ConsolidationVersion = Static<typeof ConsolidationVersion>;

export const ConsolidationVersionList = Type.Object({ items: Type.Array(ConsolidationVersion) });
export type ConsolidationVersionList = Static<typeof ConsolidationVersionList>;
