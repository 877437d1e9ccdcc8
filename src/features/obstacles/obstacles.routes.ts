import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import { ObstacleFilters, ObstacleInput, ObstacleList, ObstacleStep } from '../../contract/obstacles.js';
import { listObstacles, updateObstacle } from './obstacles.service.js';

export const obstacleRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['obstacles'];

  app.get(
    '/api/programs/:id/obstacles',
    {
      schema: {
        tags,
        summary: 'Sổ theo dõi khó khăn, vướng mắc và kiến nghị',
        params: IdParams,
        querystring: ObstacleFilters,
        response: responses({ 200: ObstacleList }),
      },
    },
    async (req) => listObstacles(deps, req.ctx, req.params.id, req.query),
  );

  app.patch(
    '/api/obstacles/:id',
    {
      schema: {
        tags,
        summary: 'Giao đơn vị xử lý, trả lời, đóng hoặc mở lại khó khăn, vướng mắc',
        params: IdParams,
        body: ObstacleInput,
        response: responses({ 200: ObstacleStep }),
      },
    },
    async (req) => updateObstacle(deps, req.ctx, req.params.id, req.body),
  );
};
