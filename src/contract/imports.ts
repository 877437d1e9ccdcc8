/**
 * /api/imports: a document pasted or uploaded, parsed into a draft, corrected, then published as a
 * program. The draft carries the parser's tree (src/domain/importer/types.ts); the schemas below
 * describe those types field by field (src/features/imports/imports.test.ts checks they agree).
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Items, LiteralUnion, Nullable, NullableText, RefTo, Uuid } from './common.js';
import { MAX_IMPORT_BYTES } from '../domain/importer/normalize.js';
import { EDITABLE_KINDS } from '../domain/importer/edit.js';
import { UNIT_KINDS } from '../domain/units.js';
import { LIMITS, UNIT_CODE_PATTERN } from '../domain/limits.js';
import {
  MENTION_MATCHES,
  NODE_KINDS,
  OTHER_KINDS,
  REFERENCE_LEVELS,
  TIME_KINDS,
  TIME_RELATIONS,
} from '../domain/importer/types.js';

// ---- the parsed document ----

export const SpanSchema = Type.Tuple([Type.Integer(), Type.Integer()], {
  description: '[đầu, cuối) — vị trí ký tự trong văn bản nguồn đã chuẩn hóa',
});
export const NodeKindSchema = LiteralUnion(NODE_KINDS);

export const CellPieceSchema = Type.Object({
  text: Type.String(),
  /** null: a value not read from this row itself (carried down from a merged cell). */
  span: Nullable(SpanSchema),
});

export const DocNodeSchema = Type.Recursive(
  (Node) =>
    Type.Object({
      id: Type.String({ description: 'Ổn định trong một lần đọc: "n1", "n2", …' }),
      kind: NodeKindSchema,
      marker: Type.String({ description: 'Ký hiệu như đã viết: "II", "3", "b", "-", hoặc ""' }),
      label: Type.String({ description: 'Nhãn đường dẫn, như "II.3.b.2"' }),
      title: Type.String(),
      text: Type.String(),
      span: SpanSchema,
      cells: Type.Optional(Type.Record(Type.String(), Type.String())),
      cellPieces: Type.Optional(
        Type.Record(Type.String(), Type.Array(CellPieceSchema), {
          description: 'Nơi đọc được từng phần của mỗi ô trong văn bản nguồn (giữ lại khi sửa hàng của bảng)',
        }),
      ),
      part: Type.Optional(Type.Literal('annex', { description: 'Phần Phụ lục (nút cấp cao nhất)' })),
      ocr: Type.Optional(Type.Boolean({ description: 'Nội dung đọc bằng OCR từ bản quét: cần kiểm tra' })),
      children: Type.Array(Node),
    }),
  { $id: 'DocNode', title: 'DocNode' },
);

export const TimeExpressionSchema = Type.Object({
  text: Type.String(),
  span: SpanSchema,
  kind: LiteralUnion(TIME_KINDS),
  value: Type.String({ description: '"2024-06-30", "2025", "2022/2030", "2023-Q2", "yearly", …' }),
  relation: LiteralUnion(TIME_RELATIONS),
});

export const MentionMatchSchema = LiteralUnion(MENTION_MATCHES);

export const BodyMentionSchema = Type.Object({
  text: Type.String(),
  span: SpanSchema,
  unitCodes: Type.Array(Type.String()),
  match: MentionMatchSchema,
});

export const ResponsibilitySchema = Type.Object({
  nodeId: Type.String(),
  label: Type.String(),
  bodies: Type.Array(BodyMentionSchema),
  lead: Nullable(BodyMentionSchema),
  cooperating: Type.Array(BodyMentionSchema),
  duties: Type.String(),
  span: SpanSchema,
});

