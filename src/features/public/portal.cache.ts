/**
 * The portal's in-process cache of rendered responses (issue 14, point 2): keyed by URL, each with a
 * strong ETag (SHA-256 of the bytes) and a Last-Modified (the time of the latest change).
 *
 * Invalidation: immediately when this process appends public leaves (`onPublicLeavesCommitted`), and,
 * for changes made by other instances or that change public pages without a leaf (a unit renamed, an
 * assignment changed), by a cheap check at most once per second of the log's size and the audit
 * chain's head: any newer value clears the cache. The day is part of the signal too (a task past its
 * deadline becomes overdue at midnight).
 *
 * Cache-Control is `public, no-cache`: a browser or proxy keeps the response but revalidates it every
 * time, which costs a 304 from memory here, so a citizen never sees progress older than the last
 * accepted report (the portal is the official record, and its pages must agree with the signed log).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rows, type DbOrTx } from '../../db/connection.js';
import { onPublicLeavesCommitted } from '../audit/audit-writer.js';
import { now, type Deps } from '../deps.js';

/** The log's size and the audit chain's head: lookups by primary key. */
const SIGNAL = sql`select
  (select idx from transparency_leaves order by idx desc limit 1) as leaf,
  (select seq from audit_events order by seq desc limit 1) as seq,
  (select at from audit_events order by seq desc limit 1) as at`;

export const CACHE_CONTROL = 'public, no-cache';
const MAX_ENTRIES = 2000;
const CHECK_MS = 1000;

export interface Rendered {
  status?: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

interface Entry {
  status: number;
  type: string;
  /** The bytes as sent (encoded once, when rendered). */
  body: Buffer;
  /** The same, gzip-compressed, when that is smaller (phones on slow networks). */
  gzip: Buffer | null;
  headers: Record<string, string>;
  etag: string;
  lastModified: Date;
}

/** Compresses bodies larger than this. */
const GZIP_MIN = 1024;

function entry(r: Rendered, lastModified: Date): Entry {
  const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  const gz = body.length >= GZIP_MIN ? gzipSync(body, { level: 6 }) : null;
  return {
    status: r.status ?? 200,
    type: r.type,
    body,
    gzip: gz && gz.length < body.length ? gz : null,
    headers: r.headers ?? {},
    etag: strongEtag(body),
    lastModified,
  };
}

/** Does the client take gzip? (`Accept-Encoding: gzip`, not refused with q=0.) */
function takesGzip(req: FastifyRequest): boolean {
  const ae = req.headers['accept-encoding'];
  if (!ae) return false;
  const m = /(?:^|,)\s*gzip\s*(?:;\s*q\s*=\s*([0-9.]+))?/i.exec(String(ae));
  return !!m && (m[1] === undefined || Number(m[1]) > 0);
}

export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Does the request's validator match (If-None-Match first, then If-Modified-Since)? */
export function notModified(req: FastifyRequest, etag: string | string[], lastModified: Date): boolean {
  const mine = Array.isArray(etag) ? etag : [etag];
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const tags = String(inm)
      .split(',')
      .map((t) => t.trim());
    return tags.includes('*') || tags.some((t) => mine.includes(t));
  }
  const ims = req.headers['if-modified-since'];
  if (ims) {
    const t = Date.parse(String(ims));
    return Number.isFinite(t) && Math.floor(lastModified.getTime() / 1000) * 1000 <= t;
  }
  return false;
}

export class PortalCache {
  private entries = new Map<string, Entry>();
  private generation = 0;
  private signal: string | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  private changedAt = new Date(0);
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: Deps) {
    this.unsubscribe = onPublicLeavesCommitted(() => this.clear());
  }

  close(): void {
    this.unsubscribe();
    this.entries.clear();
  }

  clear(): void {
    this.entries.clear();
    this.generation++;
    this.checkedAt = 0;
  }

  /** The time of the latest change to public data (Last-Modified). */
  get lastModified(): Date {
    return this.changedAt;
  }

  get size(): number {
    return this.entries.size;
  }

  /** At most once per second: has the log or the audit chain moved on (here or elsewhere)? */
  async fresh(): Promise<void> {
    if (Date.now() - this.checkedAt < CHECK_MS && this.signal !== null) return;
    this.checking ??= this.check().finally(() => (this.checking = null));
    await this.checking;
  }

  private async check(): Promise<void> {
    const db: DbOrTx = this.deps.db;
    const [r] = await rows<{
      leaf: string | number | null;
      seq: string | number | null;
      at: Date | string | null;
    }>(db, SIGNAL);
    const day = now(this.deps).toISOString().slice(0, 10);
    const signal = `${r?.leaf ?? -1}/${r?.seq ?? 0}/${day}`;
    if (signal !== this.signal) {
      if (this.signal !== null) this.clear();
      this.signal = signal;
      const at = r?.at ? new Date(r.at) : new Date(0);
      this.changedAt = Number.isNaN(at.getTime()) ? new Date(0) : at;
    }
    this.checkedAt = Date.now();
  }

  /** Serves `key` from the cache, rendering it on a miss; answers 304 to a matching validator. */
  async serve(
    req: FastifyRequest,
    reply: FastifyReply,
    render: () => Promise<Rendered>,
    key: string = req.url,
  ): Promise<FastifyReply> {
    await this.fresh();
    let e = this.entries.get(key);
    if (!e) {
      const gen = this.generation;
      e = entry(await render(), this.changedAt);
      // Only successes are kept, and only if nothing changed while rendering.
      if (e.status === 200 && gen === this.generation) {
        if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, e);
      }
    }
    return send(req, reply, e);
  }
}

function send(req: FastifyRequest, reply: FastifyReply, e: Entry): FastifyReply {
  // A strong ETag names one representation: the gzip one has its own.
  const gz = e.gzip && takesGzip(req);
  const etag = gz ? e.etag.slice(0, -1) + '-gz"' : e.etag;
  reply
    .header('etag', etag)
    .header('last-modified', e.lastModified.toUTCString())
    .header('cache-control', CACHE_CONTROL);
  if (e.gzip) reply.header('vary', 'accept-encoding');
  for (const [k, v] of Object.entries(e.headers)) reply.header(k, v);
  if (e.status === 200 && notModified(req, [e.etag, e.etag.slice(0, -1) + '-gz"'], e.lastModified))
    return reply.code(304).send();
  if (gz) reply.header('content-encoding', 'gzip');
  return reply
    .code(e.status)
    .type(e.type)
    .send(gz ? e.gzip : e.body);
}
