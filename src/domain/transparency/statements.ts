/**
 * Public statements: what the portal says about a program, and the leaves of the public log.
 *
 * Every change to public data (a program made public or withdrawn, a report accepted in a public
 * program, an evidence file made public or internal, a report or review published) is one audit
 * event, and that event carries the public statements it makes. Each statement, with the event's
 * sequence number and hash, is one leaf of an append-only Merkle tree (RFC 6962 / RFC 9162):
 * its bytes are the canonical JSON of `LeafContent` (keys sorted at every depth, UTF-8), hashed as
 * SHA-256(0x00 || bytes). The portal shows progress only from these leaves, so what it shows is what
 * the signed checkpoints commit to. Nothing personal goes in: units by name, never people.
 * Pure.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit-chain.js';

/** Format version of the leaf; a reader refuses one it does not know. */
export const LEAF_VERSION = 1;

export interface UnitRef {
  id: string;
  name: string;
}

export interface ProgramRef {
  id: string;
  /** "Chương trình hành động số 15-CTr/TU ngày 10/3/2026 của Thành ủy Hà Nội" parts. */
  docKind: string | null;
  number: string | null;
  docDate: string | null;
  issuer: string | null;
  title: string;
}

export interface TaskRef {
  id: string;
  /** The task's label in the program ("II.1.a", "PL.I.4"). */
  label: string;
  title: string;
}

export interface PublicProduct {
  description: string;
  number: string | null;
  date: string | null;
  link: string | null;
}

export interface PublicFile {
  sha256: string;
  filename: string;
  size: number;
  mime: string;
}

/** A program made public ("công khai") or withdrawn from the portal. */
export interface ProgramStatement {
  kind: 'program';
  program: ProgramRef;
  public: boolean;
  /** SHA-256 (hex) of the program's document text as imported, when made public. */
  documentSha256: string | null;
  /** The number of tasks published. */
  taskCount: number;
  /** The monitoring unit that decided. */
  decidedBy: UnitRef | null;
}

/** The accepted progress of one task, from its lead unit's accepted report. */
export interface ProgressStatement {
  kind: 'progress';
  program: ProgramRef;
  task: TaskRef;
  /** The lead unit that reported. */
  unit: UnitRef;
  period: { id: string; label: string };
  /** The report version accepted. */
  reportVersionId: string;
  reportNumber: number;
  submittedAt: string;
  acceptedAt: string;
  /** The unit that accepted it (the program's monitoring unit). */
  acceptedBy: UnitRef | null;
  /** Status code from the official grid (config/reporting-rules.json) and its label. */
  status: string;
  statusLabel: string;
  percent: number | null;
  completedOn: string | null;
  /** The deadline in force, when the task has one (YYYY-MM-DD). */
  dueDate: string | null;
  /** on_time | late | overdue | not_due | no_deadline, at acceptance. */
  timeliness: string;
  results: string;
  products: PublicProduct[];
  /** Evidence files the unit marked public at acceptance. */
  evidence: PublicFile[];
}

/** An evidence file of an accepted report made public, or internal again, by its unit. */
export interface EvidenceStatement {
  kind: 'evidence';
  program: ProgramRef;
  task: TaskRef;
  unit: UnitRef;
  reportVersionId: string;
  file: PublicFile;
  public: boolean;
}

/** A consolidated report or an annual review published on the portal. */
export interface DocumentStatement {
  kind: 'document';
  program: ProgramRef | null;
  documentId: string;
  /** consolidated | review */
  documentKind: string;
  title: string;
  number: string | null;
  docDate: string | null;
  /** The issuing unit. */
  issuer: UnitRef | null;
  /** SHA-256 (hex) of the files as published (.docx, and .pdf when made). */
  docxSha256: string;
  pdfSha256: string | null;
  public: boolean;
}

export type PublicStatement = ProgramStatement | ProgressStatement | EvidenceStatement | DocumentStatement;
export type StatementKind = PublicStatement['kind'];

/** A leaf: the statement with the audit event that made it. */
export interface LeafContent {
  v: typeof LEAF_VERSION;
  /** The audit event's sequence number, time and hash (the internal chain, src/domain/audit-chain.ts). */
  auditSeq: number;
  auditHash: string;
  at: string;
  statement: PublicStatement;
}

/** The exact bytes of a leaf (canonical JSON, UTF-8). */
export function leafBytes(leaf: LeafContent): Buffer {
  return Buffer.from(canonicalJson(leaf), 'utf8');
}

/** RFC 6962 leaf hash: SHA-256(0x00 || leaf bytes). */
export function leafHash(bytes: Buffer | Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(bytes)
    .digest();
}

/** Parses the bytes of a leaf; null when they are not a leaf of a known version. */
export function parseLeaf(text: string): LeafContent | null {
  try {
    const v = JSON.parse(text) as Partial<LeafContent>;
    if (v.v !== LEAF_VERSION || typeof v.auditSeq !== 'number' || !v.statement) return null;
    return v as LeafContent;
  } catch {
    return null;
  }
}
