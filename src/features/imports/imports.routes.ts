import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, Nullable, Uuid, responses } from '../../contract/common.js';
import { MAX_IMPORT_BYTES } from '../../domain/importer/normalize.js';
import { EDITABLE_KINDS } from '../../domain/importer/edit.js';
import {
  createImportDraft,
  discardImportDraft,
  editImportDraft,
  getImportDraft,
  listImportDrafts,
  publishImportDraft,
} from './imports.service.js';

const NodeId = Type.String({ pattern: '^n\\d{1,7}$' });
const EditOp = Type.Union([
  Type.Object(
    {
      op: Type.Literal('setKind'),
      nodeId: NodeId,
      kind: Type.Union(EDITABLE_KINDS.map((k) => Type.Literal(k))),
    },
    { additionalProperties: false },
  ),
  Type.Object({ op: Type.Literal('merge'), nodeId: NodeId }, { additionalProperties: false }),
  Type.Object(
    {
      op: Type.Literal('split'),
      nodeId: NodeId,
      at: Type.Integer({ minimum: 0, maximum: MAX_IMPORT_BYTES }),
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
]);
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

const Stats = Type.Object({
  sections: Type.Integer(),
  nodes: Type.Integer(),
  tasks: Type.Integer(),
  responsibilities: Type.Integer(),
  references: Type.Integer(),
  warnings: Type.Integer(),
  unmatchedBodies: Type.Integer(),
});
const Draft = Type.Object(
  {
    id: Type.String(),
    status: Type.String(),
    filename: Nullable(Type.String()),
    format: Type.String(),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    programId: Nullable(Type.String()),
    source: Type.String(),
    doc: Type.Unknown({ description: 'ParsedDocument (see README, "Định dạng JSON của văn bản đã nhập")' }),
    bodyMap: Type.Record(Type.String(), Type.String()),
    stats: Stats,
  },
  { $id: 'ImportDraft', title: 'ImportDraft' },
);
const DraftRef = Type.Ref('ImportDraft');

const PasteBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: MAX_IMPORT_BYTES }),
    filename: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
);
const UploadQuery = Type.Object({
  filename: Type.Optional(Type.String({ maxLength: 255 })),
  /** A unit's implementation plan: the program it implements and the unit. */
  parentProgramId: Type.Optional(Uuid),
  ownerUnitId: Type.Optional(Uuid),
});

export const importRoutes: RoutePlugin = async (app, { deps }) => {
  app.addSchema(Draft);
  const tags = ['imports'];

  app.post(
    '/api/imports',
    {
      bodyLimit: MAX_IMPORT_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Nhập văn bản: dán (JSON {text}) hoặc tải lên (.txt, .md, .docx — nội dung tệp là thân yêu cầu, ?filename=)',
        querystring: UploadQuery,
        body: {
          content: {
            'application/json': { schema: PasteBody },
            'text/plain': { schema: Type.String() },
            'text/markdown': { schema: Type.String() },
            'application/octet-stream': { schema: {} },
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: {} },
          },
        } as never,
        response: responses({ 201: DraftRef }),
      },
    },
    async (req, reply) => {
      const body = req.body as unknown;
      const filename = req.query.filename ?? null;
      const input = Buffer.isBuffer(body)
        ? { bytes: new Uint8Array(body), filename }
        : typeof body === 'string'
          ? { text: body, filename }
          : {
              text: (body as { text: string }).text,
              filename: (body as { filename?: string }).filename ?? filename,
            };
      const target = { parentProgramId: req.query.parentProgramId, ownerUnitId: req.query.ownerUnitId };
      return reply.code(201).send(await createImportDraft(deps, req.ctx, { ...input, ...target }));
    },
  );

  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Các bản nhập gần đây',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('discarded')]),
          ),
        }),
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Unknown()) }) }),
      },
    },
    async (req) => listImportDrafts(deps, req.ctx, req.query),
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: 'Bản nhập: nguồn và cấu trúc',
        params: IdParams,
        response: responses({ 200: DraftRef }),
      },
    },
    async (req) => getImportDraft(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/imports/:id/edits',
    {
      schema: {
        tags,
        summary: 'Sửa cấu trúc: đổi loại, gộp, tách, thụt vào, lùi ra, ghép cơ quan với đơn vị',
        params: IdParams,
        body: Type.Object({ version: Version, op: EditOp }, { additionalProperties: false }),
        response: responses({ 200: DraftRef }),
      },
    },
    async (req) => editImportDraft(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/imports/:id/publish',
    {
      schema: {
        tags,
        summary: 'Ban hành: lưu thành chương trình',
        params: IdParams,
        body: Type.Object({ version: Version }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ programId: Type.String(), draft: DraftRef }) }),
      },
    },
    async (req) => publishImportDraft(deps, req.ctx, req.params.id, req.body.version),
  );

  app.post(
    '/api/imports/:id/discard',
    {
      schema: {
        tags,
        summary: 'Hủy bản nhập',
        params: IdParams,
        body: Type.Object({ version: Version }, { additionalProperties: false }),
        response: responses({ 200: DraftRef }),
      },
    },
    async (req) => discardImportDraft(deps, req.ctx, req.params.id, req.body.version),
  );
};