export const DocTaskSchema = Type.Object({
  nodeId: Type.String(),
  label: Type.String(),
  text: Type.String(),
  groupLabel: Nullable(Type.String()),
  groupTitle: Nullable(Type.String()),
  lead: Nullable(BodyMentionSchema),
  leads: Type.Array(BodyMentionSchema),
  cooperating: Type.Array(BodyMentionSchema),
  deadline: Nullable(TimeExpressionSchema),
  times: Type.Array(TimeExpressionSchema),
  products: Type.Array(Type.String()),
  submitTo: Nullable(Type.String({ description: 'Cấp trình (hàng Phụ lục)' })),
  linkedGroupLabel: Nullable(
    Type.String({ description: 'Nhóm nhiệm vụ của phần thân mà hàng Phụ lục thuộc về' }),
  ),
  span: SpanSchema,
});

export const DocReferenceSchema = Type.Object({
  kind: Type.String(),
  number: Type.String(),
  code: Type.String(),
  level: LiteralUnion(REFERENCE_LEVELS),
  date: Nullable(Type.String()),
  citations: Type.Array(SpanSchema),
});

export const WarningSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  span: SpanSchema,
  nodeId: Type.Optional(Type.String()),
});

export const ProgramMetaSchema = Type.Object({
  issuer: Nullable(Type.String()),
  parentIssuer: Nullable(Type.String()),
  motto: Type.Array(Type.String()),
  number: Nullable(Type.String()),
  place: Nullable(Type.String()),
  date: Nullable(Type.String()),
  docKind: Nullable(Type.String()),
  title: Nullable(Type.String()),
  preamble: Nullable(Type.String()),
  wrapper: Nullable(
    Type.Object({
      kind: Nullable(Type.String()),
      number: Nullable(Type.String()),
      date: Nullable(Type.String()),
      title: Nullable(Type.String()),
      text: Type.String(),
      span: SpanSchema,
    }),
  ),
  partyLayout: Type.Boolean(),
});

export const SignerSchema = Type.Object({
  onBehalf: Nullable(Type.String()),
  position: Nullable(Type.String()),
  name: Nullable(Type.String()),
  span: SpanSchema,
});

export const RecipientSchema = Type.Object({ text: Type.String(), span: SpanSchema });

export const UnitKindSchema = LiteralUnion(UNIT_KINDS);

export const ProposedUnitSchema = Type.Object({
  name: Type.String({
    description: 'Tên đơn vị đề xuất, thêm địa danh khi văn bản viết tắt ("Sở Tư pháp tỉnh Lào Cai")',
  }),
  kind: UnitKindSchema,
  parentCode: Nullable(
    Type.String({ description: 'Mã đơn vị cấp trên đoán từ tên, khi đã có trong danh mục' }),
  ),
  parentName: Nullable(Type.String()),
  mentions: Type.Integer({ description: 'Số lần văn bản nêu cơ quan này' }),
  texts: Type.Array(Type.String(), { description: 'Các cách văn bản viết tên (được ghép vào đơn vị mới)' }),
  variantOf: Nullable(Type.String({ description: 'Đề xuất khác có thể là cùng cơ quan' })),
});

/** The parsed document without its source (a draft keeps the source beside it). */
export const StoredDocument = Type.Object({
  program: ProgramMetaSchema,
  sections: Type.Array(DocNodeSchema),
  tasks: Type.Array(DocTaskSchema),
  responsibilities: Type.Array(ResponsibilitySchema),
  references: Type.Array(DocReferenceSchema),
  recipients: Type.Array(RecipientSchema),
  signer: Nullable(SignerSchema),
  warnings: Type.Array(WarningSchema),
  proposedUnits: Type.Array(ProposedUnitSchema),
  other: Type.Array(Type.Object({ kind: LiteralUnion(OTHER_KINDS), span: SpanSchema })),
});
export type StoredDocument = Static<typeof StoredDocument>;

// ---- drafts ----

/** `reading`: the document is still being read (a long .docx, a scan by OCR); `failed`: it could not be. */
export const DraftStatus = LiteralUnion(['reading', 'failed', 'draft', 'published', 'discarded']);
export type DraftStatus = Static<typeof DraftStatus>;

