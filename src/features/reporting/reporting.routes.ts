import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, IsoDate, Nullable, Text, Uuid, responses } from '../../http/schemas.js';
import type { ReportContent } from '../../domain/reporting/report.js';
import { LIMITS } from '../../domain/limits.js';
import { PERIOD_KINDS, getPeriod, listPeriods, openPeriod, updatePeriod } from './periods.service.js';
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
import {
  listReminders,
  markNotificationsRead,
  myNotifications,
  obligationReminders,
  remindNow,
  sweepReminders,
} from './reminders.service.js';
import { dashboard } from './dashboard.service.js';
import { listObstacles, updateObstacle } from './obstacles.service.js';
import {
  exportConsolidationDocx,
  exportConsolidationXlsx,
  generateConsolidation,
  getConsolidation,
  updateConsolidation,
} from './consolidation.service.js';
import { reportingRules } from './rules.js';
import { authorize } from '../policy.js';

const Any = Type.Unknown();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const Schedule = Type.Object(
  {
    before: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 90 }), { maxItems: 5 })),
    onDay: Type.Optional(Type.Boolean()),
    everyDaysLate: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
    escalateAfterDaysLate: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  },
  { additionalProperties: false },
);

const Product = Type.Object(
  {
    description: Text(LIMITS.reportProductDescription, 1),
    number: Type.Optional(Nullable(Text(LIMITS.reportProductNumber))),
    date: Type.Optional(Nullable(IsoDate)),
    link: Type.Optional(Nullable(Text(LIMITS.reportProductLink))),
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
    results: Type.Optional(Text(LIMITS.entryResults)),
    products: Type.Optional(Type.Array(Product, { maxItems: 50 })),
    evidence: Type.Optional(Type.Array(Evidence, { maxItems: 50 })),
    obstacles: Type.Optional(Text(LIMITS.entryObstacles)),
    proposals: Type.Optional(Text(LIMITS.entryProposals)),
    reason: Type.Optional(Text(LIMITS.entryReason)),
    completedOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);

const Content = Type.Object(
  {
    general: Type.Optional(
      Type.Object(
        {
          summary: Type.Optional(Text(LIMITS.reportSummary)),
          obstacles: Type.Optional(Text(LIMITS.reportObstacles)),
          proposals: Type.Optional(Text(LIMITS.reportProposals)),
          nextSteps: Type.Optional(Text(LIMITS.reportNextSteps)),
        },
        { additionalProperties: false },
      ),
    ),
    entries: Type.Record(Type.String({ format: 'uuid' }), Entry, { maxProperties: 5000 }),
  },
  { additionalProperties: false },
);

const Block = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('heading'),
      Type.Literal('subheading'),
      Type.Literal('paragraph'),
      Type.Literal('bullet'),
    ]),
    text: Text(LIMITS.blockText),
  },
  { additionalProperties: false },
);
const Section = Type.Object(
  { heading: Text(LIMITS.sectionHeading), blocks: Type.Array(Block, { maxItems: 2000 }) },
  { additionalProperties: false },
);
const Heading = Type.Object(
  {
    layout: Type.Optional(Type.Union([Type.Literal('party'), Type.Literal('state')])),
    parentBody: Type.Optional(Nullable(Text(LIMITS.docParentBody))),
    issuer: Type.Optional(Text(LIMITS.docIssuer, 1)),
    number: Type.Optional(Nullable(Text(LIMITS.docNumber))),
    notation: Type.Optional(Text(LIMITS.docNotation, 1)),
    place: Type.Optional(Text(LIMITS.docPlace, 1)),
    date: Type.Optional(Nullable(IsoDate)),
    title: Type.Optional(Text(LIMITS.docTitle, 1)),
    signer: Type.Optional(
      Type.Object(
        {
          authority: Nullable(Text(LIMITS.signerAuthority)),
          position: Text(LIMITS.signerPosition),
          name: Text(LIMITS.signerName),
        },
        { additionalProperties: false },
      ),
    ),
    recipients: Type.Optional(Type.Array(Text(LIMITS.recipient, 1), { maxItems: LIMITS.recipientsCount })),
  },
  { additionalProperties: false },
);

