import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import * as contract from '../../contract/tasks.js';
import * as service from './tasks.service.js';

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
        querystring: contract.TaskListQuery,
        response: responses({ 200: contract.TaskList }),
      },
    },
    async (req) => service.listTasks(deps, req.ctx, req.params.id, req.query),
  );

  app.get(
    '/api/programs/:id/meter',
    {
      schema: {
        tags,
        summary: 'Chỉ số "5 rõ" theo nhiệm vụ, nhóm và chương trình',
        params: IdParams,
        response: responses({ 200: contract.ProgramMeter }),
      },
    },
    async (req) => service.programMeter(deps, req.ctx, req.params.id),
  );

  app.get(
    '/api/programs/:id/suggestions',
    {
      schema: {
        tags,
        summary: 'Đề xuất phân công đọc từ văn bản',
        params: IdParams,
        response: responses({ 200: contract.ProgramSuggestionsSchema }),
      },
    },
    async (req) => service.programSuggestions(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/programs/:id/suggestions/accept',
    {
      schema: {
        tags,
        summary: 'Chấp nhận đề xuất (hàng loạt): điền cơ quan chủ trì, phối hợp, thời hạn còn trống',
        params: IdParams,
        body: contract.AcceptSuggestionsBody,
        response: responses({ 200: contract.Accepted }),
      },
    },
    async (req) => service.acceptSuggestions(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/programs/:id/assignments/bulk',
    {
      schema: {
        tags,
        summary:
          'Giao hàng loạt: đặt thời hạn, cơ quan chủ trì, phối hợp, đầu mối hoặc sản phẩm cho nhiều nhiệm vụ trong một bước (lỗi ở một nhiệm vụ thì không lưu nhiệm vụ nào)',
        params: IdParams,
        body: contract.BulkAssignmentBody,
        response: responses({ 200: contract.BulkAssigned }),
      },
    },
    async (req) => service.bulkAssign(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/programs/:id/implement',
    {
      schema: {
        tags,
        summary: 'Triển khai: chốt phân công (baseline); cần mọi nhiệm vụ có cơ quan chủ trì và thời hạn',
        params: IdParams,
        body: contract.ImplementBody,
        response: responses({ 200: contract.Implemented }),
      },
    },
    async (req) => service.startImplementation(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ: nguồn, phân công, sản phẩm, so với baseline',
        params: IdParams,
        response: responses({ 200: contract.TaskDetail }),
      },
    },
    async (req) => service.getTask(deps, req.ctx, req.params.id),
  );

  app.put(
    '/api/tasks/:id/assignment',
    {
      schema: {
        tags,
        summary: 'Giao nhiệm vụ: một cơ quan chủ trì, cơ quan phối hợp, đầu mối, thời hạn, sản phẩm',
        params: IdParams,
        body: contract.AssignmentBody,
        response: responses({ 200: contract.TaskDetail }),
      },
    },
    async (req) => service.saveAssignment(deps, req.ctx, req.params.id, req.body),
  );
};
