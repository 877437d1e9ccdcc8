/**
 * `thucthi kiem-chung`: the command-line verifier of the public log (docs/kiem-chung.md). Talks to a
 * portal over HTTP (or reads saved answers from files), and verifies with the domain's verifier
 * (src/domain/transparency/verify.ts): the checkpoint's signature, a leaf's inclusion, and that the
 * current tree extends an older checkpoint. No database, nothing of the server is loaded.
 */
import fs from 'node:fs';
import { parseVerifierKey, type NoteKey } from '../../domain/signed-note.js';
import { parseLeaf } from '../../domain/transparency/statements.js';
import {
  checkConsistency,
  checkInclusion,
  describeStatement,
  openTlogCheckpoint,
} from '../../domain/transparency/verify.js';

export interface VerifyOptions {
  url?: string;
  key?: string;
  leaf?: string;
  checkpoint?: string;
  leafFile?: string;
  proofFile?: string;
  current?: string;
  consistencyFile?: string;
  save?: string;
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** A refusal: exit code 1 with a Vietnamese reason. */
class Refused extends Error {}

function refuse(reason: string): never {
  throw new Refused(reason);
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return refuse(`không đọc được ${what} "${file}"`);
  }
}

function readJson<T>(file: string, what: string): T {
  try {
    return JSON.parse(readText(file, what)) as T;
  } catch (e) {
    if (e instanceof Refused) throw e;
    return refuse(`${what} "${file}" không phải JSON hợp lệ`);
  }
}

async function get(base: string, path: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(new URL(path, base.endsWith('/') ? base : `${base}/`), {
      headers: { accept: 'application/json, text/plain' },
    });
  } catch (e) {
    return refuse(`không kết nối được ${base}: ${(e as Error).message}`);
  }
  if (!res.ok) {
    let msg = '';
    try {
      msg = ((await res.json()) as { message?: string }).message ?? '';
    } catch {
      /* not JSON */
    }
    return refuse(`${path}: máy chủ trả lời ${res.status}${msg ? ` — ${msg}` : ''}`);
  }
  return res;
}

interface LeafAnswer {
  index: number;
  leaf: string;
  checkpoint: { note: string } | null;
  proof: { treeSize: number; hashes: string[] } | null;
  reason?: string | null;
}

function loadKey(v: string): NoteKey {
  const text = fs.existsSync(v) ? fs.readFileSync(v, 'utf8').trim() : v.trim();
  try {
    return parseVerifierKey(text);
  } catch (e) {
    return refuse(`khóa kiểm tra không hợp lệ: ${(e as Error).message}`);
  }
}

