import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import * as contract from '../../contract/plans.js';
import * as service from './plans.service.js';

export const planRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['plans'];

  app.get(
    '/api/units/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ của đơn vị (chủ trì hoặc phối hợp), mọi chương trình',
        params: IdParams,
        response: responses({ 200: contract.UnitTaskList }),
      },
    },
    async (req) => service.unitTasks(deps, req.ctx, req.params.id),
  );

  app.get(
    '/api/programs/:id/plans',
    {
      schema: {
        tags,
        summary: 'Kế hoạch thực hiện của các đơn vị',
        params: IdParams,
        response: responses({ 200: contract.PlanList }),
      },
    },
    async (req) => service.listPlans(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/programs/:id/plans',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch thực hiện của đơn vị (đơn vị chỉ lập cho mình)',
        params: IdParams,
        body: contract.CreatePlanBody,
        response: responses({ 201: contract.PlanView }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createUnitPlan(deps, req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/plans/:id',
    {
      schema: {
        tags,
        summary: 'Kế hoạch của đơn vị và các mục',
        params: IdParams,
        response: responses({ 200: contract.PlanView }),
      },
    },
    async (req) => service.getPlan(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/plans/:id/items',
    {
      schema: {
        tags,
        summary: 'Thêm mục kế hoạch, gắn với nhiệm vụ của chương trình',
        params: IdParams,
        body: contract.PlanItemBody,
        response: responses({ 201: contract.PlanView }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.addPlanItem(deps, req.ctx, req.params.id, req.body)),
  );

  app.put(
    '/api/tasks/:id/links',
    {
      schema: {
        tags,
        summary: 'Gắn mục kế hoạch với nhiệm vụ của chương trình cấp trên',
        params: IdParams,
        body: contract.LinksBody,
        response: responses({ 200: contract.PlanView }),
      },
    },
    async (req) => service.setItemLinks(deps, req.ctx, req.params.id, req.body.parentNodeIds),
  );

  app.get(
    '/api/programs/:id/coverage',
    {
      schema: {
        tags,
        summary: 'Ma trận bao phủ: nhiệm vụ × đơn vị, và các thiếu sót',
        params: IdParams,
        response: responses({ 200: contract.Coverage }),
      },
    },
    async (req) => service.programCoverage(deps, req.ctx, req.params.id),
  );
};
