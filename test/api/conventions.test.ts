import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDb, type TestDb } from '../support/db.js';
import { buildApp } from '../../src/http/app.js';

interface Op {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('API conventions', () => {
  let t: TestDb;
  let app: FastifyInstance;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await openTestDb('pglite');
    const stream = new PassThrough();
    stream.on('data', (d: Buffer) => logs.push(...d.toString().split('\n').filter(Boolean)));
    app = await buildApp({
      database: t.database,
      deps: t.deps,
      logLevel: 'info',
      logStream: stream,
      webDir: null,
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('serves health probes', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('documents every API route with request and response schemas at /docs', async () => {
    const html = await app.inject('/docs/');
    expect(html.statusCode).toBe(200);
    const doc = (await app.inject('/docs/json')).json() as { paths: Record<string, Record<string, Op>> };
    const ops = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/'));
    expect(ops.length).toBeGreaterThanOrEqual(14);
    for (const [p, methods] of ops) {
      for (const [m, op] of Object.entries(methods)) {
        const ok = Object.keys(op.responses ?? {}).find((c) => c.startsWith('2'));
        expect(ok, `${m} ${p} has a success response`).toBeTruthy();
        expect(op.responses?.['400'], `${m} ${p} documents errors`).toBeTruthy();
      }
    }
  });

  it('answers unknown API routes with a coded Vietnamese error', async () => {
    const r = await app.inject('/api/khong-co-duong-nay');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: 'Đường dẫn API không tồn tại' });
  });

  it('logs structured JSON with the request id it returns', async () => {
    const r = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'kiem-tra-log-1' } });
    expect(r.headers['x-request-id']).toBe('kiem-tra-log-1');
    const lines = logs.map((l) => JSON.parse(l) as { reqId?: string; msg?: string });
    expect(lines.some((l) => l.reqId === 'kiem-tra-log-1' && l.msg === 'request completed')).toBe(true);
    // An unusable request id header is replaced by a fresh one.
    const bad = await app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'có dấu cách và ký tự lạ!' },
    });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports the database as unavailable on /readyz once it is gone', async () => {
    await t.database.close();
    const r = await app.inject('/readyz');
    expect(r.statusCode).toBe(503);
    expect(r.json().code).toBe('DATABASE_UNAVAILABLE');
    expect((await app.inject('/healthz')).statusCode).toBe(200);
  });
});
