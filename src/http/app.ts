/**
 * Builds the HTTP server: API under /api, OpenAPI at /docs, health probes, and the web app.
 * Thin: hooks for request context and access, one error handler, and the route modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, ERRORS, type ErrorCode } from '../errors.js';
import { isConnectionError } from '../db/errors.js';
import type { Database } from '../db/connection.js';
import type { Deps } from '../features/deps.js';
import { resolveSession, SESSION_COOKIE } from '../features/auth/auth.service.js';
import { authRoutes } from '../features/auth/auth.routes.js';
import { unitRoutes } from '../features/units/units.routes.js';
import { userRoutes } from '../features/users/users.routes.js';
import { auditRoutes } from '../features/audit/audit.routes.js';
import { importRoutes } from '../features/imports/imports.routes.js';
import { programRoutes } from '../features/programs/programs.routes.js';
import { taskRoutes } from '../features/tasks/tasks.routes.js';
import { planRoutes } from '../features/plans/plans.routes.js';
import { exportRoutes } from '../features/exports/exports.routes.js';
import { periodRoutes } from '../features/periods/periods.routes.js';
import { reportRoutes } from '../features/reports/reports.routes.js';
import { reminderRoutes } from '../features/reminders/reminders.routes.js';
import { notificationRoutes } from '../features/notifications/notifications.routes.js';
import { obstacleRoutes } from '../features/obstacles/obstacles.routes.js';
import { recommendationRoutes } from '../features/inspections/recommendations.routes.js';
import { dashboardRoutes } from '../features/dashboard/dashboard.routes.js';
import { consolidationRoutes } from '../features/consolidation/consolidation.routes.js';
import { homeRoutes } from '../features/home/home.routes.js';
import { unitFeedbackRoutes } from '../features/reports/unit-feedback.routes.js';
import { inspectionRoutes } from '../features/inspections/inspections.routes.js';
import { directionRoutes } from '../features/directions/directions.routes.js';
import { reviewRoutes } from '../features/review/review.routes.js';
import { publicationRoutes } from '../features/public/publication.routes.js';
import { logRoutes } from '../features/transparency/log.routes.js';
import { portalRoutes } from '../features/public/portal.routes.js';
import { ErrorSchema, JsonValue } from '../contract/common.js';
import { Health, Readiness } from '../contract/system.js';
import { RateWindow } from '../domain/rate-window.js';
import { html, page } from '../features/public/html.js';
import { helmetOptions, makeCsrfCheck, makeHeaderHook, type SecurityOptions } from './security.js';
import './types.js';

export interface AppOptions {
  database: Database;
  deps: Deps;
  logLevel?: string;
  /** Fastify's trustProxy: false, true, or the trusted proxies' addresses/CIDRs (TRUST_PROXY). */
  trustProxy?: boolean | string[];
  webDir?: string | null;
  /** Where JSON log lines go (default stdout). */
  logStream?: NodeJS.WritableStream;
  /** The app's own origin for the CSRF check (`PUBLIC_URL`), and whether it is HTTPS-only (HSTS). */
  security?: SecurityOptions;
  /** Requests per minute one address may make to the public portal (PUBLIC_RATE_LIMIT); 0 = no limit. */
  publicRateLimitPerMinute?: number;
}

/** The portal's requests per address and minute, unless configured (README "Cổng công khai"). */
export const DEFAULT_PUBLIC_RATE_LIMIT = 600;

/** What anyone may reach without an account: the portal's pages, files and API. */
export function isPortalUrl(url: string): boolean {
  return (
    url === '/cong-khai' ||
    url.startsWith('/cong-khai/') ||
    url.startsWith('/cong-khai?') ||
    url.startsWith('/api/public/')
  );
}

const JSON_LIMIT = 1024 * 1024;
const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,64}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

class BadBody extends Error {
  constructor(
    readonly appCode: ErrorCode,
    msg?: string,
  ) {
    super(msg);
  }
}

/** Decodes strict UTF-8; refuses NUL characters and lone surrogates, which PostgreSQL cannot store. */
function decodeText(body: Buffer): string {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new BadBody('VALIDATION_FAILED', 'Dữ liệu không phải văn bản UTF-8 hợp lệ');
  }
  if (text.includes('\u0000')) throw new BadBody('VALIDATION_FAILED', 'Dữ liệu chứa ký tự NUL không hợp lệ');
  return text;
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = decodeText(body);
  let bad = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (_k, v: unknown) => {
      if (typeof v === 'string' && (v.includes('\u0000') || !v.isWellFormed())) bad = true;
      return v;
    });
  } catch {
    throw new BadBody('INVALID_JSON');
  }
  if (bad) throw new BadBody('VALIDATION_FAILED', 'Chuỗi chứa ký tự NUL hoặc mã Unicode không hợp lệ');
  return value;
}

/** The media types a route's body may be sent as (JSON unless the route declares others). */
function acceptedTypes(schema: { consumes?: readonly string[]; body?: unknown } | undefined): string[] {
  if (schema?.consumes?.length) return [...schema.consumes];
  const content = (schema?.body as { content?: Record<string, unknown> } | undefined)?.content;
  return content ? Object.keys(content) : ['application/json'];
}

