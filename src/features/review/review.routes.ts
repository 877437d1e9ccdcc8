import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import {
  AnnualReview,
  REVIEW_DOCX_TYPE,
  REVIEW_XLSX_TYPE,
  ReviewDocx,
  ReviewQuery,
  ReviewXlsx,
} from '../../contract/review.js';
import { annualReview } from './review.service.js';
import { exportReviewDocx, exportReviewXlsx } from './review.export.js';

export const reviewRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['review'];

  app.get(
    '/api/programs/:id/review',
    {
      schema: {
        tags,
        summary: 'Kiểm điểm, đánh giá hằng năm: số liệu, điểm và xếp hạng của từng cơ quan, đơn vị',
        params: IdParams,
        querystring: ReviewQuery,
        response: responses({ 200: AnnualReview }),
      },
    },
    async (req) => annualReview(deps, req.ctx, req.params.id, req.query),
  );

  for (const [ext, type, file, make] of [
    ['docx', REVIEW_DOCX_TYPE, ReviewDocx, exportReviewDocx],
    ['xlsx', REVIEW_XLSX_TYPE, ReviewXlsx, exportReviewXlsx],
  ] as const) {
    app.get(
      `/api/programs/:id/review.${ext}`,
      {
        schema: {
          tags,
          summary:
            ext === 'docx'
              ? 'Báo cáo kiểm điểm, đánh giá kết quả thực hiện năm (.docx, thể thức văn bản)'
              : 'Bảng kiểm điểm, đánh giá năm (.xlsx): số liệu từng đơn vị, điểm, xếp hạng và trọng số',
          params: IdParams,
          querystring: ReviewQuery,
          response: {
            ...responses({}),
            200: { description: file.description, content: { [type]: { schema: file } } },
          },
        },
      },
      async (req, reply) => {
        const r = await make(deps, req.ctx, req.params.id, req.query);
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${r.filename}"`)
          .send(r.buffer);
      },
    );
  }
};
