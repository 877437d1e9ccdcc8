import type { RoutePlugin } from '../../http/types.js';
import { responses } from '../../contract/common.js';
import * as contract from '../../contract/notifications.js';
import * as service from './notifications.service.js';

export const notificationRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi',
        querystring: contract.NotificationsQuery,
        response: responses({ 200: contract.NotificationList }),
      },
    },
    async (req) => service.myNotifications(deps, req.ctx, req.query),
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc (tất cả, hoặc các thông báo đã chọn)',
        description: '{ ids: [...] } đánh dấu các thông báo đã chọn; { all: true } đánh dấu tất cả.',
        body: contract.MarkReadBody,
        response: responses({ 200: contract.MarkReadResult }),
      },
    },
    async (req) => service.markNotificationsRead(deps, req.ctx, req.body),
  );
};
