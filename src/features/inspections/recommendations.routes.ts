import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import {
  RecommendationDetail,
  RecommendationFilters,
  RecommendationList,
  RecommendationStep,
  RemediationDecisionInput,
  RemediationInput,
} from '../../contract/recommendations.js';
import {
  decideRemediation,
  getRecommendation,
  listRecommendations,
  submitRemediation,
} from './recommendations.service.js';

export const recommendationRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['recommendations'];

  app.get(
    '/api/recommendations',
    {
      schema: {
        tags,
        summary: 'Kiến nghị cần khắc phục (theo đơn vị, nhiệm vụ, chương trình, cơ quan kiểm tra)',
        querystring: RecommendationFilters,
        response: responses({ 200: RecommendationList }),
      },
    },
    async (req) => listRecommendations(deps, req.ctx, req.query),
  );

  app.get(
    '/api/recommendations/:id',
    {
      schema: {
        tags,
        summary: 'Một kiến nghị và các báo cáo khắc phục',
        params: IdParams,
        response: responses({ 200: RecommendationDetail }),
      },
    },
    async (req) => getRecommendation(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/recommendations/:id/remediation',
    {
      schema: {
        tags,
        summary: 'Đơn vị chịu trách nhiệm báo cáo kết quả khắc phục kiến nghị',
        params: IdParams,
        body: RemediationInput,
        response: responses({ 200: RecommendationStep }),
      },
    },
    async (req) => submitRemediation(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/recommendations/:id/decision',
    {
      schema: {
        tags,
        summary: 'Cơ quan kiểm tra, giám sát chấp nhận hoặc trả lại báo cáo khắc phục',
        params: IdParams,
        body: RemediationDecisionInput,
        response: responses({ 200: RecommendationStep }),
      },
    },
    async (req) => decideRemediation(deps, req.ctx, req.params.id, req.body),
  );
};
