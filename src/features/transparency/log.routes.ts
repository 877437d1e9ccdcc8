/**
 * The public log's anonymous routes (JSON and text under /api/public/log) and its verify page
 * (`/cong-khai/kiem-chung`, HTML, with its script file). Read-only.
 */
import type { RoutePlugin } from '../../http/types.js';
import { responses } from '../../contract/common.js';
import {
  LogCheckpoints,
  LogCheckpointsQuery,
  LogConsistency,
  LogConsistencyQuery,
  LogLeaf,
  LogLeafParams,
  LogText,
  PublicLogState,
} from '../../contract/public.js';
import {
  checkpointNote,
  consistency,
  leafWithProof,
  listCheckpoints,
  logState,
  publicKeyText,
} from './log.service.js';
import { VERIFY_SCRIPT, VerifyPageQuery, verifyPage } from './verify-page.js';

const tags = ['public-log'];
const TEXT = 'text/plain; charset=utf-8';

export const logRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/api/public/log',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Sổ công khai: điểm kiểm chứng đã ký gần nhất (kích thước, gốc Merkle, ghi chú đã ký), khóa kiểm tra, số lá',
        security: [],
        response: responses({ 200: PublicLogState }),
      },
    },
    async () => logState(deps),
  );

  app.get(
    '/api/public/log/checkpoint',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Điểm kiểm chứng đã ký gần nhất, đúng nguyên văn (C2SP tlog-checkpoint trong signed-note; văn bản thuần) — cho nhân chứng (witness)',
        security: [],
        produces: ['text/plain'],
        response: responses({ 200: LogText }),
      },
    },
    async (_req, reply) =>
      reply
        .type(TEXT)
        .header('cache-control', 'no-cache')
        .send(await checkpointNote(deps)),
  );

  app.get(
    '/api/public/log/key',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Khóa kiểm tra chữ ký của sổ công khai (<tên>+<mã>+<khóa Ed25519 base64>; văn bản thuần)',
        security: [],
        produces: ['text/plain'],
        response: responses({ 200: LogText }),
      },
    },
    async (_req, reply) => reply.type(TEXT).send(publicKeyText(deps)),
  );

  app.get(
    '/api/public/log/leaves/:idx',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Một lá của sổ công khai (nội dung đúng từng byte, mã băm) và bằng chứng thuộc cây của điểm kiểm chứng gần nhất (mã băm base64)',
        security: [],
        params: LogLeafParams,
        response: responses({ 200: LogLeaf }),
      },
    },
    async (req) => leafWithProof(deps, req.params.idx),
  );

  app.get(
    '/api/public/log/consistency',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Bằng chứng nhất quán (RFC 9162 §2.1.4) giữa cây kích thước from và điểm kiểm chứng đã ký kích thước to (mặc định: gần nhất)',
        security: [],
        querystring: LogConsistencyQuery,
        response: responses({ 200: LogConsistency }),
      },
    },
    async (req) => consistency(deps, req.query.from, req.query.to),
  );

  app.get(
    '/api/public/log/checkpoints',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Lịch sử các điểm kiểm chứng đã ký, mới nhất trước',
        security: [],
        querystring: LogCheckpointsQuery,
        response: responses({ 200: LogCheckpoints }),
      },
    },
    async (req) => listCheckpoints(deps, req.query.limit ?? 100),
  );

  // ---- the verify page (HTML, out of OpenAPI) ----
  app.get(
    '/cong-khai/kiem-chung',
    { config: { public: true }, schema: { hide: true, querystring: VerifyPageQuery } },
    async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await verifyPage(deps, req.query)),
  );
  app.get(
    '/cong-khai/kiem-chung.js',
    { config: { public: true }, schema: { hide: true } },
    async (_req, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(VERIFY_SCRIPT),
  );
};
