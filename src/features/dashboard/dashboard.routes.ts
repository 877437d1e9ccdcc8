import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import { dashboard } from './dashboard.service.js';

const Any = Type.Unknown();

export const dashboardRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['dashboard'];

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
};
