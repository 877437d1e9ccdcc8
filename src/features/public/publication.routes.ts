/**
 * The officials' side of the portal: a monitor makes a program public or withdraws it, a unit marks
 * its evidence files public or internal, a monitor publishes or withdraws documents; and the portal's
 * downloads of published documents (anonymous, outside /api, hidden from OpenAPI).
 */
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import {
  EvidenceVisibility,
  EvidenceVisibilityInput,
  EvidenceVisibilityParams,
  ProgramPublicity,
  ProgramPublicityInput,
  PublicDocument,
  PublicDocumentList,
  PublicDocumentsQuery,
  PublicDownloadParams,
  PublishDocumentInput,
  PublishedDocument,
} from '../../contract/portal.js';
import { AppError } from '../../errors.js';
import { setProgramPublic } from './publication.service.js';
import { setEvidenceVisibility } from './evidence-visibility.service.js';
import { listDocuments, publicDocumentFile, publishDocument, withdrawDocument } from './documents.service.js';

export const publicationRoutes: RoutePlugin = async (app, { deps }) => {
  const tags = ['portal'];
  app.put(
    '/api/programs/:id/publicity',
    {
      schema: {
        tags,
        summary:
          'Công khai chương trình trên cổng thông tin (hoặc thôi công khai); tiến độ đã chấp nhận được ghi vào sổ công khai',
        params: IdParams,
        body: ProgramPublicityInput,
        response: responses({ 200: ProgramPublicity }),
      },
    },
    async (req) => setProgramPublic(deps, req.ctx, req.params.id, req.body),
  );

  app.put(
    '/api/reports/:id/files/:sha256/visibility',
    {
      schema: {
        tags,
        summary:
          'Đơn vị đặt tệp minh chứng của mình là công khai hoặc nội bộ; tệp công khai hiện trên cổng công khai khi báo cáo dẫn tệp được chấp nhận',
        params: EvidenceVisibilityParams,
        body: EvidenceVisibilityInput,
        response: responses({ 200: EvidenceVisibility }),
      },
    },
    async (req) => setEvidenceVisibility(deps, req.ctx, req.params.id, req.params.sha256, req.body),
  );

  app.get(
    '/api/public-documents',
    {
      schema: {
        tags,
        summary:
          'Các tài liệu đã công bố trên cổng công khai (báo cáo tổng hợp, kiểm điểm năm), kể cả đã thu hồi',
        querystring: PublicDocumentsQuery,
        response: responses({ 200: PublicDocumentList }),
      },
    },
    async (req) => listDocuments(deps, req.ctx, req.query),
  );

  app.post(
    '/api/public-documents',
    {
      schema: {
        tags,
        summary:
          'Công bố trên cổng công khai báo cáo tổng hợp đã ký duyệt hoặc báo cáo kiểm điểm năm của chương trình đã công khai (.docx và .pdf)',
        body: PublishDocumentInput,
        response: responses({ 201: PublishedDocument }),
      },
    },
    async (req, reply) => reply.code(201).send(await publishDocument(deps, req.ctx, req.body)),
  );

  app.post(
    '/api/public-documents/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Thu hồi tài liệu khỏi cổng công khai (sổ công khai vẫn ghi việc công bố và thu hồi)',
        params: IdParams,
        response: responses({ 200: PublicDocument }),
      },
    },
    async (req) => withdrawDocument(deps, req.ctx, req.params.id),
  );

  // The portal's downloads: /cong-khai/tai-lieu/<id>.docx and .pdf, for everyone.
  app.get(
    '/cong-khai/tai-lieu/:file',
    { schema: { hide: true, params: PublicDownloadParams } },
    async (req, reply) => {
      const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(docx|pdf)$/.exec(
        req.params.file.toLowerCase(),
      );
      if (!m) throw new AppError('PUBLIC_NOT_FOUND');
      const f = await publicDocumentFile(deps.db, m[1]!, m[2] as 'docx' | 'pdf');
      const etag = `"${f.sha256}"`;
      reply
        .header('etag', etag)
        .header('cache-control', 'public, no-cache')
        .header('x-content-type-options', 'nosniff');
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply
        .type(f.mime)
        .header('content-disposition', `attachment; filename="${f.filename}"`)
        .send(f.content);
    },
  );
};
