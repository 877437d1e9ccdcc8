import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, IsoDate, Nullable, Text, responses } from '../../contract/common.js';
import {
  exportConsolidationDocx,
  exportConsolidationXlsx,
  generateConsolidation,
  getConsolidation,
  updateConsolidation,
} from './consolidation.service.js';

const Any = Type.Unknown();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const Block = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('heading'),
      Type.Literal('subheading'),
      Type.Literal('paragraph'),
      Type.Literal('bullet'),
    ]),
    text: Text(20000),
  },
  { additionalProperties: false },
);
const Section = Type.Object(
  { heading: Text(300), blocks: Type.Array(Block, { maxItems: 2000 }) },
  { additionalProperties: false },
);
const Heading = Type.Object(
  {
    layout: Type.Optional(Type.Union([Type.Literal('party'), Type.Literal('state')])),
    parentBody: Type.Optional(Nullable(Text(200))),
    issuer: Type.Optional(Text(200, 1)),
    number: Type.Optional(Nullable(Text(20))),
    notation: Type.Optional(Text(50, 1)),
    place: Type.Optional(Text(100, 1)),
    date: Type.Optional(Nullable(IsoDate)),
    title: Type.Optional(Text(1000, 1)),
    signer: Type.Optional(
      Type.Object(
        { authority: Nullable(Text(200)), position: Text(200), name: Text(200) },
        { additionalProperties: false },
      ),
    ),
    recipients: Type.Optional(Type.Array(Text(300, 1), { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const consolidationRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['consolidation'];

  app.get(
    '/api/periods/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Dự thảo báo cáo tổng hợp của kỳ',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => getConsolidation(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/periods/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Lập (hoặc lập lại phần nội dung) dự thảo báo cáo tổng hợp từ các báo cáo đã duyệt',
        params: IdParams,
        response: responses({ 200: Any }),
      },
    },
    async (req) => generateConsolidation(deps, req.ctx, req.params.id),
  );

  app.put(
    '/api/periods/:id/consolidation',
    {
      schema: {
        tags,
        summary: 'Sửa phần đầu văn bản và nội dung báo cáo tổng hợp',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            heading: Type.Optional(Heading),
            sections: Type.Optional(Type.Array(Section, { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Any }),
      },
    },
    async (req) => updateConsolidation(deps, req.ctx, req.params.id, req.body),
  );

  for (const [ext, type, make] of [
    ['docx', DOCX, exportConsolidationDocx],
    ['xlsx', XLSX, exportConsolidationXlsx],
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
          response: responses({ 200: Any }),
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
