import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { Uuid, responses } from '../../contract/common.js';
import { markNotificationsRead, myNotifications } from './notifications.service.js';

const Any = Type.Unknown();

export const notificationRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['notifications'];

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
