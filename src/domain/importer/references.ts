/** Cited documents: kind, number and code, issuing level, date, and every place cited. Pure. */
import type { DocReference, Span } from './types.js';
import { parseVnDate } from './times.js';

/** Document kinds as written before a number, longest first where one starts another. */
const KINDS = [
  'Nghị quyết liên tịch',
  'Nghị quyết',
  'Kết luận',
  'Kế hoạch',
  'Đề án',
  'Chỉ thị',
  'Quyết định',
  'Chương trình',
  'Luật',
  'Nghị định',
  'Thông tư liên tịch',
  'Thông tư',
  'Hướng dẫn',
  'Quy định',
  'Công văn',
  'Văn bản',
  'Thông báo',
  'Tờ trình',
  'Báo cáo',
  'Phương án',
  'Pháp lệnh',
];
/** "Nghị quyết" also written "nghị quyết", "Nghị Quyết". */
const kindPattern = (k: string) =>
  `${k
    .split(' ')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`)
    .join('\\s+')}|${k.toUpperCase().replace(/ /g, '\\s+')}`;
const KIND_RE = KINDS.map(kindPattern).join('|');
const canonicalKind = (written: string): string => {
  const w = written.replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return KINDS.find((k) => k.toLowerCase() === w) ?? written;
};

/** A part of a number's code: "NQ", "TTg", "QH15", "BTTTT"; "Chính phủ" written out for "CP". */
const TOKEN = `(?:Chính\\s+phủ|[A-ZĐ][A-ZĐa-zđ]{0,7}\\d{0,3})(?![\\p{L}\\d])`;
// "27-NQ/TW", "1902/KH-UBND", "09/2019/NĐ-CP", "183-\nKH/TU", "11- KH/TW", "180/2026/NĐ- CP", "49-CT /TW", "146/2025/QH15".
const NUMBER = `\\d{1,5}(?:\\s*\\/\\s*\\d{4})?\\s*[-/]\\s*${TOKEN}(?:\\s*[-/]\\s*${TOKEN}){0,3}`;
const REF_RE = new RegExp(
  `(?<![\\p{L}])(${KIND_RE})(?:\\s+(?:số|SỐ|liên tịch số))?\\s*:?\\s+(${NUMBER})`,
  'gu',
);
/** "Đề án số 06", "Đề án 06": a scheme known by its number alone. */
const SCHEME_RE = /(?<!\p{L})(Đề án)\s+(?:số\s+)?(\d{1,3})(?![\d/\-\p{L}])/gu;
const BARE_NUMBER_RE = new RegExp(`(?<![\\p{L}\\d/-])(${NUMBER})`, 'gu');
/** Another number of the same kind in a list: "…/BTTTT-TTH và 708/BTTTT-CATTT", ", số 1518/BNG-NVVH". */
const LIST_NEXT_RE = new RegExp(`^[\\s,]*(?:,|và|hoặc)\\s+(?:số\\s+)?(${NUMBER})`, 'u');

const DATE = `\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{4}|\\d{1,2}\\s+(?:tháng|THÁNG)\\s+\\d{1,2}\\s*,?\\s*(?:năm|NĂM)\\s+\\d{4}`;
/**
 * The date written after a document: "ngày 22/10/2025", "(khóa XIII) ngày …", "của Chính phủ ngày …",
 * "ban hành ngày …". The words between may not hold a number or another document.
 */
const DATE_AFTER_RE = new RegExp(
  `^[\\s,]*(?:\\([^()]{0,80}\\)[\\s,]*)?(?:(?:của|CỦA|do)\\s+([^\\d;.()]{2,80}?)[\\s,]+)?(?:ban hành\\s+|ký\\s+)?(?:ngày|NGÀY)\\s*(${DATE})`,
  'u',
);
/** "của Chính phủ" may stand before the date; "của Chính phủ về …, hoàn thành trước ngày …" may not. */
const BAD_GAP = new RegExp(
  `(?<![\\p{L}])(?:${KIND_RE}|số|về|và|trước|đến|hoàn thành|xong|trong|từ|chậm nhất|thời hạn)(?![\\p{L}])`,
  'u',
);

/** Laws cited by name: "Luật Tiếp cận thông tin năm 2016", "Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025". */
const LAW_RE = new RegExp(
  `(?<![\\p{L}])Luật\\s+(\\p{L}[\\p{L} ,\\n]{1,120}?)\\s+(?:năm\\s+(\\d{4})|số\\s+(${NUMBER})|ngày\\s+(${DATE}))`,
  'gu',
);
const LAW_NAME_BAD = /(?<!\p{L})(trong|trước|đến|từ|hoàn thành|xong|thời hạn|thực hiện|triển khai)(?!\p{L})/u;

/** The kind of document written in a code: "NQ/TW" → Nghị quyết. */
const CODE_KINDS: Record<string, string> = {
  NQ: 'Nghị quyết',
  NQLT: 'Nghị quyết liên tịch',
  KL: 'Kết luận',
  KH: 'Kế hoạch',
  ĐA: 'Đề án',
  CT: 'Chỉ thị',
  QĐ: 'Quyết định',
  CTR: 'Chương trình',
  CTr: 'Chương trình',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  HD: 'Hướng dẫn',
  QĐi: 'Quy định',
  TB: 'Thông báo',
  TTr: 'Tờ trình',
  BC: 'Báo cáo',
  CV: 'Công văn',
  PA: 'Phương án',
};
/** The code of each kind: Chỉ thị → CT. */
const KIND_CODES: Record<string, string> = Object.fromEntries(
  Object.entries(CODE_KINDS)
    .filter(([c]) => c !== 'CTR')
    .map(([c, k]) => [k, c]),
);
/** Kinds that say nothing of the document's type: the code tells it ("văn bản số 364/TTr-BNG" is a Tờ trình). */
const GENERIC_KINDS = new Set(['Văn bản', 'Công văn']);

/**
 * "49-CT /TW" → "49-CT/TW", "11- KH/TW" → "11-KH/TW". Slips are kept as written, never corrected
 * silently: "866/QĐ-Tg", "107/2021/NĐ-Chính phủ" (whole, not cut to "NĐ-Ch").
 */
export function cleanNumber(n: string): string {
  return n.replace(/\s+/g, '').replace(/Chínhphủ/gu, 'Chính phủ');
}

/** "27-NQ/TW" → "NQ/TW"; "1902/KH-UBND" → "KH-UBND"; "09/2019/NĐ-CP" → "NĐ-CP"; "146/2025/QH15" → "QH15". */
export function codeOf(number: string): string {
  return number.replace(/^\d+(?:\/\d{4})?[-/]/, '');
}

const typeToken = (code: string): string | null => {
  const t = code.split(/[-/]/)[0] ?? '';
  return CODE_KINDS[t] ? t : null;
};

export function levelOf(code: string): DocReference['level'] {
  const parts = code.split(/[-/]/);
  const issuer = (typeToken(code) ? parts.slice(1) : parts).join('-').toUpperCase();
  if (/^(TW|TƯ|BCT|BBT|BCHTW|VPTW)$/.test(issuer) || /^QH\d*$/.test(issuer) || /^UBTVQH\d*$/.test(issuer))
    return 'central';
  if (/^(CP|TTG|TG|CHÍNH PHỦ)$/.test(issuer)) return 'government';
  if (/^(TU|TƯ|ĐU|HU|QU|TXU|BTVTU)$/.test(issuer)) return 'city';
  if (/^(UBND|HĐND|UBMTTQ)/.test(issuer)) return 'local';
  if (/^B[A-ZĐ]+/.test(issuer)) return 'ministry';
  return 'unknown';
}

interface Found {
  kind: string;
  number: string;
  date: string | null;
  span: Span;
  /** Laws known by name and date: two amendments of one law share a name, not a date. */
  byDate?: boolean;
}

/** The date written after a cited document, as written (a slip such as "58/2022/NĐ-CP ngày … 2002" kept). */
function dateAfter(source: string, end: number): { date: string | null; end: number } {
  const rest = source.slice(end, end + 220);
  const d = DATE_AFTER_RE.exec(rest);
  if (!d || (d[1] && (BAD_GAP.test(d[1]) || d[1].trim().split(/\s+/).length > 8))) return { date: null, end };
  return { date: parseVnDate(d[2]!), end: end + d[0].length };
}

/** Finds every cited document in the source and groups citations by number. */
export function findReferences(
  source: string,
  exclude: (pos: number) => boolean = () => false,
): DocReference[] {
  const found: Found[] = [];
  const inFound = (s: Span) => found.some((f) => f.span[0] <= s[0] && s[1] <= f.span[1]);
  REF_RE.lastIndex = 0;
  for (let m = REF_RE.exec(source); m; m = REF_RE.exec(source)) {
    if (exclude(m.index)) continue;
    // "các văn bản số A, số B": documents in general; each is what its code says, a Công văn without one.
    const plural =
      GENERIC_KINDS.has(canonicalKind(m[1]!)) &&
      /(?<!\p{L})các\s+$/u.test(source.slice(Math.max(0, m.index - 6), m.index));
    const kind = plural ? 'Công văn' : canonicalKind(m[1]!);
    let number = cleanNumber(m[2]!);
    let start = m.index;
    let end = m.index + m[0].length;
    // "các văn bản số 364/TTr-BNG-NVVH ngày …, số 1518/BNG-NVVH ngày … và số 2265/BC-BNG-NVVH ngày …"
    for (;;) {
      const d = dateAfter(source, end);
      found.push({ kind, number, date: d.date, span: [start, d.end] });
      end = d.end;
      const next = LIST_NEXT_RE.exec(source.slice(end, end + 120));
      if (!next) break;
      start = end + next[0].length - next[1]!.length;
      end += next[0].length;
      number = cleanNumber(next[1]!);
    }
    REF_RE.lastIndex = end;
  }
  SCHEME_RE.lastIndex = 0;
  for (let m = SCHEME_RE.exec(source); m; m = SCHEME_RE.exec(source)) {
    const span: Span = [m.index, m.index + m[0].length];
    if (exclude(m.index) || inFound(span)) continue;
    const d = dateAfter(source, span[1]);
    found.push({ kind: 'Đề án', number: m[2]!, date: d.date, span: [span[0], d.end] });
  }
  // Laws cited by name: "Luật Tiếp cận thông tin năm 2016", "Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025".
  LAW_RE.lastIndex = 0;
  for (let m = LAW_RE.exec(source); m; m = LAW_RE.exec(source)) {
    const name = m[1]!.replace(/\s+/g, ' ').trim();
    const inner = name.search(/(?<!\p{L})Luật\s/u);
    // "Luật Đầu tư công, Luật Ngân sách nhà nước năm 2015": the name starts at the last "Luật",
    // except in an amending law ("Luật sửa đổi, bổ sung một số điều của Luật …").
    if (inner >= 0 && !/^sửa đổi/u.test(name)) {
      LAW_RE.lastIndex = m.index + 'Luật '.length + m[1]!.indexOf('Luật');
      continue;
    }
    if (exclude(m.index) || LAW_NAME_BAD.test(name) || name.split(' ').length > 16) continue;
    const span: Span = [m.index, m.index + m[0].length];
    if (inFound(span)) continue;
    if (m[3]) {
      const number = cleanNumber(m[3]);
      const d = dateAfter(source, span[1]);
      found.push({ kind: 'Luật', number, date: d.date, span: [span[0], d.end] });
    } else if (m[2]) {
      found.push({ kind: 'Luật', number: `Luật ${name} năm ${m[2]}`, date: null, span });
    } else {
      found.push({ kind: 'Luật', number: `Luật ${name}`, date: parseVnDate(m[4]!), span, byDate: true });
    }
  }
  // A known number cited again without its kind ("… và 27-NQ/TW").
  const known = new Set(found.map((f) => f.number));
  BARE_NUMBER_RE.lastIndex = 0;
  for (let m = BARE_NUMBER_RE.exec(source); m; m = BARE_NUMBER_RE.exec(source)) {
    const n = cleanNumber(m[1]!);
    if (!known.has(n)) continue;
    const span: Span = [m.index, m.index + m[0].length];
    if (inFound(span) || exclude(m.index)) continue;
    found.push({ kind: '', number: n, date: null, span });
  }

  // "Chỉ thị số 49-NQ/TW" where the document cites "Chỉ thị số 49-CT/TW": the kind written wins.
  const numbers = new Set(found.map((f) => f.number));
  for (const f of found) {
    const t = typeToken(codeOf(f.number));
    const own = KIND_CODES[f.kind];
    if (!t || !own || t === own || CODE_KINDS[t] === f.kind) continue;
    const fixed = f.number.replace(new RegExp(`(?<=^\\d+(?:\\/\\d{4})?[-/])${t}`, 'u'), own);
    if (numbers.has(fixed)) f.number = fixed;
  }

  const byKey = new Map<string, DocReference>();
  for (const f of found.sort((a, b) => a.span[0] - b.span[0])) {
    const key = f.byDate ? `${f.number}|${f.date}` : f.number;
    let r = byKey.get(key);
    if (!r) {
      const code =
        f.kind === 'Luật' && !/QH/.test(f.number)
          ? ''
          : f.kind === 'Đề án' && /^\d+$/.test(f.number)
            ? ''
            : codeOf(f.number);
      const t = typeToken(code);
      const kindFromCode = t ? CODE_KINDS[t]! : '';
      r = {
        kind: (GENERIC_KINDS.has(f.kind) && kindFromCode) || f.kind || kindFromCode,
        number: f.number,
        code,
        level: f.kind === 'Luật' ? 'central' : levelOf(code),
        date: null,
        citations: [],
      };
      byKey.set(key, r);
    }
    if (!r.kind && f.kind) r.kind = f.kind;
    if (!r.date && f.date) r.date = f.date;
    r.citations.push(f.span);
  }
  const refs = [...byKey.values()];

  // "Chỉ thị 11" after "Chỉ thị số 11-CT/TU": the same document, by its kind and number alone.
  const SHORT_RE = new RegExp(`(?<![\\p{L}])(${KIND_RE})\\s+(?:số\\s+)?(\\d{1,5})(?![\\d/\\-\\p{L}])`, 'gu');
  const cited = (s: Span) => refs.some((r) => r.citations.some((c) => c[0] <= s[0] && s[1] <= c[1]));
  for (let m = SHORT_RE.exec(source); m; m = SHORT_RE.exec(source)) {
    // "các văn bản số A, số B": documents in general; each is what its code says, a Công văn without one.
    const plural =
      GENERIC_KINDS.has(canonicalKind(m[1]!)) &&
      /(?<!\p{L})các\s+$/u.test(source.slice(Math.max(0, m.index - 6), m.index));
    const kind = plural ? 'Công văn' : canonicalKind(m[1]!);
    const span: Span = [m.index, m.index + m[0].length];
    const same = refs.filter((r) => r.kind === kind && new RegExp(`^${m![2]}[-/]`).test(r.number));
    if (same.length !== 1 || cited(span) || exclude(m.index)) continue;
    same[0]!.citations.push(span);
    same[0]!.citations.sort((a, b) => a[0] - b[0]);
  }
  return refs;
}
