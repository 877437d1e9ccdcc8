/**
 * The HTTP contract (src/contract/*): every route names what it answers. A route whose success
 * response is opaque (`{}`, `Type.Unknown()`, an array of it, an object without properties) fails
 * here; binary downloads are listed by name and must be declared as binary. And the response schema
 * is a filter: a field a service returns that the contract does not name never reaches the client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDb, type TestDb } from '../support/db.js';
import { buildApp } from '../../src/http/app.js';
import { responses } from '../../src/contract/common.js';
import { Unit } from '../../src/contract/units.js';
import { createUnit, getUnit } from '../../src/features/units/units.service.js';
import { systemCtx } from '../../src/features/context.js';

/** Downloads: their 2xx schema is `{ type: 'string', format: 'binary' }`. */
const BINARY = new Set([
  'GET /api/units/export.csv',
  'GET /api/programs/{id}/annex.docx',
  'GET /api/programs/{id}/annex.xlsx',
  'GET /api/periods/{id}/consolidation.docx',
  'GET /api/periods/{id}/consolidation.xlsx',
  'GET /api/files/{sha256}',
  // ---- annual review ----
  'GET /api/programs/{id}/review.docx',
  'GET /api/programs/{id}/review.xlsx',
  'GET /api/inspection-visits/{id}/files/{sha256}',
  'GET /api/inspection-conclusions/{id}/docx',
  // ---- the public log: text downloads ----
  'GET /api/public/log/checkpoint',
  'GET /api/public/log/key',
  // ---- the public portal ----
  'GET /api/public/programs.csv',
  'GET /api/public/programs/{id}/progress.csv',
  'GET /api/public/programs/{id}/tasks.csv',
  'GET /api/public/units.csv',
]);

type Schema = Record<string, unknown>;
interface Op {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

/** Why a schema says nothing about the data, or null when it does. */
function opaque(s: Schema | undefined, path = '$'): string | null {
  if (!s || Object.keys(s).filter((k) => !['description', 'title'].includes(k)).length === 0)
    return `${path} is {} (unknown)`;
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = s[k] as Schema[] | undefined;
    if (branches) {
      for (const [i, b] of branches.entries()) {
        const why = opaque(b, `${path}.${k}[${i}]`);
        if (why) return why;
      }
      return null;
    }
  }
  if (s.$ref) return null;
  if (s.type === 'array') return opaque(s.items as Schema | undefined, `${path}[]`);
  if (s.type === 'object') {
    const props = s.properties as Schema | undefined;
    if ((!props || Object.keys(props).length === 0) && !s.patternProperties && !s.additionalProperties)
      return `${path} is an object without properties`;
  }
  return null;
}

describe('HTTP contract', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let unitId: string;
  beforeAll(async () => {
    t = await openTestDb('pglite');
    app = await buildApp({ database: t.database, deps: t.deps, logLevel: 'silent', webDir: null });
    const u = await createUnit(t.deps, systemCtx('test'), {
      code: 'HOP-DONG-1',
      name: 'Sở Thử nghiệm Hợp đồng',
      kind: 'department',
    });
    unitId = u.id;
    // A route built like every other, whose handler returns a real service result plus fields the
    // contract does not name (as a careless change to a service would).
    app.get(
      '/api/__contract-test/unit/:id',
      { config: { public: true }, schema: { response: responses({ 200: Unit }) } },
      async (req) => ({
        ...(await getUnit(t.deps, systemCtx('test'), (req.params as { id: string }).id)),
        passwordHash: '$argon2id$bi-mat',
        internalNote: 'không được lộ ra ngoài',
      }),
    );
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('names a response schema for every JSON route, and declares downloads as binary', async () => {
    const doc = (await app.inject('/docs/json')).json() as { paths: Record<string, Record<string, Op>> };
    const problems: string[] = [];
    const seenBinary = new Set<string>();
    let checked = 0;
    for (const [p, methods] of Object.entries(doc.paths)) {
      if (!p.startsWith('/api/') || p.startsWith('/api/__contract-test')) continue;
      for (const [m, op] of Object.entries(methods)) {
        const name = `${m.toUpperCase()} ${p}`;
        const code = Object.keys(op.responses ?? {}).find((c) => c.startsWith('2'));
        if (!code) {
          problems.push(`${name}: no 2xx response`);
          continue;
        }
        const content = op.responses![code]!.content ?? {};
        const schemas = Object.values(content).map((c) => c.schema);
        checked++;
        if (BINARY.has(name)) {
          seenBinary.add(name);
          if (!schemas.some((s) => s?.type === 'string' && s.format === 'binary'))
            problems.push(`${name}: a download must be declared { type: 'string', format: 'binary' }`);
          continue;
        }
        if (schemas.some((s) => s?.format === 'binary')) {
          problems.push(`${name}: binary response not listed in BINARY`);
          continue;
        }
        const why = opaque(schemas[0]);
        if (why) problems.push(`${name}: ${why}`);
      }
    }
    expect(problems).toEqual([]);
    expect(
      [...BINARY].filter((b) => !seenBinary.has(b)),
      'listed downloads that no longer exist',
    ).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(68);
  });

  it('sends only the fields the contract names, whatever the service returns', async () => {
    const r = await app.inject(`/api/__contract-test/unit/${unitId}`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as Record<string, unknown>;
    expect(body.name).toBe('Sở Thử nghiệm Hợp đồng');
    expect(body).not.toHaveProperty('passwordHash');
    expect(body).not.toHaveProperty('internalNote');
    expect(r.body).not.toContain('bi-mat');
    expect(Object.keys(body).sort()).toEqual(Object.keys(Unit.properties).sort());
  });
});