/** How far the reading of a document is: pages read of all pages, and whether by OCR. */
export const ReadProgress = Type.Object({
  stage: LiteralUnion(['text', 'ocr']),
  done: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 }),
});
export type ReadProgress = Static<typeof ReadProgress>;

/** Why a document could not be read (status `failed`): a stable error code and its Vietnamese message. */
export const ReadFailure = Type.Object({ code: Type.String(), message: Type.String() });
export type ReadFailure = Static<typeof ReadFailure>;

export const ImportFormat = LiteralUnion(['text', 'markdown', 'docx', 'pdf']);
export type ImportFormat = Static<typeof ImportFormat>;

export const DraftStats = Type.Object({
  sections: Type.Integer(),
  nodes: Type.Integer(),
  tasks: Type.Integer(),
  responsibilities: Type.Integer(),
  references: Type.Integer(),
  warnings: Type.Integer(),
  unmatchedBodies: Type.Integer(),
});
export type DraftStats = Static<typeof DraftStats>;

/** A draft: the normalised source and its parsed structure (every span points into `source`). */
export const ImportDraft = Type.Object(
  {
    id: Uuid,
    status: DraftStatus,
    filename: Nullable(Type.String()),
    format: ImportFormat,
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    programId: Nullable(Uuid),
    progress: Nullable(ReadProgress),
    failure: Nullable(ReadFailure),
    source: Type.String(),
    doc: StoredDocument,
    bodyMap: Type.Record(Type.String(), Type.String(), {
      description: 'Cơ quan ghép bằng tay: tên đã bỏ dấu → mã đơn vị ("" = không thuộc đơn vị nào)',
    }),
    stats: DraftStats,
  },
  { $id: 'ImportDraft', title: 'ImportDraft' },
);
export type ImportDraft = Static<typeof ImportDraft>;
/** The draft by reference: routes register ImportDraft once (app.addSchema) and point to it. */
export const ImportDraftRef = RefTo(ImportDraft);

export const DraftSummary = Type.Object({
  id: Uuid,
  status: DraftStatus,
  filename: Nullable(Type.String()),
  format: ImportFormat,
  title: Nullable(Type.String()),
  docKind: Nullable(Type.String()),
  number: Nullable(Type.String()),
  programId: Nullable(Uuid),
  parentProgramId: Nullable(Uuid),
  ownerUnitId: Nullable(Uuid),
  updatedAt: Type.String({ format: 'date-time' }),
  stats: DraftStats,
});
export type DraftSummary = Static<typeof DraftSummary>;

export const DraftList = Items(DraftSummary);
export type DraftList = Static<typeof DraftList>;

// ---- requests ----

export const PasteBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: MAX_IMPORT_BYTES }),
    filename: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
);
export type PasteBody = Static<typeof PasteBody>;

export const UploadQuery = Type.Object({
  filename: Type.Optional(Type.String({ maxLength: 255 })),
  /** A unit's implementation plan: the program it implements and the unit. */
  parentProgramId: Type.Optional(Uuid),
  ownerUnitId: Type.Optional(Uuid),
  /**
   * Answer at once (202) with the draft in status `reading` and read the document in the background;
   * the draft's `progress` tells how far it is (GET /api/imports/:id until the status changes).
   */
  background: Type.Optional(Type.Boolean()),
});
export type UploadQuery = Static<typeof UploadQuery>;

export const DraftListQuery = Type.Object({ status: Type.Optional(DraftStatus) });
export type DraftListQuery = Static<typeof DraftListQuery>;

const NodeId = Type.String({ pattern: '^n\\d{1,7}$' });
const Column = Type.String({
  pattern: '^[A-Za-z]{1,24}$',
  description:
    'Cột của bảng nhiệm vụ: tt, task, lead, cooperating, deadline, level, submitTo, products, note',
});

