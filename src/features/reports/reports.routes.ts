import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, IsoDate, Nullable, Text, Uuid, responses } from '../../contract/common.js';
import type { ReportContent } from '../../domain/reporting/report.js';
import {
  compareVersions,
  getEvidenceFile,
  getObligation,
  getVersion,
  reviewReport,
  saveDraft,
  submitReport,
  unitObligations,
  uploadEvidence,
} from './reports.service.js';
import { reportingRules } from '../reporting-rules.js';

const Any = Type.Unknown();

const Product = Type.Object(
  {
    description: Text(1000, 1),
    number: Type.Optional(Nullable(Text(100))),
    date: Type.Optional(Nullable(IsoDate)),
    link: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);

const Evidence = Type.Object(
  {
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    filename: Text(200, 1),
    size: Type.Integer({ minimum: 0 }),
    mime: Text(200),
  },
  { additionalProperties: false },
);

const Entry = Type.Object(
  {
    status: Type.Optional(Nullable(Text(40))),
    percent: Type.Optional(Nullable(Type.Integer({ minimum: -1000, maximum: 1000 }))),
    results: Type.Optional(Text(20000)),
    products: Type.Optional(Type.Array(Product, { maxItems: 50 })),
    evidence: Type.Optional(Type.Array(Evidence, { maxItems: 50 })),
    obstacles: Type.Optional(Text(10000)),
    proposals: Type.Optional(Text(10000)),
    reason: Type.Optional(Text(5000)),
    completedOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);

const Content = Type.Object(
  {
    general: Type.Optional(
      Type.Object(
        {
          summary: Type.Optional(Text(20000)),
          obstacles: Type.Optional(Text(10000)),
          proposals: Type.Optional(Text(10000)),
          nextSteps: Type.Optional(Text(10000)),
        },
        { additionalProperties: false },
      ),
    ),
    entries: Type.Record(Type.String({ format: 'uuid' }), Entry, { maxProperties: 5000 }),
  },
  { additionalProperties: false },
);

export const reportRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['reports'];

  app.get(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: 'Báo cáo của đơn vị trong kỳ: nhiệm vụ, bản nháp, các phiên bản, ý kiến phối hợp',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => getObligation(deps, req.ctx, req.params.id),
  );

  app.put(
    '/api/reports/:id/draft',
    {
      schema: {
        tags,
        summary: 'Lưu nháp báo cáo (đơn vị)',
        params: IdParams,
        body: Type.Object(
          { version: Type.Integer({ minimum: 1 }), content: Content },
          { additionalProperties: false },
        ),
        response: responses({ 200: Any }),
      },
    },
    async (req) =>
      saveDraft(deps, req.ctx, req.params.id, {
        version: req.body.version,
        content: req.body.content as unknown as ReportContent,
      }),
  );

  app.post(
    '/api/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Nộp báo cáo: tạo phiên bản mới, chỉ đọc; cùng khóa idempotencyKey chỉ tạo một phiên bản',
        params: IdParams,
        body: Type.Object({ idempotencyKey: Text(100, 8) }, { additionalProperties: false }),
        response: responses({ 200: Any }),
      },
    },
    async (req) => submitReport(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/reports/:id/review',
    {
      schema: {
        tags,
        summary: 'Duyệt hoặc trả lại báo cáo, kèm ý kiến chung và ý kiến từng nhiệm vụ',
        params: IdParams,
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('accept'), Type.Literal('return')]),
            comment: Type.Optional(Text(10000)),
            taskComments: Type.Optional(
              Type.Record(Type.String({ format: 'uuid' }), Text(5000), { maxProperties: 5000 }),
            ),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Any }),
      },
    },
    async (req) => reviewReport(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/reports/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'Một phiên bản đã nộp',
        params: Type.Object({ id: Uuid, number: Type.Integer({ minimum: 1 }) }),
        response: responses({ 200: Any }),
      },
    },
    async (req) => getVersion(deps, req.ctx, req.params.id, req.params.number),
  );

  app.get(
    '/api/reports/:id/compare',
    {
      schema: {
        tags,
        summary: 'So sánh hai phiên bản: các nhiệm vụ và trường thay đổi',
        params: IdParams,
        querystring: Type.Object({ a: Type.Integer({ minimum: 1 }), b: Type.Integer({ minimum: 1 }) }),
        response: responses({ 200: Any }),
      },
    },
    async (req) => compareVersions(deps, req.ctx, req.params.id, req.query.a, req.query.b),
  );

  const maxBytes = reportingRules().evidence.maxBytes;

  app.post(
    '/api/reports/:id/files',
    {
      bodyLimit: maxBytes * 2,
      schema: {
        tags,
        summary:
          'Tải lên tệp minh chứng (PDF, Word, Excel, ảnh PNG/JPEG): nội dung tệp là thân yêu cầu, ?filename=',
        params: IdParams,
        querystring: Type.Object({ filename: Text(255, 1) }),
        body: { content: { 'application/octet-stream': { schema: {} } } } as never,
        response: responses({ 201: Any }),
      },
    },
    async (req, reply) => {
      const body = req.body as unknown;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return reply
        .code(201)
        .send(await uploadEvidence(deps, req.ctx, req.params.id, { filename: req.query.filename, bytes }));
    },
  );

  app.get(
    '/api/files/:sha256',
    {
      schema: {
        tags,
        summary: 'Tải tệp minh chứng',
        params: Type.Object({ sha256: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ name: Type.Optional(Text(200)) }),
        response: responses({ 200: Any }),
      },
    },
    async (req, reply) => {
      const f = await getEvidenceFile(deps, req.ctx, req.params.sha256);
      const name = encodeURIComponent(req.query.name ?? f.sha256);
      return reply
        .type(f.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(f.content);
    },
  );

  app.get(
    '/api/units/:id/reports',
    {
      schema: {
        tags,
        summary: 'Các báo cáo của đơn vị qua các kỳ',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => unitObligations(deps, req.ctx, req.params.id),
  );
};
