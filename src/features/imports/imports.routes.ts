import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import * as contract from '../../contract/imports.js';
import { MAX_IMPORT_BYTES } from '../../domain/importer/normalize.js';
import * as service from './imports.service.js';

export const importRoutes: RoutePlugin = async (app, { deps }) => {
  app.addSchema(contract.ImportDraft);
  const tags = ['imports'];

  app.post(
    '/api/imports',
    {
      bodyLimit: MAX_IMPORT_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Nhập văn bản: dán (JSON {text}) hoặc tải lên (.txt, .md, .docx, .pdf — bản quét đọc bằng OCR; nội dung tệp là thân yêu cầu, application/octet-stream, text/markdown hoặc .docx, ?filename=)',
        querystring: contract.UploadQuery,
        body: {
          content: {
            'application/json': { schema: contract.PasteBody },
            'text/markdown': { schema: Type.String() },
            'application/octet-stream': { schema: {} },
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: {} },
          },
        } as never,
        response: responses({ 201: contract.ImportDraftRef, 202: contract.ImportDraftRef }),
      },
    },
    async (req, reply) => {
      const body = req.body as unknown;
      const filename = req.query.filename ?? null;
      const input = Buffer.isBuffer(body)
        ? { bytes: new Uint8Array(body), filename }
        : typeof body === 'string'
          ? { text: body, filename }
          : {
              text: (body as contract.PasteBody).text,
              filename: (body as contract.PasteBody).filename ?? filename,
            };
      const target = { parentProgramId: req.query.parentProgramId, ownerUnitId: req.query.ownerUnitId };
      const background = req.query.background === true;
      const draft = await service.createImportDraft(deps, req.ctx, { ...input, ...target }, { background });
      return reply.code(background ? 202 : 201).send(draft);
    },
  );

  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Các bản nhập gần đây',
        querystring: contract.DraftListQuery,
        response: responses({ 200: contract.DraftList }),
      },
    },
    async (req) => service.listImportDrafts(deps, req.ctx, req.query),
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: 'Bản nhập: nguồn và cấu trúc',
        params: IdParams,
        response: responses({ 200: contract.ImportDraftRef }),
      },
    },
    async (req) => service.getImportDraft(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/imports/:id/edits',
    {
      schema: {
        tags,
        summary: 'Sửa cấu trúc: đổi loại, gộp, tách, thụt vào, lùi ra, ghép cơ quan với đơn vị',
        params: IdParams,
        body: contract.EditBody,
        response: responses({ 200: contract.ImportDraftRef }),
      },
    },
    async (req) => service.editImportDraft(deps, req.ctx, req.params.id, req.body),
  );

  app.put(
    '/api/imports/:id/heading',
    {
      schema: {
        tags,
        summary: 'Sửa phần đầu văn bản: loại, trích yếu, số, ngày, cơ quan ban hành, người ký',
        params: IdParams,
        body: contract.HeadingBody,
        response: responses({ 200: contract.ImportDraftRef }),
      },
    },
    async (req) => service.editImportHeading(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/imports/:id/proposed-units',
    {
      schema: {
        tags,
        summary:
          'Tạo các đơn vị đề xuất (cơ quan chưa có trong danh mục) trong một bước và ghép các cơ quan của bản nhập vào chúng',
        params: IdParams,
        body: contract.ProposedUnitsBody,
        response: responses({ 200: contract.ProposedUnitsResult }),
      },
    },
    async (req) => service.createProposedUnits(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/imports/:id/publish',
    {
      schema: {
        tags,
        summary: 'Ban hành: lưu thành chương trình',
        params: IdParams,
        body: contract.VersionBody,
        response: responses({ 200: contract.PublishResult }),
      },
    },
    async (req) => service.publishImportDraft(deps, req.ctx, req.params.id, req.body.version),
  );

  app.post(
    '/api/imports/:id/discard',
    {
      schema: {
        tags,
        summary: 'Hủy bản nhập',
        params: IdParams,
        body: contract.VersionBody,
        response: responses({ 200: contract.ImportDraftRef }),
      },
    },
    async (req) => service.discardImportDraft(deps, req.ctx, req.params.id, req.body.version),
  );
};
