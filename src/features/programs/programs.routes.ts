import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import { Program, ProgramList } from '../../contract/programs.js';
import { getProgram, listPrograms } from './programs.service.js';

export const programRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/api/programs',
    {
      schema: {
        tags: ['programs'],
        summary: 'Các chương trình đã ban hành',
        response: responses({ 200: ProgramList }),
      },
    },
    async (req) => listPrograms(deps, req.ctx),
  );

  app.get(
    '/api/programs/:id',
    {
      schema: {
        tags: ['programs'],
        summary: 'Chương trình: cây nội dung, văn bản dẫn chiếu, trách nhiệm tổ chức thực hiện',
        params: IdParams,
        response: responses({ 200: Program }),
      },
    },
    async (req) => getProgram(deps, req.ctx, req.params.id),
  );
};
