import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import { Dashboard } from '../../contract/dashboard.js';
import { dashboard } from './dashboard.service.js';

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
        response: responses({ 200: Dashboard }),
      },
    },
    async (req) => dashboard(deps, req.ctx, req.params.id),
  );
};
