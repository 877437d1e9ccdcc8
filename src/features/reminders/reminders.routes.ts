import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import * as contract from '../../contract/reminders.js';
import * as service from './reminders.service.js';
import { sweepReminders } from '../../jobs/reminder-sweep.js';
import { authorize } from '../policy.js';

export const reminderRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['reminders'];

  app.post(
    '/api/periods/:id/remind',
    {
      schema: {
        tags,
        summary: 'Nhắc ngay các đơn vị chưa nộp (hoặc các nghĩa vụ đã chọn)',
        params: IdParams,
        body: contract.RemindInput,
        response: responses({ 200: contract.RemindResult }),
      },
    },
    async (req) =>
      service.remindNow(deps, req.ctx, { periodId: req.params.id, obligationIds: req.body.obligationIds }),
  );

  app.get(
    '/api/periods/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Các lời nhắc, đôn đốc của kỳ (đã gửi, bỏ qua, đang chờ)',
        params: IdParams,
        querystring: contract.ReminderQuery,
        response: responses({ 200: contract.ReminderList }),
      },
    },
    async (req) =>
      service.listReminders(deps, req.ctx, { periodId: req.params.id, status: req.query.status }),
  );

  app.get(
    '/api/programs/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Các lời nhắc, đôn đốc của chương trình (kỳ báo cáo và thời hạn nhiệm vụ)',
        params: IdParams,
        querystring: contract.ReminderQuery,
        response: responses({ 200: contract.ReminderList }),
      },
    },
    async (req) =>
      service.listReminders(deps, req.ctx, { programId: req.params.id, status: req.query.status }),
  );

  app.post(
    '/api/reminders/sweep',
    {
      schema: {
        tags,
        summary: 'Quét và gửi ngay các lời nhắc đến hạn',
        response: responses({ 200: contract.SweepResult }),
      },
    },
    async (req) => {
      authorize(req.ctx, 'report.manage');
      return sweepReminders(deps);
    },
  );

  app.get(
    '/api/reports/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Các lời nhắc đơn vị đã nhận cho báo cáo này',
        params: IdParams,
        response: responses({ 200: contract.ObligationReminderList }),
      },
    },
    async (req) => service.obligationReminders(deps, req.ctx, req.params.id),
  );
};
