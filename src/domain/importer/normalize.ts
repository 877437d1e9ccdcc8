/**
 * Input checks and normalisation. Everything after this works on the normalised text, and every
 * span refers to it.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ImportErrorCode =
  | 'IMPORT_EMPTY'
  | 'IMPORT_NOT_TEXT'
  | 'IMPORT_TOO_LARGE'
  | 'IMPORT_NO_STRUCTURE'
  | 'IMPORT_BAD_DOCX'
  | 'IMPORT_DOCX_LIMIT'
  | 'IMPORT_TOO_COMPLEX'
  | 'IMPORT_BUSY'
  | 'IMPORT_BAD_PDF'
  | 'IMPORT_OCR_UNAVAILABLE'
  | 'IMPORT_OCR_TOO_LONG'
  | 'IMPORT_INTERRUPTED';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const IMPORT_MESSAGES: Record<ImportErrorCode, string> = {
  IMPORT_EMPTY: 'Văn bản trống, không có gì để nhập',
  IMPORT_NOT_TEXT:
    'Tệp không phải văn bản UTF-8 (có thể là tệp nhị phân hoặc mã hóa khác); hãy lưu lại dưới dạng UTF-8 hoặc .docx',
  IMPORT_TOO_LARGE: 'Văn bản lớn hơn giới hạn 10 MB',
  IMPORT_NO_STRUCTURE:
    'Không nhận ra cấu trúc văn bản: không có phần (I., II.), mục (1., 2.), gạch đầu dòng hay bảng nhiệm vụ nào',
  IMPORT_BAD_DOCX: 'Tệp .docx không hợp lệ hoặc bị hỏng',
  IMPORT_DOCX_LIMIT:
    'Tệp .docx giải nén ra quá lớn, có quá nhiều phần hoặc tỷ lệ nén bất thường; hệ thống không đọc tệp này',
  IMPORT_TOO_COMPLEX: 'Văn bản quá lớn hoặc quá phức tạp để đọc trong thời gian cho phép',
  IMPORT_BUSY: 'Máy chủ đang đọc nhiều văn bản cùng lúc; hãy thử lại sau ít phút',
  IMPORT_BAD_PDF: 'Tệp PDF không hợp lệ, bị hỏng hoặc đã đặt mật khẩu',
  IMPORT_OCR_UNAVAILABLE:
    'Văn bản là bản quét (ảnh), máy chủ chưa cài công cụ nhận dạng chữ (OCR: tesseract-ocr và tesseract-ocr-vie); hãy tải lên bản .docx hoặc PDF có lớp chữ',
  IMPORT_OCR_TOO_LONG:
    'Bản quét có quá nhiều trang hoặc một trang đọc quá lâu để nhận dạng chữ (OCR); hãy tách văn bản hoặc tải lên bản .docx',
  IMPORT_INTERRUPTED: 'Việc đọc văn bản bị gián đoạn (máy chủ khởi động lại); hãy tải lên lại',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes uploaded bytes as strict UTF-8 text, refusing binary data. */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportError('IMPORT_TOO_LARGE', IMPORT_MESSAGES.IMPORT_TOO_LARGE);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ImportError('IMPORT_NOT_TEXT', IMPORT_MESSAGES.IMPORT_NOT_TEXT);
  }
  checkText(text);
  return text;
}

/** Refuses text that is empty, too large or evidently binary. */
export function checkText(text: string): void {
  if (text.length > MAX_IMPORT_BYTES)
    throw new ImportError('IMPORT_TOO_LARGE', IMPORT_MESSAGES.IMPORT_TOO_LARGE);
  // Control characters other than tab, LF, CR, FF: a binary file read as text.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls > text.length / 1000)
    throw new ImportError('IMPORT_NOT_TEXT', IMPORT_MESSAGES.IMPORT_NOT_TEXT);
  if (text.replace(/[\s\u00a0\u00ad\ufeff\u200b]/g, '') === '')
    throw new ImportError('IMPORT_EMPTY', IMPORT_MESSAGES.IMPORT_EMPTY);
}

/**
 * NFC; LF line ends; no BOM, soft hyphens, zero-width or control characters; odd spaces (NBSP, thin,
 * ideographic) become plain spaces; trailing spaces are cut. Tabs are kept: they separate table cells.
 */
export function normalizeSource(raw: string): string {
  checkText(raw);
  return (
    raw
      .replace(/^\ufeff/, '')
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/\f/g, '\n')
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      // eslint-disable-next-line no-control-regex -- removing control characters
      .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
      .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      .replace(/[ ]+$/gm, '')
  );
}

/** Case- and diacritic-folding that keeps offsets: every UTF-16 unit maps to exactly one. */
export function foldKeepOffsets(s: string): string {
  let out = '';
  for (const ch of s) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    let f = base === 'đ' || base === 'Đ' ? 'd' : base.toLowerCase();
    if (f.length !== ch.length) f = f.length > ch.length ? f.slice(0, ch.length) : f.padEnd(ch.length, ' ');
    out += f;
  }
  return out;
}
