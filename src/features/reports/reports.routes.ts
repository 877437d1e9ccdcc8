import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import {
  CompareQuery,
  Comparison,
  DraftBody,
  DraftSaved,
  EvidenceRefSchema,
  FileParams,
  FileQuery,
  ReportView,
  ReviewBody,
  ReviewResult,
  SubmitBody,
  SubmitResult,
  UnitReportList,
  UploadBody,
  UploadQuery,
  VersionParams,
  VersionView,
  evidenceFileResponse,
} from '../../contract/reports.js';
import { getEvidenceFile, uploadEvidence } from './evidence.service.js';
import {
  compareVersions,
  getObligation,
  getVersion,
  reviewReport,
  saveDraft,
  submitReport,
  unitObligations,
} from './reports.service.js';
import { reportingRules } from '../reporting-rules.js';

export const reportRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['reports'];

  app.get(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: 'Báo cáo của đơn vị trong kỳ: nhiệm vụ, bản nháp, các phiên bản, ý kiến phối hợp',
        params: IdParams,
        response: responses({ 200: ReportView }),
      },
    },
    async (req) => getObligation(deps, req.ctx, req.params.id),
  );

  app.put(
    '/api/reports/:id/draft',
    {
      schema: {
        tags,
        summary: 'Lưu nháp báo cáo (đơn vị)',
        params: IdParams,
        body: DraftBody,
        response: responses({ 200: DraftSaved }),
      },
    },
    async (req) => saveDraft(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Nộp báo cáo: tạo phiên bản mới, chỉ đọc; cùng khóa idempotencyKey chỉ tạo một phiên bản',
        params: IdParams,
        body: SubmitBody,
        response: responses({ 200: SubmitResult }),
      },
    },
    async (req) => submitReport(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/reports/:id/review',
    {
      schema: {
        tags,
        summary: 'Duyệt hoặc trả lại báo cáo, kèm ý kiến chung và ý kiến từng nhiệm vụ',
        params: IdParams,
        body: ReviewBody,
        response: responses({ 200: ReviewResult }),
      },
    },
    async (req) => reviewReport(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/reports/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'Một phiên bản đã nộp',
        params: VersionParams,
        response: responses({ 200: VersionView }),
      },
    },
    async (req) => getVersion(deps, req.ctx, req.params.id, req.params.number),
  );

  app.get(
    '/api/reports/:id/compare',
    {
      schema: {
        tags,
        summary: 'So sánh hai phiên bản: các nhiệm vụ và trường thay đổi',
        params: IdParams,
        querystring: CompareQuery,
        response: responses({ 200: Comparison }),
      },
    },
    async (req) => compareVersions(deps, req.ctx, req.params.id, req.query.a, req.query.b),
  );

  const evidence = reportingRules().evidence;

  app.post(
    '/api/reports/:id/files',
    {
      bodyLimit: evidence.maxBytes * 2,
      schema: {
        tags,
        summary:
          'Tải lên tệp minh chứng (PDF, Word, Excel, ảnh PNG/JPEG): nội dung tệp là thân yêu cầu, ?filename=',
        params: IdParams,
        querystring: UploadQuery,
        body: UploadBody,
        response: responses({ 201: EvidenceRefSchema }),
      },
    },
    async (req, reply) => {
      const body = req.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return reply
        .code(201)
        .send(await uploadEvidence(deps, req.ctx, req.params.id, { filename: req.query.filename, bytes }));
    },
  );

  app.get(
    '/api/files/:sha256',
    {
      schema: {
        tags,
        summary: 'Tải tệp minh chứng',
        params: FileParams,
        querystring: FileQuery,
        response: responses({ 200: evidenceFileResponse(Object.values(evidence.types)) }),
      },
    },
    async (req, reply) => {
      const f = await getEvidenceFile(deps, req.ctx, req.params.sha256, req.query.name);
      // The name ends with the detected type's extension; the browser must not guess another type.
      const ascii = f.filename
        .normalize('NFD')
        .replace(/[^\x20-\x7e]/g, '')
        .replace(/[";\\]/g, '_');
      return reply
        .type(f.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${ascii || 'tep'}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
        )
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(f.content);
    },
  );

  app.get(
    '/api/units/:id/reports',
    {
      schema: {
        tags,
        summary: 'Các báo cáo của đơn vị qua các kỳ',
        params: IdParams,
        response: responses({ 200: UnitReportList }),
      },
    },
    async (req) => unitObligations(deps, req.ctx, req.params.id),
  );
};