async function verify(o: VerifyOptions, io: Io): Promise<void> {
  const base = o.url;
  const offline = !base;
  if (offline && !o.proofFile && !o.current)
    refuse('cần --url <địa chỉ cổng>, hoặc các tệp đã lưu (--proof-file, --current)');
  // 1. The verifier key.
  let key: NoteKey;
  if (o.key) key = loadKey(o.key);
  else if (base) {
    key = loadKey(await (await get(base, 'api/public/log/key')).text());
    io.err(
      'CẢNH BÁO: khóa kiểm tra được lấy từ chính máy chủ cần kiểm chứng; hãy lấy khóa từ một nguồn độc lập ' +
        '(văn bản công bố của cơ quan) và truyền bằng --key. (Warning: key fetched from the server itself.)',
    );
  } else return refuse('chế độ ngoại tuyến cần --key <khóa kiểm tra>');
  io.out(`Khóa kiểm tra: ${key.name}`);

  // 2. The current checkpoint.
  let leafAnswer: LeafAnswer | null = null;
  if (o.proofFile) leafAnswer = readJson<LeafAnswer>(o.proofFile, 'tệp bằng chứng');
  let currentNote: string;
  if (o.current) currentNote = readText(o.current, 'tệp điểm kiểm chứng hiện tại');
  else if (base) currentNote = await (await get(base, 'api/public/log/checkpoint')).text();
  else if (leafAnswer?.checkpoint) currentNote = leafAnswer.checkpoint.note;
  else return refuse('không có điểm kiểm chứng hiện tại (--current)');
  const current = openTlogCheckpoint(currentNote, key);
  if (!current.ok) refuse(`điểm kiểm chứng hiện tại: ${current.reason}`);
  const cp = current.checkpoint;
  io.out(`Điểm kiểm chứng hiện tại: sổ "${cp.origin}", ${cp.size} lá, gốc ${cp.rootHash} — chữ ký hợp lệ.`);
  if (o.save) {
    fs.writeFileSync(o.save, currentNote);
    io.out(`Đã lưu điểm kiểm chứng vào ${o.save} (giữ lại để sau này kiểm tra sổ không bị viết lại).`);
  }

  // 3. A leaf and its inclusion.
  if (o.leaf !== undefined || o.proofFile) {
    if (!leafAnswer) {
      if (!/^\d+$/u.test(o.leaf ?? '')) refuse(`số thứ tự lá không hợp lệ: "${o.leaf}"`);
      leafAnswer = (await (await get(base!, `api/public/log/leaves/${o.leaf}`)).json()) as LeafAnswer;
    }
    if (o.leaf !== undefined && String(leafAnswer.index) !== o.leaf)
      refuse(`tệp bằng chứng là của lá số ${leafAnswer.index}, không phải lá số ${o.leaf}`);
    const leafText = o.leafFile ? readText(o.leafFile, 'tệp nội dung lá') : leafAnswer.leaf;
    if (!leafAnswer.proof || !leafAnswer.checkpoint)
      refuse(
        `lá số ${leafAnswer.index}: chưa có điểm kiểm chứng bao gồm lá này${leafAnswer.reason ? ` (${leafAnswer.reason})` : ''}`,
      );
    let against = cp;
    if (leafAnswer.checkpoint.note !== currentNote) {
      const own = openTlogCheckpoint(leafAnswer.checkpoint.note, key, cp.origin);
      if (!own.ok) refuse(`điểm kiểm chứng của bằng chứng: ${own.reason}`);
      against = own.checkpoint;
    }
    const inc = checkInclusion(leafText, leafAnswer.index, leafAnswer.proof, against);
    if (!inc.ok) refuse(inc.reason);
    io.out(
      `Lá số ${leafAnswer.index} (mã băm ${inc.leafHash}) nằm trong cây ${against.size} lá của điểm kiểm chứng — hợp lệ.`,
    );
    const content = parseLeaf(leafText);
    if (content) for (const f of describeStatement(content.statement)) io.out(`  ${f.label}: ${f.value}`);
  }

  // 4. An older checkpoint: does the current tree extend it?
  if (o.checkpoint) {
    const old = openTlogCheckpoint(readText(o.checkpoint, 'tệp điểm kiểm chứng cũ'), key, cp.origin);
    if (!old.ok) refuse(`điểm kiểm chứng cũ: ${old.reason}`);
    let hashes: string[] = [];
    if (old.checkpoint.size <= cp.size) {
      if (o.consistencyFile)
        hashes = readJson<{ hashes: string[] }>(o.consistencyFile, 'tệp bằng chứng nhất quán').hashes;
      else if (base)
        hashes = (
          (await (
            await get(base, `api/public/log/consistency?from=${old.checkpoint.size}&to=${cp.size}`)
          ).json()) as { hashes: string[] }
        ).hashes;
      else refuse('chế độ ngoại tuyến cần --consistency-file');
    }
    const c = checkConsistency(old.checkpoint, cp, hashes ?? []);
    if (!c.ok) refuse(c.reason);
    io.out(
      `Cây hiện tại (${cp.size} lá) mở rộng đúng điểm kiểm chứng cũ (${old.checkpoint.size} lá): không lá nào đã ký bị sửa hay xóa — hợp lệ.`,
    );
  }
}

/** Runs the verifier; returns the exit code (0 verified, 1 refused). */
export async function runVerify(o: VerifyOptions, io: Io): Promise<number> {
  try {
    await verify(o, io);
    io.out('OK: đã kiểm chứng. (verified)');
    return 0;
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    io.out(`KHÔNG HỢP LỆ: ${e.message}. (refused)`);
    return 1;
  }
}
