/**
 * Verifying the public log as an outsider does: a signed checkpoint (C2SP tlog-checkpoint in a
 * signed note, Ed25519), a leaf's inclusion in the tree it commits to, and the consistency of two
 * checkpoints (the later tree extends the earlier). Used by the command-line verifier
 * (`thucthi kiem-chung`), the verify page (server side) and the tests, so all three say the same.
 * Each refusal carries a Vietnamese reason, with the English in brackets. Pure.
 */
import { openNote, parseTlogCheckpoint, type NoteKey, type TlogCheckpoint } from '../signed-note.js';
import { verifyConsistency, verifyInclusion, HASH_SIZE } from './merkle.js';
import { leafHash, type PublicStatement } from './statements.js';
import { formatDateTimeVN, formatDateVN } from '../format.js';

export type Verdict<T = object> = ({ ok: true } & T) | { ok: false; reason: string };

/** Opens a checkpoint note with the log's key; with `origin`, the checkpoint must be of that log. */
export function openTlogCheckpoint(
  note: string,
  key: NoteKey,
  origin?: string,
): Verdict<{ checkpoint: TlogCheckpoint }> {
  const opened = openNote(note.replace(/\r\n/gu, '\n'), key);
  if (!opened.ok) {
    const why = {
      malformed: 'điểm kiểm chứng không đúng định dạng ghi chú có chữ ký (C2SP signed-note) (malformed note)',
      unsigned: `điểm kiểm chứng không có chữ ký của khóa ${key.name} (not signed by this key)`,
      'bad-signature': `chữ ký của khóa ${key.name} trên điểm kiểm chứng không hợp lệ: nội dung đã bị sửa (bad signature)`,
    }[opened.reason];
    return { ok: false, reason: why };
  }
  const checkpoint = parseTlogCheckpoint(opened.text);
  if (!checkpoint)
    return {
      ok: false,
      reason: 'nội dung đã ký không phải điểm kiểm chứng của sổ công khai (not a tlog checkpoint)',
    };
  if (origin !== undefined && checkpoint.origin !== origin)
    return {
      ok: false,
      reason: `điểm kiểm chứng thuộc sổ "${checkpoint.origin}", không phải sổ "${origin}" (wrong origin)`,
    };
  return { ok: true, checkpoint };
}

/** Base64 hashes of a proof as bytes; null when one is not a 32-byte hash. */
export function decodeHashes(hashes: readonly string[]): Buffer[] | null {
  const out: Buffer[] = [];
  for (const h of hashes) {
    if (typeof h !== 'string' || !/^[A-Za-z0-9+/]{43}=$/u.test(h)) return null;
    const b = Buffer.from(h, 'base64');
    if (b.length !== HASH_SIZE) return null;
    out.push(b);
  }
  return out;
}

/** Does the leaf text at `index`, with the audit path `hashes` (base64), belong to the checkpoint's tree? */
export function checkInclusion(
  leafText: string,
  index: number,
  proof: { treeSize: number; hashes: readonly string[] },
  checkpoint: TlogCheckpoint,
): Verdict<{ leafHash: string }> {
  if (proof.treeSize !== checkpoint.size)
    return {
      ok: false,
      reason: `bằng chứng lập cho cây ${proof.treeSize} lá, điểm kiểm chứng có ${checkpoint.size} lá (proof for another tree size)`,
    };
  if (!Number.isSafeInteger(index) || index < 0 || index >= checkpoint.size)
    return {
      ok: false,
      reason: `lá số ${index} nằm ngoài cây ${checkpoint.size} lá của điểm kiểm chứng (index out of range)`,
    };
  const hashes = decodeHashes(proof.hashes);
  if (!hashes) return { ok: false, reason: 'bằng chứng có mã băm không hợp lệ (malformed proof hash)' };
  const h = leafHash(Buffer.from(leafText, 'utf8'));
  if (!verifyInclusion(index, checkpoint.size, h, hashes, Buffer.from(checkpoint.rootHash, 'hex')))
    return {
      ok: false,
      reason:
        `lá số ${index} (mã băm ${h.toString('hex')}) không nằm trong cây đã ký (${checkpoint.size} lá, gốc ${checkpoint.rootHash}): ` +
        `nội dung lá, số thứ tự hoặc bằng chứng đã bị thay đổi (inclusion proof does not verify)`,
    };
  return { ok: true, leafHash: h.toString('hex') };
}

