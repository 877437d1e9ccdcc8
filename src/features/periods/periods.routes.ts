import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, IsoDate, Text, responses } from '../../contract/common.js';
import { PERIOD_KINDS, getPeriod, listPeriods, openPeriod, updatePeriod } from './periods.service.js';
import { reportingRules } from '../reporting-rules.js';
import { authorize } from '../policy.js';

const Any = Type.Unknown();

const Schedule = Type.Object(
  {
    before: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 90 }), { maxItems: 5 })),
    onDay: Type.Optional(Type.Boolean()),
    everyDaysLate: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
    escalateAfterDaysLate: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  },
  { additionalProperties: false },
);

export const periodRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['periods'];

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
            label: Type.Optional(Text(200)),
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
            label: Type.Optional(Text(200)),
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
};
