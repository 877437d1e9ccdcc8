/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519, and the audit checkpoint body.
 *
 * A note is a UTF-8 text ending in a newline, a blank line, then one line per signature:
 * `— <key name> <base64(key id || signature)>`. The key id of an Ed25519 key is the first 4 bytes of
 * SHA-256(key name || 0x0A || 0x01 || 32-byte public key); the signature covers the text bytes.
 * Pure: node:crypto only (no files, no database).
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

const ALG_ED25519 = 0x01;
const EM_DASH = '\u2014';
/** DER prefixes of Ed25519 keys (RFC 8410), to go between raw 32-byte keys and KeyObjects. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface NoteKey {
  name: string;
  publicKey: KeyObject;
  /** Present for a signer key. */
  privateKey?: KeyObject;
}

/** A key name: non-empty, no spaces, no '+' (C2SP). */
export function validKeyName(name: string): boolean {
  return /^[^\s+]+$/u.test(name);
}

export function rawPublicKey(k: KeyObject): Buffer {
  const der = k.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(der.length - 32));
}

export function keyId(name: string, publicKey: KeyObject): Buffer {
  return createHash('sha256')
    .update(name)
    .update(Buffer.from([0x0a, ALG_ED25519]))
    .update(rawPublicKey(publicKey))
    .digest()
    .subarray(0, 4);
}

/** The verifier key string `<name>+<hex id>+<base64(0x01 || public key)>`, as published. */
export function verifierKey(k: NoteKey): string {
  const pub = Buffer.concat([Buffer.from([ALG_ED25519]), rawPublicKey(k.publicKey)]);
  return `${k.name}+${keyId(k.name, k.publicKey).toString('hex')}+${pub.toString('base64')}`;
}

/** The signer key string `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>` (golang.org/x/mod/sumdb/note). */
export function signerKey(k: NoteKey): string {
  if (!k.privateKey) throw new Error('signerKey: no private key');
  const der = k.privateKey.export({ format: 'der', type: 'pkcs8' });
  const seed = Buffer.concat([Buffer.from([ALG_ED25519]), der.subarray(der.length - 32)]);
  return `PRIVATE+KEY+${k.name}+${keyId(k.name, k.publicKey).toString('hex')}+${seed.toString('base64')}`;
}

/** Splits `a+b+…+rest` into `n` fields; the last keeps its '+' (base64 may contain them). */
function fields(s: string, n: number): string[] {
  const parts = s.trim().split('+');
  return parts.length < n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join('+')];
}

/** The 32 bytes of an Ed25519 key written in base64 after its algorithm byte. */
function ed25519Bytes(b64: string, what: string): Buffer {
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== 33 || raw[0] !== ALG_ED25519) throw new Error(`${what} không phải Ed25519`);
  return raw.subarray(1);
}

export function parseSignerKey(s: string): NoteKey {
  const parts = fields(s, 5);
  if (parts.length !== 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY')
    throw new Error('khóa ký không đúng định dạng PRIVATE+KEY+<tên>+<mã>+<khóa>');
  const [, , name, hexId, b64] = parts as [string, string, string, string, string];
  const der = Buffer.concat([PKCS8_PREFIX, ed25519Bytes(b64, 'khóa ký')]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  if (keyId(name, publicKey).toString('hex') !== hexId) throw new Error('mã khóa không khớp với khóa ký');
  return { name, publicKey, privateKey };
}

export function parseVerifierKey(s: string): NoteKey {
  const parts = fields(s, 3);
  if (parts.length !== 3) throw new Error('khóa kiểm tra không đúng định dạng <tên>+<mã>+<khóa>');
  const [name, hexId, b64] = parts as [string, string, string];
  const der = Buffer.concat([SPKI_PREFIX, ed25519Bytes(b64, 'khóa kiểm tra')]);
  const publicKey = createPublicKey({ key: der, format: 'der', type: 'spki' });
  if (keyId(name, publicKey).toString('hex') !== hexId) throw new Error('mã khóa không khớp');
  return { name, publicKey };
}

/** Signs `text` (which must end with a newline and contain no blank line) and returns the note. */
export function signNote(text: string, key: NoteKey): string {
  if (!key.privateKey) throw new Error('signNote: no private key');
  if (!text.endsWith('\n') || text.includes('\n\n')) throw new Error('signNote: malformed text');
  const sig = sign(null, Buffer.from(text, 'utf8'), key.privateKey);
  const b64 = Buffer.concat([keyId(key.name, key.publicKey), sig]).toString('base64');
  return `${text}\n${EM_DASH} ${key.name} ${b64}\n`;
}

export type OpenedNote =
  | { ok: true; text: string }
  | { ok: false; text: string; reason: 'malformed' | 'unsigned' | 'bad-signature' };

/** Checks a note's signature by `key`. Other keys' signatures are ignored, as the format allows. */
export function openNote(note: string, key: NoteKey): OpenedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return { ok: false, text: note, reason: 'malformed' };
  const text = note.slice(0, split + 1);
  const id = keyId(key.name, key.publicKey);
  let seen = false;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = new RegExp(`^${EM_DASH} (\\S+) (\\S+)$`, 'u').exec(line);
    if (!m) return { ok: false, text, reason: 'malformed' };
    const raw = Buffer.from(m[2]!, 'base64');
    if (m[1] !== key.name || raw.length !== 68 || !raw.subarray(0, 4).equals(id)) continue;
    seen = true;
    if (verify(null, Buffer.from(text, 'utf8'), key.publicKey, raw.subarray(4))) return { ok: true, text };
  }
  return { ok: false, text, reason: seen ? 'bad-signature' : 'unsigned' };
}