/** Does `later` extend `earlier`, by the consistency proof `hashes` (base64)? */
export function checkConsistency(
  earlier: TlogCheckpoint,
  later: TlogCheckpoint,
  hashes: readonly string[],
): Verdict {
  if (earlier.origin !== later.origin)
    return {
      ok: false,
      reason: `hai điểm kiểm chứng thuộc hai sổ khác nhau ("${earlier.origin}", "${later.origin}") (different origins)`,
    };
  if (later.size < earlier.size)
    return {
      ok: false,
      reason:
        `điểm kiểm chứng hiện tại có ${later.size} lá, ít hơn ${earlier.size} lá của điểm kiểm chứng đã lưu: ` +
        `sổ công khai đã bị cắt bớt (the log shrank)`,
    };
  const proof = decodeHashes(hashes);
  if (!proof)
    return { ok: false, reason: 'bằng chứng nhất quán có mã băm không hợp lệ (malformed proof hash)' };
  if (
    !verifyConsistency(
      earlier.size,
      later.size,
      Buffer.from(earlier.rootHash, 'hex'),
      Buffer.from(later.rootHash, 'hex'),
      proof,
    )
  )
    return {
      ok: false,
      reason:
        `cây hiện tại (${later.size} lá) không mở rộng cây đã ký trước đây (${earlier.size} lá, gốc ${earlier.rootHash}): ` +
        `sổ công khai đã bị viết lại hoặc rẽ nhánh (consistency proof does not verify: the log was rewritten or forked)`,
    };
  return { ok: true };
}

const TIMELINESS: Record<string, string> = {
  on_time: 'đúng hạn',
  late: 'trễ hạn',
  overdue: 'quá hạn',
  not_due: 'chưa đến hạn',
  no_deadline: 'không có thời hạn',
};

const DOC_KINDS: Record<string, string> = {
  consolidated: 'báo cáo tổng hợp',
  review: 'báo cáo sơ kết, tổng kết năm',
};

function programLine(p: {
  docKind: string | null;
  number: string | null;
  docDate: string | null;
  issuer: string | null;
  title: string;
}): string {
  const head = [
    p.docKind,
    p.number ? `số ${p.number}` : null,
    p.docDate ? `ngày ${formatDateVN(p.docDate)}` : null,
    p.issuer ? `của ${p.issuer}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return head ? `${head} — ${p.title}` : p.title;
}

/** A statement in plain Vietnamese, as label–value pairs (the verify page and the CLI). */
export function describeStatement(s: PublicStatement): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') out.push({ label, value });
  };
  if (s.program) add('Chương trình', programLine(s.program));
  switch (s.kind) {
    case 'program':
      add('Nội dung', s.public ? 'Chương trình được công khai trên cổng' : 'Chương trình thôi công khai');
      add('Số nhiệm vụ công khai', String(s.taskCount));
      add('Cơ quan quyết định', s.decidedBy?.name);
      add('Mã băm văn bản (SHA-256)', s.documentSha256);
      break;
    case 'progress':
      add('Nội dung', 'Tiến độ nhiệm vụ theo báo cáo đã được chấp nhận');
      add('Nhiệm vụ', `${s.task.label} — ${s.task.title}`);
      add('Đơn vị chủ trì báo cáo', s.unit.name);
      add('Kỳ báo cáo', s.period.label);
      add('Tình trạng', s.statusLabel);
      add('Tỷ lệ hoàn thành', s.percent === null ? null : `${s.percent}%`);
      add('Ngày hoàn thành', s.completedOn ? formatDateVN(s.completedOn) : null);
      add('Thời hạn', s.dueDate ? formatDateVN(s.dueDate) : null);
      add('Đúng hạn / trễ hạn', TIMELINESS[s.timeliness] ?? s.timeliness);
      add('Kết quả', s.results);
      add(
        'Sản phẩm',
        s.products
          .map((p) =>
            [
              p.description,
              p.number ? `số ${p.number}` : null,
              p.date ? `ngày ${formatDateVN(p.date)}` : null,
            ]
              .filter(Boolean)
              .join(', '),
          )
          .join('; '),
      );
      add(
        'Tệp minh chứng công khai',
        s.evidence.map((f) => `${f.filename} (SHA-256 ${f.sha256})`).join('; '),
      );
      add('Báo cáo', `lần nộp ${s.reportNumber}, nộp lúc ${formatDateTimeVN(new Date(s.submittedAt))}`);
      add(
        'Chấp nhận',
        `lúc ${formatDateTimeVN(new Date(s.acceptedAt))}${s.acceptedBy ? `, bởi ${s.acceptedBy.name}` : ''}`,
      );
      break;
    case 'evidence':
      add('Nội dung', s.public ? 'Tệp minh chứng được công khai' : 'Tệp minh chứng chuyển về nội bộ');
      add('Nhiệm vụ', `${s.task.label} — ${s.task.title}`);
      add('Đơn vị', s.unit.name);
      add('Tệp', `${s.file.filename} (SHA-256 ${s.file.sha256})`);
      break;
    case 'document':
      add('Nội dung', s.public ? 'Văn bản được công bố trên cổng' : 'Văn bản thôi công bố');
      add('Loại', DOC_KINDS[s.documentKind] ?? s.documentKind);
      add('Tiêu đề', s.title);
      add(
        'Số, ngày',
        [s.number ? `số ${s.number}` : null, s.docDate ? `ngày ${formatDateVN(s.docDate)}` : null]
          .filter(Boolean)
          .join(', '),
      );
      add('Cơ quan ban hành', s.issuer?.name);
      add('Mã băm tệp .docx (SHA-256)', s.docxSha256);
      add('Mã băm tệp .pdf (SHA-256)', s.pdfSha256);
      break;
  }
  return out;
}
