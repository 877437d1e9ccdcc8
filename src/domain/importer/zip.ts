/**
 * A guarded reader of ZIP packages (the container of .docx files).
 *
 * A hostile upload can declare small sizes and inflate to gigabytes (a "zip bomb"), or hold
 * thousands of entries. This reader trusts nothing the archive says about sizes: it walks the
 * central directory (refusing too many entries, encryption and ZIP64), inflates only the entries
 * asked for, in small slices, counting the bytes that actually come out, and stops at the first
 * limit crossed — per entry, in total, and in ratio of output to input.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Bytes all the entries read may inflate to together. */
  maxTotalBytes: number;
  /** Output ÷ input of one entry, checked once the entry has produced more than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxEntryBytes: 48 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 120,
  ratioFloorBytes: 1024 * 1024,
};

export type ZipProblem =
  'not-zip' | 'damaged' | 'encrypted' | 'zip64' | 'method' | 'entries' | 'size' | 'ratio';

/** Why a package was refused; `limit` problems (entries, size, ratio) mean a hostile or oversized file. */
export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
  }
  get isLimit(): boolean {
    return this.problem === 'entries' || this.problem === 'size' || this.problem === 'ratio';
  }
}

const MESSAGES: Record<ZipProblem, string> = {
  'not-zip': 'nội dung không phải là một gói nén ZIP.',
  damaged: 'không giải nén được (tệp bị hỏng hoặc không đầy đủ).',
  encrypted: 'tệp được mã hóa bằng mật khẩu.',
  zip64: 'gói nén dạng ZIP64 quá lớn cho một văn bản.',
  method: 'gói nén dùng phương pháp nén không hỗ trợ.',
  entries: 'gói nén có quá nhiều phần.',
  size: 'nội dung giải nén quá lớn.',
  ratio: 'tỷ lệ nén bất thường (nghi tệp nén độc hại).',
};

const fail = (problem: ZipProblem): never => {
  throw new ZipError(problem, MESSAGES[problem]);
};

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;

function findEndOfCentralDirectory(b: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return fail(b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b ? 'damaged' : 'not-zip');
}

function centralDirectory(b: Uint8Array, limits: ZipLimits): Entry[] {
  const eocd = findEndOfCentralDirectory(b);
  const count = u16(b, eocd + 10);
  const size = u32(b, eocd + 12);
  const offset = u32(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) fail('zip64');
  if (count > limits.maxEntries) fail('entries');
  if (offset + size > eocd) fail('damaged');
  const entries: Entry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || u32(b, p) !== 0x02014b50) fail('damaged');
    const nameLength = u16(b, p + 28);
    const entry: Entry = {
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      name: new TextDecoder('utf-8').decode(b.subarray(p + 46, p + 46 + nameLength)),
      localOffset: u32(b, p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) fail('zip64');
    entries.push(entry);
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(b: Uint8Array, e: Entry): Uint8Array {
  const h = e.localOffset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) fail('damaged');
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const end = start + e.compressedSize;
  if (end > b.length) fail('damaged');
  return b.subarray(start, end);
}

const SLICE = 16 * 1024;

function inflateCounted(data: Uint8Array, limits: ZipLimits, budget: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let consumed = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > limits.maxEntryBytes || produced > budget) fail('size');
    if (produced > limits.ratioFloorBytes && produced > limits.maxRatio * Math.max(consumed, 1))
      fail('ratio');
    chunks.push(chunk);
  });
  try {
    for (; consumed < data.length;) {
      const next = Math.min(consumed + SLICE, data.length);
      const slice = data.subarray(consumed, next);
      consumed = next;
      inflater.push(slice, consumed === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    fail('damaged');
  }
  const out = new Uint8Array(produced);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Reads the entries whose names `want` accepts, within `limits`. Throws ZipError for a damaged,
 * encrypted or oversized package; never allocates more than the limits allow.
 */
export function readZip(
  data: Uint8Array,
  want: (name: string) => boolean,
  limits: ZipLimits = DOCX_ZIP_LIMITS,
): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  for (const e of centralDirectory(data, limits)) {
    if (e.name.endsWith('/') || !want(e.name)) continue;
    if (e.flags & 1) fail('encrypted');
    const raw = entryData(data, e);
    let bytes: Uint8Array;
    if (e.method === 0) {
      if (raw.length > limits.maxEntryBytes || total + raw.length > limits.maxTotalBytes) fail('size');
      bytes = raw;
    } else if (e.method === 8) {
      bytes = inflateCounted(raw, limits, limits.maxTotalBytes - total);
    } else {
      return fail('method');
    }
    total += bytes.length;
    files[e.name] = bytes;
  }
  return files;
}
