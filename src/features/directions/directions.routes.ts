/** Routes of the leader's directions: the list, writing one, and each unit's answer, close and return. */
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import {
  Direction,
  DirectionAnswerInput,
  DirectionCloseInput,
  DirectionFilters,
  DirectionInput,
  DirectionList,
  DirectionReturnInput,
} from '../../contract/directions.js';
import {
  answerDirection,
  closeDirectionUnit,
  createDirection,
  listDirections,
  returnDirectionUnit,
} from './directions.service.js';

export const directionRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['directions'];

  app.get(
    '/api/directions',
    {
      schema: {
        tags,
        summary:
          'Theo dõi ý kiến chỉ đạo: danh sách, trạng thái từng đơn vị (đơn vị chỉ thấy ý kiến gửi mình)',
        querystring: DirectionFilters,
        response: responses({ 200: DirectionList }),
      },
    },
    async (req) => listDirections(deps, req.ctx, req.query),
  );

  app.post(
    '/api/directions',
    {
      schema: {
        tags,
        summary:
          'Lãnh đạo viết ý kiến chỉ đạo về nhiệm vụ, báo cáo, khó khăn vướng mắc, đơn vị hoặc chương trình',
        body: DirectionInput,
        response: responses({ 201: Direction }),
      },
    },
    async (req, reply) => reply.code(201).send(await createDirection(deps, req.ctx, req.body)),
  );

  app.post(
    '/api/direction-units/:id/answer',
    {
      schema: {
        tags,
        summary: 'Đơn vị trả lời ý kiến chỉ đạo (kèm sản phẩm, đường dẫn)',
        params: IdParams,
        body: DirectionAnswerInput,
        response: responses({ 200: Direction }),
      },
    },
    async (req) => answerDirection(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/direction-units/:id/close',
    {
      schema: {
        tags,
        summary: 'Kết thúc theo dõi việc thực hiện ý kiến chỉ đạo của một đơn vị',
        params: IdParams,
        body: DirectionCloseInput,
        response: responses({ 200: Direction }),
      },
    },
    async (req) => closeDirectionUnit(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/direction-units/:id/return',
    {
      schema: {
        tags,
        summary: 'Trả lại trả lời của đơn vị (chưa đạt), kèm ý kiến: đơn vị tiếp tục thực hiện',
        params: IdParams,
        body: DirectionReturnInput,
        response: responses({ 200: Direction }),
      },
    },
    async (req) => returnDirectionUnit(deps, req.ctx, req.params.id, req.body),
  );
};