/** One correction of a draft's structure (EditOp in src/domain/importer/edit.ts). */
export const EditOpSchema = Type.Union([
  Type.Object(
    { op: Type.Literal('setKind'), nodeId: NodeId, kind: LiteralUnion(EDITABLE_KINDS) },
    { additionalProperties: false },
  ),
  Type.Object({ op: Type.Literal('merge'), nodeId: NodeId }, { additionalProperties: false }),
  Type.Object(
    {
      op: Type.Literal('split'),
      nodeId: NodeId,
      at: Type.Integer({
        minimum: 0,
        maximum: MAX_IMPORT_BYTES,
        description: 'Vị trí trong văn bản nguồn; với `column`: vị trí trong nội dung của ô đó',
      }),
      column: Type.Optional(Column),
    },
    { additionalProperties: false },
  ),
  Type.Object({ op: Type.Literal('indent'), nodeId: NodeId }, { additionalProperties: false }),
  Type.Object({ op: Type.Literal('outdent'), nodeId: NodeId }, { additionalProperties: false }),
  Type.Object(
    {
      op: Type.Literal('mapBody'),
      text: Type.String({ minLength: 1, maxLength: 500 }),
      unitCode: Nullable(Type.String({ maxLength: 40 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { op: Type.Literal('setCell'), nodeId: NodeId, from: Column, to: Column },
    {
      additionalProperties: false,
      description: 'Chuyển một ô của hàng sang cột khác (đổi chỗ nếu cột đó có nội dung)',
    },
  ),
  Type.Object(
    {
      op: Type.Literal('moveCellText'),
      nodeId: NodeId,
      from: Column,
      to: Column,
      at: Type.Integer({
        minimum: 1,
        maximum: MAX_IMPORT_BYTES,
        description: 'Vị trí trong nội dung của ô `from`',
      }),
    },
    { additionalProperties: false, description: 'Chuyển phần sau vị trí `at` của một ô sang cột khác' },
  ),
]);

const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const EditBody = Type.Object({ version: Version, op: EditOpSchema }, { additionalProperties: false });
export type EditBody = Static<typeof EditBody>;

/** Publish and discard: the version the person saw. */
export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export type VersionBody = Static<typeof VersionBody>;

/**
 * The heading read from the document, corrected by hand before publishing: kind, title, number, date
 * and place, issuer (and the body above it), signer. A blank text is sent as null.
 */
export const HeadingBody = Type.Object(
  {
    version: Version,
    docKind: NullableText(200),
    title: NullableText(1000),
    number: NullableText(100),
    date: Nullable(IsoDate),
    place: NullableText(200),
    issuer: NullableText(300),
    parentIssuer: NullableText(300),
    signer: Type.Object(
      { onBehalf: NullableText(100), position: NullableText(200), name: NullableText(200) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type HeadingBody = Static<typeof HeadingBody>;

/** Creates the proposed units the person kept (and edited), maps the draft's bodies to them. */
export const ProposedUnitsBody = Type.Object(
  {
    version: Version,
    units: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: LIMITS.unitName }),
          kind: UnitKindSchema,
          parentCode: Nullable(Type.String({ pattern: UNIT_CODE_PATTERN })),
          texts: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1, maxItems: 50 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type ProposedUnitsBody = Static<typeof ProposedUnitsBody>;

export const ProposedUnitsResult = Type.Object({
  created: Type.Integer({ description: 'Số đơn vị mới được tạo' }),
  mapped: Type.Integer({ description: 'Số đề xuất được ghép vào đơn vị đã có cùng tên' }),
  draft: ImportDraftRef,
});
export type ProposedUnitsResult = Static<typeof ProposedUnitsResult>;

export const PublishResult = Type.Object({ programId: Uuid, draft: ImportDraftRef });
export type PublishResult = Static<typeof PublishResult>;
