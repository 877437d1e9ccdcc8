/**
 * The public portal's read-only responses (issue 14): anonymous routes under /api/public. Every field
 * is named; nothing personal (units by name, never people). The officials' side is in `portal.ts`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Items, Limit, Nullable } from './common.js';

// ---- the public log ----

const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256, hex' });
const Base64Hash = Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'SHA-256, base64' });
const Size = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const LogCheckpoint = Type.Object({
  size: Size,
  rootHash: Hex64,
  /** The signed note, exactly as witnesses fetch it (C2SP tlog-checkpoint in a C2SP signed-note). */
  note: Type.String({ description: 'Điểm kiểm chứng đã ký (C2SP tlog-checkpoint, signed-note Ed25519)' }),
  signedAt: Type.String({ format: 'date-time' }),
});
export type LogCheckpoint = Static<typeof LogCheckpoint>;

export const PublicLogState = Type.Object({
  /** The checkpoints' first line; null when the server signs none (no key configured). */
  origin: Nullable(Type.String()),
  /** `name+id+base64` verifier key; obtain it out of band too, to trust the signatures. */
  verifierKey: Nullable(Type.String()),
  /** Leaves in the log now (the latest checkpoint may cover fewer). */
  treeSize: Size,
  checkpoint: Nullable(LogCheckpoint),
  /** A problem found while reading the stored leaves (a gap, a leaf whose hash differs), in Vietnamese. */
  problem: Nullable(Type.String()),
});
export type PublicLogState = Static<typeof PublicLogState>;

export const LogLeafParams = Type.Object({ idx: Size });

export const LogLeaf = Type.Object({
  index: Size,
  /** program | progress | evidence | document */
  kind: Type.String(),
  at: Type.String({ format: 'date-time' }),
  /** The leaf's exact bytes (canonical JSON, UTF-8): hash them as SHA-256(0x00 || bytes). */
  leaf: Type.String(),
  hash: Hex64,
  /** The latest checkpoint, when it covers this leaf. */
  checkpoint: Nullable(LogCheckpoint),
  /** The audit path (RFC 9162 §2.1.3) against that checkpoint; null: "chưa có điểm kiểm chứng". */
  proof: Nullable(Type.Object({ treeSize: Size, hashes: Type.Array(Base64Hash) })),
  /** Why there is no proof yet, in Vietnamese. */
  reason: Nullable(Type.String()),
});
export type LogLeaf = Static<typeof LogLeaf>;

export const LogConsistencyQuery = Type.Object(
  {
    from: Size,
    to: Type.Optional(Size),
  },
  { additionalProperties: false },
);

export const LogConsistency = Type.Object({
  from: Size,
  to: Size,
  fromRoot: Hex64,
  toRoot: Hex64,
  /** RFC 9162 §2.1.4 consistency proof, base64. */
  hashes: Type.Array(Base64Hash),
});
export type LogConsistency = Static<typeof LogConsistency>;

export const LogCheckpointsQuery = Type.Object({ limit: Limit(1000, 100) }, { additionalProperties: false });
export const LogCheckpoints = Items(LogCheckpoint);
export type LogCheckpoints = Static<typeof LogCheckpoints>;

/** A text download (the signed note, the verifier key). */
export const LogText = Type.String({ format: 'binary', description: 'text/plain; charset=utf-8' });

// ---- end of the public log ----
