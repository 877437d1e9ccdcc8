/** The officials' side of the portal: a monitor makes a program public or withdraws it. */
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import { ProgramPublicity, ProgramPublicityInput } from '../../contract/portal.js';
import { setProgramPublic } from './publication.service.js';

export const publicationRoutes: RoutePlugin = async (app, { deps }) => {
  app.put(
    '/api/programs/:id/publicity',
    {
      schema: {
        tags: ['portal'],
        summary:
          'Công khai chương trình trên cổng thông tin (hoặc thôi công khai); tiến độ đã chấp nhận được ghi vào sổ công khai',
        params: IdParams,
        body: ProgramPublicityInput,
        response: responses({ 200: ProgramPublicity }),
      },
    },
    async (req) => setProgramPublic(deps, req.ctx, req.params.id, req.body),
  );
};
