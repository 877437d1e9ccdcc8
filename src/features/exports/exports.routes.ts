import type { RoutePlugin } from '../../http/types.js';
import { responses } from '../../contract/common.js';
import { ANNEX_TYPES, AnnexFile, AnnexParams } from '../../contract/exports.js';
import { annexDocx, annexXlsx, buildAnnex } from './annex.js';

export const exportRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['exports'];
  for (const [ext, make] of [
    ['xlsx', annexXlsx],
    ['docx', annexDocx],
  ] as const) {
    app.get(
      `/api/programs/:id/annex.${ext}`,
      {
        schema: {
          tags,
          summary: `Phụ lục phân công nhiệm vụ (.${ext}): TT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành, Sản phẩm`,
          params: AnnexParams,
          response: responses({ 200: AnnexFile(ext) }),
        },
      },
      async (req, reply) => {
        const body = await make(await buildAnnex(deps, req.ctx, req.params.id));
        return reply
          .type(ANNEX_TYPES[ext])
          .header('content-disposition', `attachment; filename="phu-luc-phan-cong-nhiem-vu.${ext}"`)
          .send(body);
      },
    );
  }
};