export const reportingRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['reporting'];

  app.get(
    '/api/reporting/rules',
    {
      schema: {
        tags,
        summary: 'Quy định kỳ báo cáo, trạng thái, lịch nhắc, tệp minh chứng (cấu hình)',
        response: responses({ 200: Any }),
      },
    },
    async (req) => {
      authorize(req.ctx, 'report.read');
      return reportingRules();
    },
  );

  app.get(
    '/api/programs/:id/periods',
    {
      schema: {
        tags,
        summary: 'Các kỳ báo cáo của chương trình',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => listPeriods(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/programs/:id/periods',
    {
      schema: {
        tags,
        summary:
          'Mở kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm, chuyên đề/đột xuất); tạo nghĩa vụ báo cáo cho mọi đơn vị chủ trì, phối hợp',
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Union(PERIOD_KINDS.map((k) => Type.Literal(k))),
            year: Type.Integer({ minimum: 2000, maximum: 2100 }),
            index: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
            label: Type.Optional(Text(LIMITS.periodLabel)),
            cutoffStart: Type.Optional(IsoDate),
            cutoffEnd: Type.Optional(IsoDate),
            dueDate: Type.Optional(IsoDate),
            reviewKind: Type.Optional(Type.Union([Type.Literal('so_ket'), Type.Literal('tong_ket')])),
            schedule: Type.Optional(Schedule),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Any }),
      },
    },
    async (req, reply) => reply.code(201).send(await openPeriod(deps, req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/periods/:id',
    {
      schema: {
        tags,
        summary:
          'Kỳ báo cáo và bảng theo dõi đơn vị đã nộp (lọc theo trạng thái: not_started, drafting, submitted, returned, accepted, late, overdue)',
        params: IdParams,
        querystring: Type.Object({ status: Type.Optional(Text(20)), q: Type.Optional(Text(200)) }),
        response: responses({ 200: Any }),
      },
    },
    async (req) => getPeriod(deps, req.ctx, req.params.id, req.query),
  );

  app.patch(
    '/api/periods/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hạn gửi, tên, lịch nhắc; đóng hoặc mở lại kỳ',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            dueDate: Type.Optional(IsoDate),
            label: Type.Optional(Text(LIMITS.periodLabel)),
            schedule: Type.Optional(Schedule),
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Any }),
      },
    },
    async (req) => updatePeriod(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/periods/:id/remind',
    {
      schema: {
        tags,
        summary: 'Nhắc ngay các đơn vị chưa nộp (hoặc các nghĩa vụ đã chọn)',
        params: IdParams,
        body: Type.Object(
          { obligationIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 5000 })) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Any }),
      },
    },
    async (req) =>
      remindNow(deps, req.ctx, { periodId: req.params.id, obligationIds: req.body.obligationIds }),
  );

  app.get(
    '/api/periods/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Các lời nhắc, đôn đốc của kỳ (đã gửi, bỏ qua, đang chờ)',
        params: IdParams,
        querystring: Type.Object({ status: Type.Optional(Text(20)) }),
        response: responses({ 200: Any }),
      },
    },
    async (req) => listReminders(deps, req.ctx, { periodId: req.params.id, status: req.query.status }),
  );

  app.get(
    '/api/programs/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Các lời nhắc, đôn đốc của chương trình (kỳ báo cáo và thời hạn nhiệm vụ)',
        params: IdParams,
        querystring: Type.Object({ status: Type.Optional(Text(20)) }),
        response: responses({ 200: Any }),
      },
    },
    async (req) => listReminders(deps, req.ctx, { programId: req.params.id, status: req.query.status }),
  );

  app.post(
    '/api/reminders/sweep',
    { schema: { tags, summary: 'Quét và gửi ngay các lời nhắc đến hạn', response: responses({ 200: Any }) } },
    async (req) => {
      authorize(req.ctx, 'report.manage');
      return sweepReminders(deps);
    },
  );

  app.get(
    '/api/periods/:id/dashboard',
    {
      schema: {
        tags,
        summary:
          'Tổng quan: tiến độ theo nhóm nhiệm vụ và đơn vị, tỷ lệ đúng hạn, nhiệm vụ quá hạn, đơn vị chưa báo cáo',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => dashboard(deps, req.ctx, req.params.id),
  );

  app.get(
    '/api/periods/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Dự thảo báo cáo tổng hợp của kỳ',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => getConsolidation(deps, req.ctx, req.params.id),
  );
  app.post(
    '/api/periods/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Lập (hoặc lập lại phần nội dung) dự thảo báo cáo tổng hợp từ các báo cáo đã duyệt',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => generateConsolidation(deps, req.ctx, req.params.id),
  );
  app.put(
    '/api/periods/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Sửa phần đầu văn bản và nội dung báo cáo tổng hợp',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            heading: Type.Optional(Heading),
            sections: Type.Optional(Type.Array(Section, { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Any }),
      },
    },
    async (req) => updateConsolidation(deps, req.ctx, req.params.id, req.body),
  );
  for (const [ext, type, make] of [
    ['docx', DOCX, exportConsolidationDocx],
    ['xlsx', XLSX, exportConsolidationXlsx],
  ] as const) {
    app.get(
      `/api/periods/:id/consolidation.${ext}`,
      {
        schema: {
          tags,
          summary:
            ext === 'docx'
              ? 'Báo cáo tổng hợp (.docx, thể thức văn bản của Đảng hoặc Nghị định 30/2020) kèm phụ lục'
              : 'Phụ lục tình hình thực hiện các nhiệm vụ (.xlsx)',
          params: IdParams,
          response: responses({ 200: Any }),
        },
      },
      async (req, reply) => {
        const r = await make(deps, req.ctx, req.params.id);
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${r.filename}"`)
          .send(r.buffer);
      },
    );
  }

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
            comment: Type.Optional(Text(LIMITS.reviewComment)),
            taskComments: Type.Optional(
              Type.Record(Type.String({ format: 'uuid' }), Text(LIMITS.reviewTaskComment), {
                maxProperties: 5000,
              }),
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
    '/api/reports/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Các lời nhắc đơn vị đã nhận cho báo cáo này',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => obligationReminders(deps, req.ctx, req.params.id),
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

  app.get(
    '/api/programs/:id/obstacles',
    {
      schema: {
        tags,
        summary: 'Sổ theo dõi khó khăn, vướng mắc và kiến nghị',
        params: IdParams,
        querystring: Type.Object({
          status: Type.Optional(Text(20)),
          open: Type.Optional(Type.Boolean()),
          periodId: Type.Optional(Uuid),
        }),
        response: responses({ 200: Any }),
      },
    },
    async (req) => listObstacles(deps, req.ctx, req.params.id, req.query),
  );

  app.patch(
    '/api/obstacles/:id',
    {
      schema: {
        tags,
        summary: 'Giao đơn vị xử lý, trả lời, đóng hoặc mở lại khó khăn, vướng mắc',
        params: IdParams,
        body: Type.Object(
          {
            action: Type.Union([
              Type.Literal('assign'),
              Type.Literal('answer'),
              Type.Literal('close'),
              Type.Literal('reopen'),
            ]),
            version: Type.Integer({ minimum: 1 }),
            handlingUnitId: Type.Optional(Uuid),
            answer: Type.Optional(Text(LIMITS.obstacleAnswer)),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Any }),
      },
    },
    async (req) => updateObstacle(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()) }),
        response: responses({ 200: Any }),
      },
    },
    async (req) => myNotifications(deps, req.ctx, req.query),
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc (tất cả, hoặc các thông báo đã chọn)',
        description: '{ ids: [...] } đánh dấu các thông báo đã chọn; { all: true } đánh dấu tất cả.',
        body: Type.Object(
          {
            ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 500 })),
            all: Type.Optional(Type.Literal(true)),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: responses({ 200: Any }),
      },
    },
    async (req) => markNotificationsRead(deps, req.ctx, req.body),
  );
};
