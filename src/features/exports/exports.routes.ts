import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import { Type } from '@sinclair/typebox';
import { annexDocx, annexXlsx, buildAnnex } from './annex.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const exportRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['exports'];
  for (const [ext, type, make] of [
    ['xlsx', XLSX, annexXlsx],
    ['docx', DOCX, annexDocx],
  ] as const) {
    app.get(
      `/api/programs/:id/annex.${ext}`,
      {
        schema: {
          tags,
          summary: `Phụ lục phân công nhiệm vụ (.${ext}): TT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành, Sản phẩm`,
          params: IdParams,
          response: responses({ 200: Type.Unknown() }),
        },
      },
      async (req, reply) => {
        const body = await make(await buildAnnex(deps, req.ctx, req.params.id));
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="phu-luc-phan-cong.${ext}"`)
          .send(body);
      },
    );
  }
};
