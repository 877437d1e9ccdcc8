/**
 * The public portal (issue 14): server-rendered pages under /cong-khai (hidden from OpenAPI) and the
 * JSON API with CSV twins under /api/public. Anonymous, read-only, cached with ETag/Last-Modified
 * (portal.cache.ts).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import {
  PublicCsvFile,
  PublicProgramDetail,
  PublicProgramList,
  PublicSearchQuery,
  PublicSearchResult,
  PublicTaskDetail,
  PublicUnitDetail,
  PublicUnitList,
} from '../../contract/public.js';
import { AppError } from '../../errors.js';
import { toCsv } from '../../domain/csv.js';
import { asciiFileName, downloadName } from '../../domain/filenames.js';
import { now } from '../deps.js';
import { CACHE_CONTROL, PortalCache, notModified, type Rendered } from './portal.cache.js';
import * as service from './portal.service.js';
import { programsPage } from './pages/programs.js';
import { programPage } from './pages/program.js';
import { taskPage } from './pages/task.js';
import { unitPage } from './pages/unit.js';
import { searchPage } from './pages/search.js';
import { dataPage, PROGRAM_FIELDS, PROGRESS_FIELDS, TASK_FIELDS, UNIT_FIELDS } from './pages/data.js';
import { atomFeed } from './pages/feed.js';
import { notFoundPage } from './pages/common.js';

const HTML = 'text/html; charset=utf-8';
const tags = ['public'];
/** The HTML pages take any string as an id: a malformed one is a 404 page, like an unknown one. */
const PageId = Type.Object({ id: Type.String({ maxLength: 100 }) });
const hidden = { hide: true } as const;

/**
 * The templates' indentation removed (a third of a page's bytes): whitespace collapses in HTML, except
 * in <pre> and <textarea>, which these pages do not use (left as they are when present).
 */
export function compact(page: string): string {
  return /<pre|<textarea/i.test(page) ? page : page.replace(/\n\s+/g, '\n');
}

/** Renders a page; a record that is not public becomes the 404 page. */
async function htmlPage(make: () => Promise<string>): Promise<Rendered> {
  try {
    return { type: HTML, body: compact(await make()) };
  } catch (e) {
    if (e instanceof AppError && e.code === 'PUBLIC_NOT_FOUND')
      return { status: 404, type: HTML, body: notFoundPage(e.message) };
    throw e;
  }
}

function csvDownload(body: string, name: string): Rendered {
  return {
    type: 'text/csv; charset=utf-8',
    body,
    headers: { 'content-disposition': `attachment; filename="${name}"` },
  };
}

