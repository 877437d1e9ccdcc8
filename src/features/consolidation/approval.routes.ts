/** Routes of the approval of the consolidated report: send, return, approve, revise, the versions. */
import type { Static, TSchema } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import type { Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import { IdParams, responses } from '../../contract/common.js';
import {
  Consolidation,
  ConsolidationApproveInput,
  ConsolidationReturnInput,
  ConsolidationStepInput,
  ConsolidationVersionList,
} from '../../contract/consolidation.js';
import {
  approveConsolidation,
  listConsolidationVersions,
  returnConsolidation,
  reviseConsolidation,
  sendConsolidationForApproval,
} from './approval.service.js';

type App = Parameters<RoutePlugin>[0];

export function approvalRoutes(app: App, deps: Deps, tags: string[]): void {
  const step = <B extends TSchema>(
    name: string,
    summary: string,
    body: B,
    run: (deps: Deps, ctx: Ctx, periodId: string, input: Static<B>) => Promise<Consolidation>,
  ) =>
    app.post(
      `/api/periods/:id/consolidation/${name}`,
      {
        schema: { tags, summary, params: IdParams, body, response: responses({ 200: Consolidation }) },
      },
      async (req) => run(deps, req.ctx, req.params.id, req.body as Static<B>),
    );

  step(
    'send',
    'Trình lãnh đạo duyệt báo cáo tổng hợp (kèm phiên bản đang xem)',
    ConsolidationStepInput,
    sendConsolidationForApproval,
  );
  step(
    'return',
    'Lãnh đạo trả lại báo cáo tổng hợp đã trình, kèm ý kiến',
    ConsolidationReturnInput,
    returnConsolidation,
  );
  step(
    'approve',
    'Lãnh đạo ký duyệt phiên bản đã trình của báo cáo tổng hợp, cho số và ngày văn bản',
    ConsolidationApproveInput,
    approveConsolidation,
  );
  step(
    'revision',
    'Tạo bản sửa đổi (dự thảo mới) từ báo cáo tổng hợp đã ký duyệt',
    ConsolidationStepInput,
    reviseConsolidation,
  );

  app.get(
    '/api/periods/:id/consolidation/versions',
    {
      schema: {
        tags,
        summary: 'Các lần trình, trả lại và ký duyệt báo cáo tổng hợp, kèm nội dung từng lần',
        params: IdParams,
        response: responses({ 200: ConsolidationVersionList }),
      },
    },
    async (req) => listConsolidationVersions(deps, req.ctx, req.params.id),
  );
}
