import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, Text, Uuid, responses } from '../../contract/common.js';
import { listObstacles, updateObstacle } from './obstacles.service.js';

const Any = Type.Unknown();

export const obstacleRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['obstacles'];

  app.get(
    '/api/programs/:id/obstacles',
    {
      schema: {
        tags,
        summary: 'Sổ theo dõi khó khăn, vướng mắc và kiến nghị',
        params: IdParams,
        querystring: Type.Object({
          status: Type.Optional(Text(20)),
          open: Type.Optional(Type.Boolean()),
          periodId: Type.Optional(Uuid),
        }),
        response: responses({ 200: Any }),
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
        body: Type.Object(
          {
            action: Type.Union([
              Type.Literal('assign'),
              Type.Literal('answer'),
              Type.Literal('close'),
              Type.Literal('reopen'),
            ]),
            version: Type.Integer({ minimum: 1 }),
            handlingUnitId: Type.Optional(Uuid),
            answer: Type.Optional(Text(10000)),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Any }),
      },
    },
    async (req) => updateObstacle(deps, req.ctx, req.params.id, req.body),
  );
};
