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

  app.get(
    '/api/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Nhận thư điện tử theo từng loại thông báo (của tôi)',
        response: responses({ 200: contract.NotificationPreferences }),
      },
    },
    async (req) => service.myPreferences(deps, req.ctx),
  );

  app.put(
    '/api/notifications/preferences',
    {
      schema: {
        tags,
        summary: 'Bật, tắt thư điện tử theo từng loại thông báo (của tôi)',
        description: 'Các loại không nêu giữ nguyên lựa chọn. Chuông thông báo luôn nhận mọi thông báo.',
        body: contract.NotificationPreferencesBody,
        response: responses({ 200: contract.NotificationPreferences }),
      },
    },
    async (req) => service.setMyPreferences(deps, req.ctx, req.body),
  );
};