/** A portal page (not a file or a feed) asked for by a browser: its errors are pages too. */
function wantsPortalPage(req: {
  url: string;
  headers: Record<string, string | string[] | undefined>;
}): boolean {
  if (!req.url.startsWith('/cong-khai')) return false;
  const path = req.url.split('?')[0]!;
  if (
    /\.(csv|json|atom|xml|docx|pdf|txt|js)$/i.test(path) ||
    path.includes('/tep/') ||
    path.includes('/tai-lieu/')
  )
    return false;
  const accept = String(req.headers.accept ?? '');
  return accept === '' || accept.includes('text/html') || accept.includes('*/*');
}

function errorPage(status: number, message: string): string {
  return page({
    title: status === 404 ? 'Không tìm thấy' : 'Không thực hiện được',
    body: html`<p>${message}</p>
      <p><a href="/cong-khai">Về trang chủ cổng công khai</a></p>`,
  });
}

function errorBody(code: ErrorCode, message?: string, details?: unknown) {
  return { code, message: message ?? ERRORS[code].vi, ...(details !== undefined ? { details } : {}) };
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { deps, database } = opts;
  const app = Fastify({
    logger:
      opts.logLevel === 'silent'
        ? false
        : { level: opts.logLevel ?? 'info', ...(opts.logStream ? { stream: opts.logStream } : {}) },
    bodyLimit: JSON_LIMIT,
    trustProxy: opts.trustProxy ?? false,
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && REQUEST_ID_RE.test(h) ? h : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // ---- body parsing: strict UTF-8 JSON and text, clear errors ----
  // No text/plain parser: it is the one text type a cross-site form may send without a CORS preflight,
  // so JSON is accepted only as application/json and a text/plain body is refused (415).
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseJson(body as Buffer));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  // Uploaded files (e.g. a .docx to import) arrive as bytes.
  app.addContentTypeParser(
    ['application/octet-stream', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  app.addContentTypeParser(['text/csv', 'text/markdown'], { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, decodeText(body as Buffer));
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  await app.register(cookie);
  const security = opts.security ?? {};
  await app.register(helmet, helmetOptions(security));
  app.addSchema(JsonValue);
  app.addSchema(ErrorSchema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'thucthi API',
        description:
          'API theo dõi thực thi Chương trình hành động. Lỗi luôn có dạng { code, message, details? } với mã ổn định và thông báo tiếng Việt.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (json.$id as string) ?? `def-${i}` },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // ---- request context and access ----
  app.decorateRequest('ctx', null as never);
  const csrfCheck = makeCsrfCheck(security);
  const headerHook = makeHeaderHook(security);
  const portalLimit = new RateWindow(opts.publicRateLimitPerMinute ?? DEFAULT_PUBLIC_RATE_LIMIT);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    headerHook(req, reply);
    csrfCheck(req);
    if (/%00/i.test(req.url))
      throw new AppError('VALIDATION_FAILED', undefined, 'Đường dẫn chứa ký tự NUL không hợp lệ');
    req.ctx = { actor: null, requestId: req.id, ip: req.ip };
    if (isPortalUrl(req.url)) {
      // The portal is anonymous and read-only: limited per address, and no session is looked up.
      const d = portalLimit.hit(req.ip, Date.now());
      if (!d.allowed) {
        reply.header('retry-after', String(d.retryAfterSeconds));
        throw new AppError('PUBLIC_RATE_LIMITED', { retryAfterSeconds: d.retryAfterSeconds });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS')
        throw new AppError('PUBLIC_READ_ONLY');
      return;
    }
    if (!req.url.startsWith('/api/')) return;
    const cfg = req.routeOptions.config;
    req.ctx.actor = await resolveSession(deps, req.cookies[SESSION_COOKIE]);
    if (!req.routeOptions.url || cfg.public) return;
    const actor = req.ctx.actor;
    if (!actor) throw new AppError('AUTH_REQUIRED');
    if (actor.mustChangePassword && !cfg.allowWhilePasswordChange)
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });

  // A route that takes no body refuses one (an empty JSON object is tolerated).
  app.addHook('preValidation', async (req) => {
    // A route whose body is all optional accepts a request with no body at all.
    if (req.body === undefined && req.routeOptions.schema?.body) req.body = {};
    const b = req.body as unknown;
    if (req.routeOptions.schema?.body || b === undefined || b === null) return;
    if (typeof b === 'object' && !Array.isArray(b) && Object.keys(b).length === 0) return;
    throw new AppError('VALIDATION_FAILED', undefined, 'Yêu cầu này không nhận dữ liệu gửi kèm');
  });

  // Ajv coerces "1e999" in a query string to Infinity and lets it through integer bounds.
  app.addHook('preHandler', async (req) => {
    const q = req.query as Record<string, unknown> | undefined;
    if (!q || typeof q !== 'object') return;
    for (const [k, v] of Object.entries(q)) {
      if (typeof v === 'number' && !Number.isSafeInteger(v) && !Number.isFinite(v)) {
        throw new AppError('VALIDATION_FAILED', [
          { path: `/${k}`, rule: 'finite', message: 'phải là số hữu hạn' },
        ]);
      }
    }
  });

  // ---- errors: always { code, message, details? } ----
  app.setErrorHandler((err: FastifyError | AppError | BadBody | Error, req, reply) => {
    if (err instanceof AppError && wantsPortalPage(req)) {
      return reply.code(err.status).type('text/html; charset=utf-8').send(errorPage(err.status, err.message));
    }
    if (err instanceof AppError) {
      if (err.code === 'AUTH_THROTTLED') {
        const d = err.details as { retryAfterSeconds?: number } | undefined;
        if (d?.retryAfterSeconds) reply.header('retry-after', String(d.retryAfterSeconds));
      }
      return reply.code(err.status).send(errorBody(err.code, err.message, err.details));
    }
    if (err instanceof BadBody) {
      return reply.code(ERRORS[err.appCode].status).send(errorBody(err.appCode, err.message || undefined));
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      const details = fe.validation.map((v) => ({
        path:
          (v.instancePath || '') +
            (v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : '') || '/',
        rule: v.keyword,
        message: v.message,
      }));
      return reply
        .code(400)
        .send(
          errorBody(
            'VALIDATION_FAILED',
            `Dữ liệu gửi lên không hợp lệ (${fe.validationContext ?? 'body'})`,
            details,
          ),
        );
    }
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(errorBody('BODY_TOO_LARGE'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH': {
        const accepted = acceptedTypes(req.routeOptions.schema);
        return reply.code(415).send(
          errorBody(
            'UNSUPPORTED_MEDIA_TYPE',
            `Định dạng dữ liệu không được hỗ trợ; hãy gửi ${accepted.join(' hoặc ')}`,
            {
              contentType: req.headers['content-type'] ?? null,
              accepted,
            },
          ),
        );
      }
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.code(400).send(errorBody('INVALID_JSON'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply
        .code(fe.statusCode)
        .send(errorBody('VALIDATION_FAILED', undefined, { reason: fe.code ?? fe.message }));
    }
    if (isConnectionError(err)) {
      req.log.error({ err }, 'database unavailable');
      return reply.code(503).send(errorBody('DATABASE_UNAVAILABLE'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL', undefined, { requestId: req.id }));
  });

  // ---- probes ----
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: 'Tiến trình đang chạy', response: { 200: Health } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Sẵn sàng phục vụ (cơ sở dữ liệu trả lời)',
        response: { 200: Readiness, 503: Type.Ref('Error') },
      },
    },
    async (_req, reply) => {
      try {
        await database.ping();
        return { status: 'ok' as const, database: database.kind };
      } catch {
        return reply.code(503).send(errorBody('DATABASE_UNAVAILABLE'));
      }
    },
  );

  // ---- API ----
  await app.register(authRoutes, { deps });
  await app.register(unitRoutes, { deps });
  await app.register(userRoutes, { deps });
  await app.register(auditRoutes, { deps });
  await app.register(importRoutes, { deps });
  await app.register(programRoutes, { deps });
  await app.register(taskRoutes, { deps });
  await app.register(planRoutes, { deps });
  await app.register(exportRoutes, { deps });
  await app.register(periodRoutes, { deps });
  await app.register(reportRoutes, { deps });
  await app.register(reminderRoutes, { deps });
  await app.register(notificationRoutes, { deps });
  await app.register(obstacleRoutes, { deps });
  await app.register(recommendationRoutes, { deps });
  await app.register(dashboardRoutes, { deps });
  await app.register(consolidationRoutes, { deps });
  await app.register(homeRoutes, { deps });
  await app.register(unitFeedbackRoutes, { deps });
  await app.register(inspectionRoutes, { deps });
  await app.register(directionRoutes, { deps });
  await app.register(reviewRoutes, { deps });
  await app.register(publicationRoutes, { deps });
  await app.register(logRoutes, { deps });
  await app.register(portalRoutes, { deps });

  // ---- web app ----
  const webDir = opts.webDir ?? null;
  const hasWeb = !!webDir && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      // Wildcard: files are looked up per request, so a rebuilt web/dist is served without a restart.
      wildcard: true,
      index: ['index.html'],
      setHeaders: (res, file) => {
        res.setHeader(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    if (wantsPortalPage(req)) {
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(errorPage(404, ERRORS.PUBLIC_NOT_FOUND.vi));
    }
    if (req.url.startsWith('/cong-khai')) return reply.code(404).send(errorBody('PUBLIC_NOT_FOUND'));
    if (req.url.startsWith('/api/') || req.url === '/api' || req.method !== 'GET') {
      return reply.code(404).send(errorBody('ROUTE_NOT_FOUND'));
    }
    if (!hasWeb) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>thucthi</title><p>Giao diện web chưa được build. Chạy <code>npm run build:web</code> rồi khởi động lại. API: <a href="/docs">/docs</a></p>',
        );
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
