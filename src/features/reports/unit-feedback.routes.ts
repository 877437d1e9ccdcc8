import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import * as contract from '../../contract/feedback.js';
import * as service from './unit-feedback.service.js';

/** A unit's earlier reports: copy forward, open obstacles, feedback page, a task's accepted progress. */
export const unitFeedbackRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['reports'];

  app.get(
    '/api/reports/:id/earlier',
    {
      schema: {
        tags,
        summary: 'Báo cáo kỳ trước đã được chấp nhận (để sao chép) và khó khăn, vướng mắc còn mở',
        params: IdParams,
        response: responses({ 200: contract.EarlierReports }),
      },
    },
    async (req) => service.earlierReports(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/reports/:id/copy-forward',
    {
      schema: {
        tags,
        summary: 'Bắt đầu bản nháp từ báo cáo kỳ trước đã được chấp nhận (không tự nộp)',
        params: IdParams,
        body: contract.CopyForwardBody,
        response: responses({ 200: contract.CopyForwardResult }),
      },
    },
    async (req) => service.copyForward(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/units/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Phản hồi cho đơn vị: trả lời khó khăn, vướng mắc và lịch sử duyệt báo cáo',
        params: IdParams,
        response: responses({ 200: contract.UnitFeedback }),
      },
    },
    async (req) => service.unitFeedback(deps, req.ctx, req.params.id),
  );

  app.get(
    '/api/tasks/:id/reporting',
    {
      schema: {
        tags,
        summary: 'Tiến độ đã được chấp nhận của nhiệm vụ theo kỳ và báo cáo mới nhất chưa được chấp nhận',
        params: IdParams,
        response: responses({ 200: contract.TaskReporting }),
      },
    },
    async (req) => service.taskReporting(deps, req.ctx, req.params.id),
  );
};