export const portalRoutes: RoutePlugin = async (app, { deps }) => {
  const cache = new PortalCache(deps);
  app.addHook('onClose', async () => cache.close());
  const today = () => now(deps).toISOString().slice(0, 10);
  const db = deps.db;
  const json = (reply: FastifyReply, data: unknown): Rendered => ({
    type: 'application/json; charset=utf-8',
    body: reply.serialize(data) as string,
  });

  // ---- pages ----
  app.get('/cong-khai', { config: { public: true }, schema: hidden }, (req, reply) =>
    cache.serve(req, reply, () =>
      htmlPage(async () => programsPage(await service.listPublicPrograms(db, today()))),
    ),
  );
  app.get(
    '/cong-khai/chuong-trinh/:id',
    { config: { public: true }, schema: { ...hidden, params: PageId } },
    (req, reply) =>
      cache.serve(req, reply, () =>
        htmlPage(async () => programPage(await service.getPublicProgram(db, req.params.id, today()))),
      ),
  );
  app.get(
    '/cong-khai/chuong-trinh/:id/thay-doi.atom',
    { config: { public: true }, schema: { ...hidden, params: PageId } },
    (req, reply) =>
      cache.serve(
        req,
        reply,
        async () => {
          const f = await service.programFeed(db, req.params.id);
          return {
            type: 'application/atom+xml; charset=utf-8',
            body: atomFeed(f, `${req.protocol}://${req.host}`, cache.lastModified),
          };
        },
        // The links are absolute: one entry per host asked for.
        `${req.host} ${req.url}`,
      ),
  );
  app.get(
    '/cong-khai/nhiem-vu/:id',
    { config: { public: true }, schema: { ...hidden, params: PageId } },
    (req, reply) =>
      cache.serve(req, reply, () =>
        htmlPage(async () => taskPage(await service.getPublicTask(db, req.params.id, today()))),
      ),
  );
  app.get(
    '/cong-khai/don-vi/:id',
    { config: { public: true }, schema: { ...hidden, params: PageId } },
    (req, reply) =>
      cache.serve(req, reply, () =>
        htmlPage(async () => unitPage(await service.getPublicUnit(db, req.params.id, today()))),
      ),
  );
  app.get(
    '/cong-khai/tim-kiem',
    { config: { public: true }, schema: { ...hidden, querystring: PublicSearchQuery } },
    (req, reply) =>
      cache.serve(req, reply, () =>
        htmlPage(async () => searchPage(await service.searchPublic(db, req.query.q))),
      ),
  );
  app.get('/cong-khai/du-lieu', { config: { public: true }, schema: hidden }, (req, reply) =>
    cache.serve(req, reply, () => htmlPage(async () => dataPage(await service.publicProgramRefs(db)))),
  );
  // A public evidence file: named by a public leaf, public in its latest state. Content-addressed, so
  // its ETag is its hash; not kept in the page cache.
  app.get(
    '/cong-khai/tep/:sha256/:name',
    {
      config: { public: true },
      schema: {
        ...hidden,
        params: Type.Object({
          sha256: Type.String({ maxLength: 64 }),
          name: Type.String({ maxLength: 300 }),
        }),
      },
    },
    async (req, reply) => {
      // Errors as JSON, like every download (src/http/app.ts).
      const f = await service.getPublicFile(db, req.params.sha256);
      const etag = `"${f.file.sha256}"`;
      reply
        .header('etag', etag)
        .header('last-modified', f.at.toUTCString())
        .header('cache-control', CACHE_CONTROL)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${asciiFileName(f.file.filename) || 'tep'}"; filename*=UTF-8''${encodeURIComponent(f.file.filename)}`,
        );
      if (notModified(req, etag, f.at)) return reply.code(304).send();
      return reply.type(f.file.mime).send(f.content);
    },
  );

  // ---- JSON and CSV ----
  app.get(
    '/api/public/programs',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Các chương trình đã công khai (dữ liệu mở)',
        security: [],
        response: responses({ 200: PublicProgramList }),
      },
    },
    (req, reply) =>
      cache.serve(req, reply, async () => json(reply, await service.listPublicPrograms(db, today()))),
  );
  app.get(
    '/api/public/programs.csv',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Các chương trình đã công khai, CSV UTF-8 có BOM',
        security: [],
        response: responses({ 200: PublicCsvFile }),
      },
    },
    (req, reply) =>
      cache.serve(req, reply, async () => {
        const list = await service.listPublicPrograms(db, today());
        const body = toCsv(
          [...PROGRAM_FIELDS.map((f) => f[1]), 'Nguồn', 'Đường dẫn'],
          list.items.map((p) => [
            p.id,
            p.number,
            p.docDate,
            p.issuer,
            p.title,
            String(p.taskCount),
            String(p.doneCount),
            String(p.percentDone),
            String(p.onTime),
            String(p.late),
            p.lastAcceptedAt,
            p.source,
            `/cong-khai/chuong-trinh/${p.id}`,
          ]),
        );
        return csvDownload(body, downloadName(['chuong trinh cong khai'], 'csv'));
      }),
  );
  app.get(
    '/api/public/programs/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Một chương trình đã công khai: nhóm nhiệm vụ, nhiệm vụ, tiến độ đã được chấp nhận, báo cáo đã công bố',
        security: [],
        params: IdParams,
        response: responses({ 200: PublicProgramDetail }),
      },
    },
    (req, reply) =>
      cache.serve(req, reply, async () =>
        json(reply, await service.getPublicProgram(db, req.params.id, today())),
      ),
  );
  app.get(
    '/api/public/programs/:id/tasks.csv',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Nhiệm vụ và tiến độ của một chương trình đã công khai, CSV UTF-8 có BOM',
        security: [],
        params: IdParams,
        response: responses({ 200: PublicCsvFile }),
      },
    },
    (req, reply) =>
      cache.serve(req, reply, async () => {
        const p = await service.getPublicProgram(db, req.params.id, today());
        const body = toCsv(
          TASK_FIELDS.map((f) => f[1]),
          p.groups.flatMap((g) =>
            g.tasks.map((t) => [
              t.id,
              [g.label, g.title].filter(Boolean).join('. '),
              t.label,
              t.title,
              t.leadUnit?.name,
              t.cooperatingUnits.map((u) => u.name).join('; '),
              t.deadline,
              t.dueDate,
              t.expectedProducts.join('; '),
              t.statusLabel,
              t.percent === null ? '' : String(t.percent),
              t.timeliness ? t.timelinessLabel : '',
              t.lastAcceptedAt,
              t.leafIdx === null ? '' : String(t.leafIdx),
            ]),
          ),
        );
        return csvDownload(body, downloadName(['nhiem vu', p.number ?? p.title], 'csv'));
      }),
  );
  app.get(
    '/api/public/programs/:id/progress.csv',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Mọi tiến độ đã được chấp nhận của một chương trình đã công khai (mỗi dòng một mục sổ công khai), CSV UTF-8 có BOM',
        security: [],
        params: IdParams,
        response: responses({ 200: PublicCsvFile }),
      },
    },
    (req, reply) =>
      cache.serve(req, reply, async () => {
        const { program, rows } = await service.programProgress(db, req.params.id);
        const body = toCsv(
          PROGRESS_FIELDS.map((f) => f[1]),
          rows.map((r) => [
            String(r.leafIdx),
            r.taskId,
            r.taskLabel,
            r.taskTitle,
            r.unit,
            r.period,
            r.status,
            r.statusLabel,
            r.percent === null ? '' : String(r.percent),
            r.completedOn,
            r.dueDate,
            r.timeliness,
            r.results,
            r.products,
            r.submittedAt,
            r.acceptedAt,
            r.acceptedBy,
          ]),
        );
        return csvDownload(body, downloadName(['tien do', program.number ?? program.title], 'csv'));
      }),
  );
  app.get(
    '/api/public/tasks/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Một nhiệm vụ của chương trình đã công khai và toàn bộ tiến độ đã được chấp nhận',
        security: [],
        params: IdParams,
        response: responses({ 200: PublicTaskDetail }),
      },
    },
    (req, reply) =>
      cache.serve(req, reply, async () =>
        json(reply, await service.getPublicTask(db, req.params.id, today())),
      ),
  );
  app.get(
    '/api/public/units',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Các đơn vị chủ trì nhiệm vụ trong các chương trình đã công khai, với kết quả thực hiện',
        security: [],
        response: responses({ 200: PublicUnitList }),
      },
    },
    (req, reply) =>
      cache.serve(req, reply, async () => json(reply, await service.listPublicUnits(db, today()))),
  );
  app.get(
    '/api/public/units.csv',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Các đơn vị chủ trì và kết quả thực hiện, CSV UTF-8 có BOM',
        security: [],
        response: responses({ 200: PublicCsvFile }),
      },
    },
    (req, reply) =>
      cache.serve(req, reply, async () => {
        const list = await service.listPublicUnits(db, today());
        const body = toCsv(
          UNIT_FIELDS.map((f) => f[1]),
          list.items.map((u) => [
            u.id,
            u.name,
            String(u.tasks),
            String(u.done),
            String(u.onTime),
            String(u.late),
            u.onTimeRate === null ? '' : String(u.onTimeRate),
            String(u.reports.accepted),
            String(u.reports.onTime),
            String(u.reports.late),
          ]),
        );
        return csvDownload(body, downloadName(['don vi chu tri'], 'csv'));
      }),
  );
  app.get(
    '/api/public/units/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Một đơn vị: nhiệm vụ chủ trì trong các chương trình đã công khai, tỷ lệ đúng hạn, báo cáo đúng hạn',
        security: [],
        params: IdParams,
        response: responses({ 200: PublicUnitDetail }),
      },
    },
    (req, reply) =>
      cache.serve(req, reply, async () =>
        json(reply, await service.getPublicUnit(db, req.params.id, today())),
      ),
  );
  app.get(
    '/api/public/search',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Tìm nhiệm vụ và chương trình đã công khai (không phân biệt hoa thường, dấu)',
        security: [],
        querystring: PublicSearchQuery,
        response: responses({ 200: PublicSearchResult }),
      },
    },
    (req, reply) =>
      cache.serve(req, reply, async () => json(reply, await service.searchPublic(db, req.query.q))),
  );
};
