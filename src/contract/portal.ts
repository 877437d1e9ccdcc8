/**
 * The officials' side of the public portal (issue 14): what a monitor publishes. The portal's own
 * read-only responses are in `public.ts`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { LiteralUnion, Nullable, Uuid } from './common.js';

export const ProgramPublicityInput = Type.Object(
  {
    public: Type.Boolean({ description: 'true: công khai trên cổng thông tin; false: thôi công khai' }),
    version: Type.Integer({ minimum: 1, description: 'Phiên bản chương trình đang xem (chống ghi đè)' }),
  },
  { additionalProperties: false },
);
export type ProgramPublicityInput = Static<typeof ProgramPublicityInput>;

export const ProgramPublicity = Type.Object({
  id: Uuid,
  public: Type.Boolean(),
  publicSince: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
  /** Leaves this change wrote to the public log. */
  leaves: Type.Integer({ minimum: 0 }),
});
export type ProgramPublicity = Static<typeof ProgramPublicity>;

// ---- evidence files: public or internal ----

export const EvidenceVisibilityParams = Type.Object({
  id: Uuid,
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 của tệp minh chứng (hex)' }),
});
export type EvidenceVisibilityParams = Static<typeof EvidenceVisibilityParams>;

export const EvidenceVisibilityInput = Type.Object(
  {
    public: Type.Boolean({
      description:
        'true: công khai (hiện trên cổng công khai khi báo cáo dẫn tệp được chấp nhận); false: nội bộ',
    }),
  },
  { additionalProperties: false },
);
export type EvidenceVisibilityInput = Static<typeof EvidenceVisibilityInput>;

export const EvidenceVisibility = Type.Object({
  sha256: Type.String(),
  unitId: Uuid,
  public: Type.Boolean(),
  /** Leaves this change wrote to the public log (one per accepted version and task citing the file in a public program). */
  leaves: Type.Integer({ minimum: 0 }),
});
export type EvidenceVisibility = Static<typeof EvidenceVisibility>;

// ---- published documents ----

export const PUBLIC_DOCUMENT_KINDS = ['consolidated', 'review'] as const;
export const PublicDocumentKind = LiteralUnion(PUBLIC_DOCUMENT_KINDS);
export type PublicDocumentKind = Static<typeof PublicDocumentKind>;

export const PublishDocumentInput = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('consolidated'),
      consolidationId: Type.String({ format: 'uuid', description: 'Báo cáo tổng hợp đã được ký duyệt' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('review'),
      year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Năm kiểm điểm, đánh giá' }),
      programId: Type.String({ format: 'uuid', description: 'Chương trình được kiểm điểm' }),
    },
    { additionalProperties: false },
  ),
]);
export type PublishDocumentInput = Static<typeof PublishDocumentInput>;

export const PublicDocumentsQuery = Type.Object({ programId: Type.Optional(Uuid) });
export type PublicDocumentsQuery = Static<typeof PublicDocumentsQuery>;

/** A published document as the officials see it (who published it stays off the portal). */
export const PublicDocument = Type.Object({
  id: Uuid,
  kind: PublicDocumentKind,
  programId: Nullable(Uuid),
  consolidationId: Nullable(Uuid),
  year: Nullable(Type.Integer()),
  title: Type.String(),
  number: Nullable(Type.String()),
  docDate: Nullable(Type.String()),
  issuerUnitId: Nullable(Uuid),
  issuerName: Nullable(Type.String()),
  docxSha256: Type.String(),
  pdfSha256: Nullable(Type.String()),
  docxName: Type.String(),
  /** Published (true) or withdrawn (false). */
  public: Type.Boolean(),
  publishedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  /** Public download addresses (/cong-khai/tai-lieu/<id>.docx, .pdf). */
  docxUrl: Type.String(),
  pdfUrl: Nullable(Type.String()),
});
export type PublicDocument = Static<typeof PublicDocument>;

export const PublishedDocument = Type.Object({
  ...PublicDocument.properties,
  /** Why there is no PDF, when there is none (LibreOffice missing or failed). */
  pdfNote: Nullable(Type.String()),
});
export type PublishedDocument = Static<typeof PublishedDocument>;

export const PublicDocumentList = Type.Object({ items: Type.Array(PublicDocument) });
export type PublicDocumentList = Static<typeof PublicDocumentList>;

export const PublicDownloadParams = Type.Object({
  file: Type.String({ maxLength: 100, description: '<mã tài liệu>.docx hoặc .pdf' }),
});
export type PublicDownloadParams = Static<typeof PublicDownloadParams>;
