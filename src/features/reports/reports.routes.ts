import type { RoutePlugin } from '../../http/types.js';
import { asciiFileName } from '../../domain/filenames.js';
import { IdParams, responses } from '../../contract/common.js';
import * as contract from '../../contract/reports.js';
import * as service from './reports.service.js';
import * as files from './evidence.service.js';
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
        response: responses({ 200: contract.ReportView }),
      },
    },
    async (req) => service.getObligation(deps, req.ctx, req.params.id),
  );

  app.put(
    '/api/reports/:id/draft',
    {
      schema: {
        tags,
        summary: 'Lưu nháp báo cáo (đơn vị)',
        params: IdParams,
        body: contract.DraftBody,
        response: responses({ 200: contract.DraftSaved }),
      },
    },
    async (req) => service.saveDraft(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Nộp báo cáo: tạo phiên bản mới, chỉ đọc; cùng khóa idempotencyKey chỉ tạo một phiên bản',
        params: IdParams,
        body: contract.SubmitBody,
        response: responses({ 200: contract.SubmitResult }),
      },
    },
    async (req) => service.submitReport(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/reports/:id/review',
    {
      schema: {
        tags,
        summary: 'Duyệt hoặc trả lại báo cáo, kèm ý kiến chung và ý kiến từng nhiệm vụ',
        params: IdParams,
        body: contract.ReviewBody,
        response: responses({ 200: contract.ReviewResult }),
      },
    },
    async (req) => service.reviewReport(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/reports/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'Một phiên bản đã nộp',
        params: contract.VersionParams,
        response: responses({ 200: contract.VersionView }),
      },
    },
    async (req) => service.getVersion(deps, req.ctx, req.params.id, req.params.number),
  );

  app.get(
    '/api/reports/:id/compare',
    {
      schema: {
        tags,
        summary: 'So sánh hai phiên bản: các nhiệm vụ và trường thay đổi',
        params: IdParams,
        querystring: contract.CompareQuery,
        response: responses({ 200: contract.Comparison }),
      },
    },
    async (req) => service.compareVersions(deps, req.ctx, req.params.id, req.query.a, req.query.b),
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
        querystring: contract.UploadQuery,
        body: contract.UploadBody,
        response: responses({ 201: contract.EvidenceRefSchema }),
      },
    },
    async (req, reply) => {
      const body = req.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return reply
        .code(201)
        .send(
          await files.uploadEvidence(deps, req.ctx, req.params.id, { filename: req.query.filename, bytes }),
        );
    },
  );

  app.get(
    '/api/files/:sha256',
    {
      schema: {
        tags,
        summary: 'Tải tệp minh chứng',
        params: contract.FileParams,
        querystring: contract.FileQuery,
        response: responses({ 200: contract.evidenceFileResponse(Object.values(evidence.types)) }),
      },
    },
    async (req, reply) => {
      const f = await files.getEvidenceFile(deps, req.ctx, req.params.sha256, req.query.name);
      // The name ends with the detected type's extension; the browser must not guess another type.
      const ascii = asciiFileName(f.filename);
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
        response: responses({ 200: contract.UnitReportList }),
      },
    },
    async (req) => service.unitObligations(deps, req.ctx, req.params.id),
  );
};
