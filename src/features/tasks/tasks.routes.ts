import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, Nullable, Text, Uuid, responses, IsoDate, DeadlineSchema } from '../../contract/common.js';
import { FIVE_CLEAR, PRODUCT_KINDS } from '../../domain/plan/assignment.js';
import { LIMITS } from '../../domain/limits.js';
import {
  acceptSuggestions,
  getTask,
  listTasks,
  programMeter,
  programSuggestions,
  saveAssignment,
  startImplementation,
} from './tasks.service.js';

const Product = Type.Object(
  {
    kind: Type.Union(PRODUCT_KINDS.map((k) => Type.Literal(k))),
    description: Text(LIMITS.productDescription, 1),
    dueDate: Nullable(IsoDate),
    indicator: Type.Optional(
      Nullable(
        Type.Object(
          {
            name: Text(LIMITS.indicatorName, 1),
            target: Type.Number({ minimum: 0, maximum: 1e12 }),
            unit: Text(LIMITS.indicatorUnit),
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);
const Focal = Type.Object(
  {
    userId: Nullable(Uuid),
    name: Nullable(Text(LIMITS.focalName)),
    position: Nullable(Text(LIMITS.focalPosition)),
    phone: Nullable(Type.String({ maxLength: LIMITS.phone, pattern: '^[0-9+().\\s-]*$' })),
  },
  { additionalProperties: false },
);
const AssignmentBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    leadUnitId: Nullable(Uuid),
    cooperatingUnitIds: Type.Array(Uuid, { maxItems: 500 }),
    focal: Nullable(Focal),
    deadline: Nullable(DeadlineSchema),
    products: Type.Array(Product, { maxItems: 50 }),
    reason: Type.Optional(Nullable(Text(LIMITS.adjustmentReason))),
  },
  { additionalProperties: false },
);
const Clear = Type.Union(FIVE_CLEAR.map((c) => Type.Literal(c)));
const TaskQuery = Type.Object({
  groupId: Type.Optional(Uuid),
  unitId: Type.Optional(Uuid),
  role: Type.Optional(Type.Union([Type.Literal('lead'), Type.Literal('cooperating')])),
  missing: Type.Optional(Clear),
  dueFrom: Type.Optional(IsoDate),
  dueTo: Type.Optional(IsoDate),
  q: Type.Optional(Type.String({ maxLength: LIMITS.search })),
});
const Any = Type.Unknown();

export const taskRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['tasks'];

  app.get(
    '/api/programs/:id/tasks',
    {
      schema: {
        tags,
        summary:
          'Nhiệm vụ của chương trình (lọc theo nhóm, đơn vị, vai trò, thời hạn, "rõ" còn thiếu; tìm không dấu)',
        params: IdParams,
        querystring: TaskQuery,
        response: responses({ 200: Any }),
      },
    },
    async (req) => listTasks(deps, req.ctx, req.params.id, req.query),
  );

  app.get(
    '/api/programs/:id/meter',
    {
      schema: {
        tags,
        summary: 'Chỉ số "5 rõ" theo nhiệm vụ, nhóm và chương trình',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => programMeter(deps, req.ctx, req.params.id),
  );

  app.get(
    '/api/programs/:id/suggestions',
    {
      schema: {
        tags,
        summary: 'Đề xuất phân công đọc từ văn bản',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => programSuggestions(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/programs/:id/suggestions/accept',
    {
      schema: {
        tags,
        summary: 'Chấp nhận đề xuất (hàng loạt): điền cơ quan chủ trì, phối hợp, thời hạn còn trống',
        params: IdParams,
        body: Type.Object(
          {
            nodeIds: Type.Array(Uuid, { maxItems: 20000 }),
            parts: Type.Array(
              Type.Union([Type.Literal('lead'), Type.Literal('cooperating'), Type.Literal('deadline')]),
              { minItems: 1, maxItems: 3 },
            ),
            monitoring: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ accepted: Type.Integer() }) }),
      },
    },
    async (req) => acceptSuggestions(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/programs/:id/implement',
    {
      schema: {
        tags,
        summary: 'Triển khai: chốt phân công (baseline); cần mọi nhiệm vụ có cơ quan chủ trì và thời hạn',
        params: IdParams,
        body: Type.Optional(
          Type.Object({ plansDueDate: Type.Optional(IsoDate) }, { additionalProperties: false }),
        ),
        response: responses({ 200: Type.Object({ status: Type.String(), tasks: Type.Integer() }) }),
      },
    },
    async (req) => startImplementation(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ: nguồn, phân công, sản phẩm, so với baseline',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => getTask(deps, req.ctx, req.params.id),
  );

  app.put(
    '/api/tasks/:id/assignment',
    {
      schema: {
        tags,
        summary: 'Giao nhiệm vụ: một cơ quan chủ trì, cơ quan phối hợp, đầu mối, thời hạn, sản phẩm',
        params: IdParams,
        body: AssignmentBody,
        response: responses({ 200: Any }),
      },
    },
    async (req) => saveAssignment(deps, req.ctx, req.params.id, req.body),
  );
};
