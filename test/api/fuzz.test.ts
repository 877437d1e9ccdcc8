/**
 * Posts random and malformed input to every write endpoint listed in the OpenAPI document:
 * no answer may be a 5xx, every answer carries a stable code, and stored data is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KINDS } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { rows } from '../../src/db/connection.js';
import { ERRORS } from '../../src/errors.js';
import { prng } from '../support/prng.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);

const NASTY = [
  "'; drop table units; --",
  "' or '1'='1",
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '\u202e\u0000',
  '\ud800',
  'Ｈà Ｎộｉ',
  '%00',
  '{{7*7}}',
];

type Case = { name: string; raw: string | Buffer; contentType?: string };

function randomValue(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 3 ? 5 : 8));
  switch (k) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return [0, -1, 1e308, -1e-308, 2 ** 53 + 1, 3.14, NaN][Math.floor(r() * 7)];
    case 3:
      return NASTY[Math.floor(r() * NASTY.length)];
    case 4:
      return 'x'.repeat(Math.floor(r() * 5000));
    case 5:
      return Array.from({ length: Math.floor(r() * 5) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < Math.floor(r() * 5); i++)
        o[String(NASTY[i] ?? 'k' + i)] = randomValue(r, depth + 1);
      return o;
    }
  }
}

function casesFor(schemaProps: string[], r: () => number): Case[] {
  // A route without a body still gets a key, so every case really sends something.
  const props = schemaProps.length ? schemaProps : ['x'];
  const cases: Case[] = [
    { name: 'not json', raw: '{"a": ' },
    { name: 'trailing garbage', raw: '{} xyz' },
    { name: 'array body', raw: '[1,2,3]' },
    { name: 'string body', raw: '"chuỗi"' },
    { name: 'number body', raw: '42' },
    {
      name: 'invalid utf-8',
      raw: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]),
    },
    { name: 'deep nesting', raw: '['.repeat(20000) + ']'.repeat(20000) },
    { name: 'deep object', raw: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) },
    { name: 'too large', raw: JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) }) },
    { name: 'nul escape', raw: JSON.stringify(Object.fromEntries(props.map((p) => [p, 'a\u0000b']))) },
    { name: 'lone surrogate', raw: '{' + props.map((p) => `"${p}":"\\ud800"`).join(',') + '}' },
    { name: 'form body', raw: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { name: 'xml body', raw: '<a>1</a>', contentType: 'application/xml' },
    { name: 'json as text/csv', raw: '{"code":"x"}', contentType: 'text/csv' },
  ];
  for (const nasty of NASTY) {
    cases.push({
      name: `nasty ${JSON.stringify(nasty)}`,
      raw: JSON.stringify(Object.fromEntries(props.map((p) => [p, nasty]))),
    });
  }
  for (const p of props) {
    cases.push({ name: `huge ${p}`, raw: JSON.stringify({ [p]: 'Ư'.repeat(300_000) }) });
    cases.push({ name: `wrong type ${p}`, raw: JSON.stringify({ [p]: { $ne: null } }) });
    cases.push({ name: `array ${p}`, raw: JSON.stringify({ [p]: [[[[]]]] }) });
  }
  for (let i = 0; i < 25; i++) {
    const o: Record<string, unknown> = {};
    for (const p of props) if (r() < 0.7) o[p] = randomValue(r);
    if (Object.keys(o).length === 0) o[props[0]!] = randomValue(r);
    cases.push({ name: `random #${i}`, raw: JSON.stringify(o) });
  }
  return cases;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }
    >
  >;
}

describe.each(DB_KINDS)('fuzzing every write endpoint on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let ids: { unit: string; user: string };
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.loginAs('admin');
    const u = await admin.get<{ items: { id: string }[] }>('/api/units?limit=1');
    const us = await admin.get<{ items: { id: string }[] }>('/api/users?limit=1');
    ids = { unit: u.body.items[0]!.id, user: us.body.items[0]!.id };
  });
  afterAll(async () => t?.close());

  async function snapshot() {
    const u = await rows(t.deps.db, sql`select * from units order by id`);
    const s = await rows(t.deps.db, sql`select * from users order by id`);
    const a = await rows<{ n: string }>(
      t.deps.db,
      sql`select count(*) as n from audit_events where action <> 'auth.login_failed'`,
    );
    return JSON.stringify({ u, s, a });
  }

  it(`answers every malformed request with a 4xx and a stable code, changing nothing (seed ${SEED})`, async () => {
    const doc = (await admin.get<OpenApi>('/docs/json')).body;
    const writes: { method: string; path: string; props: string[] }[] = [];
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['post', 'patch', 'put', 'delete'].includes(method)) continue;
        const content = op.requestBody?.content ?? {};
        const schema = Object.values(content)[0]?.schema;
        writes.push({ method: method.toUpperCase(), path: p, props: Object.keys(schema?.properties ?? {}) });
      }
    }
    expect(writes.length).toBeGreaterThanOrEqual(11);

    const before = await snapshot();
    const r = prng(SEED);
    const codes = new Set(Object.keys(ERRORS));
    const failures: string[] = [];
    let n = 0;
    for (const w of writes) {
      const concrete = [
        w.path.replace('{id}', w.path.startsWith('/api/users') ? ids.user : ids.unit),
        w.path.replace('{id}', '00000000-0000-4000-8000-000000000000'),
        w.path.replace('{id}', "1' or '1'='1"),
      ].filter((x, i, a) => a.indexOf(x) === i);
      for (const path of concrete) {
        const all = casesFor(w.props, r);
        for (const c of all) {
          // Logout, disable and password reset with valid input would legitimately act; the fuzz
          // never sends valid input, so every answer must be an error.
          const res = await admin.request(w.method, path, undefined, {
            raw: c.raw,
            contentType: c.contentType ?? 'application/json',
          });
          n++;
          const body = res.body as { code?: string; message?: string };
          const ok =
            res.status >= 400 &&
            res.status < 500 &&
            typeof body === 'object' &&
            codes.has(body.code ?? '') &&
            !!body.message;
          if (!ok)
            failures.push(
              `${w.method} ${path} [${c.name}] → ${res.status} ${res.text.slice(0, 200)} (sent ${String(c.raw).slice(0, 80)})`,
            );
        }
      }
    }
    expect(failures, `seed ${SEED}, ${n} requests`).toEqual([]);
    expect(await snapshot()).toBe(before);
    // The admin session survived: nothing logged it out or locked it.
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    // ~5,000 requests: give a loaded 2-core machine time.
  }, 300_000);

  it('answers malformed query strings and paths with a 4xx and a code', async () => {
    for (const p of [
      '/api/units?limit=-1',
      '/api/units?limit=abc',
      '/api/units?kind=%3Cscript%3E',
      '/api/units?q=' + 'a'.repeat(5000),
      '/api/units?q=%00',
      '/api/units/khong-phai-uuid',
      '/api/units/%E0%A4%A',
      '/api/audit?beforeSeq=1e999',
      '/api/users?role=vua',
      '/api/khong-co',
    ]) {
      const res = await admin.get(p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
      expect(typeof res.body.code, p).toBe('string');
    }
  });
});