/** The signed state of the audit chain: its head (last sequence number and hash) at a time. */
export interface AuditCheckpoint {
  origin: string;
  seq: number;
  /** Hex SHA-256 of the event at `seq` (the genesis hash when seq = 0). */
  hash: string;
  at: string;
}

/**
 * Body in the shape of a C2SP tlog checkpoint: origin line, size (the last sequence number), the head
 * hash in base64, then an extension line with the time. The hash is the chain head, not a Merkle root.
 */
export function checkpointText(c: AuditCheckpoint): string {
  return `${c.origin}\n${c.seq}\n${Buffer.from(c.hash, 'hex').toString('base64')}\ntime ${c.at}\n`;
}

export function parseCheckpointText(text: string): AuditCheckpoint | null {
  const m = /^([^\n]+)\n(\d+)\n([A-Za-z0-9+/=]+)\ntime (\S+)\n$/u.exec(text);
  if (!m) return null;
  const hash = Buffer.from(m[3]!, 'base64');
  if (hash.length !== 32) return null;
  return { origin: m[1]!, seq: Number(m[2]), hash: hash.toString('hex'), at: m[4]! };
}

/**
 * A checkpoint of the public log in the C2SP `tlog-checkpoint` form (https://c2sp.org/tlog-checkpoint):
 * the origin line, the tree size in decimal, the Merkle root (RFC 6962) in base64, then optional
 * extension lines. Distinct from the audit checkpoint above (no `time` line, a Merkle root, not a
 * chain head), and with another origin, so a signature of one never reads as the other.
 */
export interface TlogCheckpoint {
  origin: string;
  size: number;
  /** Hex SHA-256 Merkle root. */
  rootHash: string;
  /** Extension lines, as signed (none written by thucthi). */
  extensions: string[];
}

export function tlogCheckpointText(
  c: Pick<TlogCheckpoint, 'origin' | 'size' | 'rootHash'> & { extensions?: string[] },
): string {
  if (!c.origin || /[\n]/u.test(c.origin)) throw new Error('tlogCheckpointText: bad origin');
  const ext = (c.extensions ?? []).map((l) => `${l}\n`).join('');
  return `${c.origin}\n${c.size}\n${Buffer.from(c.rootHash, 'hex').toString('base64')}\n${ext}`;
}

/** Parses a tlog checkpoint body (the note's text); null when it is not one. */
export function parseTlogCheckpoint(text: string): TlogCheckpoint | null {
  if (!text.endsWith('\n')) return null;
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) return null;
  const [origin, size, root, ...extensions] = lines as [string, string, string, ...string[]];
  if (!origin || !/^(0|[1-9][0-9]{0,15})$/u.test(size)) return null;
  if (!/^[A-Za-z0-9+/]{43}=$/u.test(root)) return null;
  const hash = Buffer.from(root, 'base64');
  if (hash.length !== 32 || hash.toString('base64') !== root) return null;
  if (extensions.some((l) => l === '')) return null;
  const n = Number(size);
  if (!Number.isSafeInteger(n)) return null;
  return { origin, size: n, rootHash: hash.toString('hex'), extensions };
}
