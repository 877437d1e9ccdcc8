import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import * as contract from '../../contract/periods.js';
import * as service from './periods.service.js';
import { reportingRules } from '../reporting-rules.js';
import { calendarAround } from '../working-calendar.js';
import { now } from '../deps.js';
import { authorize } from '../policy.js';

export const periodRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['periods'];

  app.get(
    '/api/reporting/rules',
    {
      schema: {
        tags,
        summary: 'Quy định kỳ báo cáo, trạng thái, lịch nhắc, tệp minh chứng (cấu hình)',
        response: responses({ 200: contract.ReportingRules }),
      },
    },
    async (req) => {
      authorize(req.ctx, 'report.read');
      // `holidays` and `workDays` come from the working-day calendar (config/holidays.json), around today.
      return { ...reportingRules(), ...calendarAround(now(deps)) };
    },
  );

  app.get(
    '/api/programs/:id/periods',
    {
      schema: {
        tags,
        summary: 'Các kỳ báo cáo của chương trình',
        params: IdParams,
        response: responses({ 200: contract.PeriodList }),
      },
    },
    async (req) => service.listPeriods(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/programs/:id/periods',
    {
      schema: {
        tags,
        summary:
          'Mở kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm, chuyên đề/đột xuất); tạo nghĩa vụ báo cáo cho mọi đơn vị chủ trì, phối hợp',
        params: IdParams,
        body: contract.OpenPeriodInput,
        response: responses({ 201: contract.OpenPeriodResult }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.openPeriod(deps, req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/periods/:id',
    {
      schema: {
        tags,
        summary:
          'Kỳ báo cáo và bảng theo dõi đơn vị đã nộp (lọc theo trạng thái: not_started, drafting, submitted, returned, accepted, late, overdue)',
        params: IdParams,
        querystring: contract.PeriodQuery,
        response: responses({ 200: contract.PeriodDetail }),
      },
    },
    async (req) => service.getPeriod(deps, req.ctx, req.params.id, req.query),
  );

  app.patch(
    '/api/periods/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hạn gửi, tên, lịch nhắc; đóng hoặc mở lại kỳ',
        params: IdParams,
        body: contract.PeriodPatch,
        response: responses({ 200: contract.PeriodVersion }),
      },
    },
    async (req) => service.updatePeriod(deps, req.ctx, req.params.id, req.body),
  );
};
