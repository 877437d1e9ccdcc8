/** Routes of inspection plans, their visits and files, and their conclusions (issue 13, points 1–3). */
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import { DOCX_TYPE } from '../../contract/consolidation.js';
import { UploadBody } from '../../contract/reports.js';
import {
  AttachedFile,
  ConclusionCreate,
  ConclusionDocx,
  ConclusionIssueInput,
  ConclusionUpdate,
  InspectionConclusion,
  InspectionFileParams,
  InspectionFilters,
  InspectionPlan,
  InspectionPlanCreate,
  InspectionPlanList,
  InspectionPlanUpdate,
  InspectionStepInput,
  InspectionUploadQuery,
  InspectionVisit,
  InspectionVisitCreate,
  InspectionVisitUpdate,
  SubjectDocuments,
} from '../../contract/inspections.js';
import { asciiFileName } from '../../domain/filenames.js';
import { reportingRules } from '../reporting-rules.js';
import * as service from './inspections.service.js';
import { conclusionFileName, renderConclusionDocx } from './conclusion-docx.js';

export const inspectionRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['inspections'];
  const evidence = reportingRules().evidence;

  app.get(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: 'Danh sách kế hoạch kiểm tra, giám sát mà người dùng được xem',
        querystring: InspectionFilters,
        response: responses({ 200: InspectionPlanList }),
      },
    },
    async (req) => service.listInspections(deps, req.ctx, req.query),
  );

  app.post(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch kiểm tra, giám sát (dự thảo) của cơ quan mình',
        body: InspectionPlanCreate,
        response: responses({ 201: InspectionPlan }),
      },
    },
    async (req, reply) => reply.code(201).send(await service.createInspection(deps, req.ctx, req.body)),
  );

  app.get(
    '/api/inspections/:id',
    {
      schema: {
        tags,
        summary:
          'Kế hoạch kiểm tra, giám sát: đối tượng, đợt làm việc, kết luận (đơn vị chỉ thấy phần của mình)',
        params: IdParams,
        response: responses({ 200: InspectionPlan }),
      },
    },
    async (req) => service.getInspection(deps, req.ctx, req.params.id),
  );

  app.put(
    '/api/inspections/:id',
    {
      schema: {
        tags,
        summary: 'Sửa dự thảo kế hoạch kiểm tra, giám sát',
        params: IdParams,
        body: InspectionPlanUpdate,
        response: responses({ 200: InspectionPlan }),
      },
    },
    async (req) => service.updateInspection(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/inspections/:id/activate',
    {
      schema: {
        tags,
        summary: 'Quyết định, ban hành kế hoạch kiểm tra, giám sát',
        params: IdParams,
        body: InspectionStepInput,
        response: responses({ 200: InspectionPlan }),
      },
    },
    async (req) => service.activateInspection(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/inspections/:id/close',
    {
      schema: {
        tags,
        summary: 'Kết thúc kế hoạch kiểm tra, giám sát',
        params: IdParams,
        body: InspectionStepInput,
        response: responses({ 200: InspectionPlan }),
      },
    },
    async (req) => service.closeInspection(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/inspection-subjects/:id/documents',
    {
      schema: {
        tags,
        summary:
          'Báo cáo, tệp minh chứng, nhiệm vụ, kế hoạch của đơn vị được kiểm tra có thể ghi là đã xem xét',
        params: IdParams,
        response: responses({ 200: SubjectDocuments }),
      },
    },
    async (req) => service.subjectDocuments(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/inspections/:id/visits',
    {
      schema: {
        tags,
        summary: 'Ghi một đợt làm việc với đơn vị được kiểm tra, giám sát và biên bản',
        params: IdParams,
        body: InspectionVisitCreate,
        response: responses({ 201: InspectionVisit }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createVisit(deps, req.ctx, req.params.id, req.body)),
  );

  app.put(
    '/api/inspection-visits/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đợt làm việc và biên bản',
        params: IdParams,
        body: InspectionVisitUpdate,
        response: responses({ 200: InspectionVisit }),
      },
    },
    async (req) => service.updateVisit(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/inspections/:id/files',
    {
      bodyLimit: evidence.maxBytes * 2,
      schema: {
        tags,
        summary: 'Tải lên tệp kèm biên bản (PDF, Word, Excel, ảnh): nội dung tệp là thân yêu cầu, ?filename=',
        params: IdParams,
        querystring: InspectionUploadQuery,
        body: UploadBody,
        response: responses({ 201: AttachedFile }),
      },
    },
    async (req, reply) => {
      const body = req.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return reply.code(201).send(
        await service.uploadInspectionFile(deps, req.ctx, req.params.id, {
          filename: req.query.filename,
          bytes,
        }),
      );
    },
  );

  app.get(
    '/api/inspection-visits/:id/files/:sha256',
    {
      schema: {
        tags,
        summary: 'Tải tệp kèm biên bản của đợt làm việc',
        params: InspectionFileParams,
        response: {
          ...responses({}),
          200: Type.Unsafe<Uint8Array>({
            description: 'Nội dung tệp, đúng các byte đã tải lên',
            content: Object.fromEntries(
              [...new Set(Object.values(evidence.types))].map((m) => [
                m,
                { schema: { type: 'string', format: 'binary' } },
              ]),
            ),
          }),
        },
      },
    },
    async (req, reply) => {
      const f = await service.getVisitFile(deps, req.ctx, req.params.id, req.params.sha256);
      return reply
        .type(f.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${asciiFileName(f.filename) || 'tep'}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
        )
        .send(f.content);
    },
  );

  app.post(
    '/api/inspections/:id/conclusions',
    {
      schema: {
        tags,
        summary: 'Lập dự thảo kết luận: nội dung kết luận và kiến nghị',
        params: IdParams,
        body: ConclusionCreate,
        response: responses({ 201: InspectionConclusion }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createConclusion(deps, req.ctx, req.params.id, req.body)),
  );

  app.put(
    '/api/inspection-conclusions/:id',
    {
      schema: {
        tags,
        summary: 'Sửa dự thảo kết luận',
        params: IdParams,
        body: ConclusionUpdate,
        response: responses({ 200: InspectionConclusion }),
      },
    },
    async (req) => service.updateConclusion(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/inspection-conclusions/:id/issue',
    {
      schema: {
        tags,
        summary: 'Ban hành kết luận: số, ngày, người ký',
        params: IdParams,
        body: ConclusionIssueInput,
        response: responses({ 200: InspectionConclusion }),
      },
    },
    async (req) => service.issueConclusion(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/inspection-conclusions/:id/revision',
    {
      schema: {
        tags,
        summary: 'Sửa đổi kết luận đã ban hành: tạo dự thảo mới thay thế',
        params: IdParams,
        body: InspectionStepInput,
        response: responses({ 201: InspectionConclusion }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.reviseConclusion(deps, req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/inspection-conclusions/:id/docx',
    {
      schema: {
        tags,
        summary: 'Kết luận (.docx): Thông báo kết luận kiểm tra hoặc Báo cáo kết quả giám sát',
        params: IdParams,
        response: {
          ...responses({}),
          200: {
            description: ConclusionDocx.description,
            content: { [DOCX_TYPE]: { schema: ConclusionDocx } },
          },
        },
      },
    },
    async (req, reply) => {
      const src = await service.conclusionForExport(deps, req.ctx, req.params.id);
      const buf = await renderConclusionDocx(src);
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', `attachment; filename="${conclusionFileName(src.conclusion)}"`)
        .send(buf);
    },
  );
};
