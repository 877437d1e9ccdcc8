import type { RoutePlugin } from '../../http/types.js';
import { responses } from '../../contract/common.js';
import { HomeOverview } from '../../contract/home.js';
import { homeOverview } from './home.service.js';

export const homeRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/api/home',
    {
      schema: {
        tags: ['home'],
        summary:
          'Trang tổng quan: kỳ báo cáo đang mở, báo cáo chờ duyệt, đơn vị quá hạn; với đơn vị: nhiệm vụ sắp đến hạn, báo cáo của đơn vị',
        response: responses({ 200: HomeOverview }),
      },
    },
    async (req) => homeOverview(deps, req.ctx),
  );
};
