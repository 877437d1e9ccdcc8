import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import {
  Consolidation,
  ConsolidationDocx,
  ConsolidationGenerateInput,
  ConsolidationInput,
  ConsolidationXlsx,
  DOCX_TYPE,
  XLSX_TYPE,
} from '../../contract/consolidation.js';
import {
  exportConsolidationDocx,
  exportConsolidationXlsx,
  generateConsolidation,
  getConsolidation,
  updateConsolidation,
} from './consolidation.service.js';
import { approvalRoutes } from './approval.routes.js';

export const consolidationRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['consolidation'];
  approvalRoutes(app, deps, tags);

  app.get(
    '/api/periods/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Dự thảo báo cáo tổng hợp của kỳ',
        params: IdParams,
        response: responses({ 200: Consolidation }),
      },
    },
    async (req) => getConsolidation(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/periods/:id/consolidation',
    {
      schema: {
        tags,
        summary:
          'Lập (hoặc lập lại phần nội dung, kèm phiên bản đang xem) dự thảo báo cáo tổng hợp từ các báo cáo đã duyệt',
        params: IdParams,
        body: ConsolidationGenerateInput,
        response: responses({ 200: Consolidation }),
      },
    },
    async (req) => generateConsolidation(deps, req.ctx, req.params.id, req.body),
  );

  app.put(
    '/api/periods/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Sửa phần đầu văn bản và nội dung báo cáo tổng hợp',
        params: IdParams,
        body: ConsolidationInput,
        response: responses({ 200: Consolidation }),
      },
    },
    async (req) => updateConsolidation(deps, req.ctx, req.params.id, req.body),
  );

  for (const [ext, type, file, make] of [
    ['docx', DOCX_TYPE, ConsolidationDocx, exportConsolidationDocx],
    ['xlsx', XLSX_TYPE, ConsolidationXlsx, exportConsolidationXlsx],
  ] as const) {
    app.get(
      `/api/periods/:id/consolidation.${ext}`,
      {
        schema: {
          tags,
          summary:
            ext === 'docx'
              ? 'Báo cáo tổng hợp (.docx, thể thức văn bản của Đảng hoặc Nghị định 30/2020) kèm phụ lục'
              : 'Phụ lục tình hình thực hiện các nhiệm vụ (.xlsx)',
          params: IdParams,
          // The file's own media type on success; errors stay JSON.
          response: {
            ...responses({}),
            200: { description: file.description, content: { [type]: { schema: file } } },
          },
        },
      },
      async (req, reply) => {
        const r = await make(deps, req.ctx, req.params.id);
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${r.filename}"`)
          .send(r.buffer);
      },
    );
  }
};
