/** Cited documents: kind, number and code, issuing level, date, and every place cited. Pure. */
import type { DocReference, Span } from './types.js';
import { parseVnDate } from './times.js';

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
  'Thông báo',
];
const KIND_RE = KINDS.map((k) => k.replace(/ /g, '\\s+')).join('|');
const LETTERS = 'A-ZĐa-zđ';
// "27-NQ/TW", "1902/KH-UBND", "09/2019/NĐ-CP", "183-\nKH/TU", "45/NQ-CP", "15-ĐA/TU".
const NUMBER = `\\d{1,5}(?:\\s*\\/\\s*\\d{4})?\\s*[-/]\\s*(?:\\n\\s*)?[${LETTERS}]{1,8}\\d{0,3}(?:\\s*[-/]\\s*[${LETTERS}0-9]{1,10}){0,3}`;
const REF_RE = new RegExp(`(?<![\\p{L}])(${KIND_RE})(?:\\s+(?:số|liên tịch số))?\\s*:?\\s+(${NUMBER})`, 'gu');
const BARE_NUMBER_RE = new RegExp(`(?<![\\p{L}\\d/-])(${NUMBER})(?![\\p{L}\\d])`, 'gu');
const DATE_AFTER_RE =
  /^[\s,]*(?:\([^)]{0,40}\)\s*)?(?:ban hành\s+)?ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/u;
const LAW_RE = /(?<![\p{L}])Luật\s+(\p{Lu}[\p{L} ]{2,80}?)\s+(?:năm\s+(\d{4})|số\s+(\d+\/\d{4}\/QH\d+))/gu;

/** The kind of document written in a code: "NQ/TW" → Nghị quyết. */
const CODE_KINDS: Record<string, string> = {
  NQ: 'Nghị quyết',
  KL: 'Kết luận',
  KH: 'Kế hoạch',
  ĐA: 'Đề án',
  CT: 'Chỉ thị',
  QĐ: 'Quyết định',
  CTR: 'Chương trình',
  CTr: 'Chương trình',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  HD: 'Hướng dẫn',
  QĐi: 'Quy định',
};

export function cleanNumber(n: string): string {
  return n.replace(/\s+/g, '');
}

/** "27-NQ/TW" → "NQ/TW"; "1902/KH-UBND" → "KH-UBND"; "09/2019/NĐ-CP" → "NĐ-CP". */
export function codeOf(number: string): string {
  return number.replace(/^\d+(?:\/\d{4})?[-/]/, '');
}

export function levelOf(code: string): DocReference['level'] {
  const issuer = code.split(/[-/]/).slice(1).join('-').toUpperCase();
  if (/^(TW|TƯ|BCT|BBT|BCHTW|VPTW)$/.test(issuer) || /^QH\d*$/.test(issuer) || issuer === 'UBTVQH')
    return 'central';
  if (/^(CP|TTG|TTg)$/i.test(issuer)) return 'government';
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
}

/** Finds every cited document in the source and groups citations by number. */
export function findReferences(
  source: string,
  exclude: (pos: number) => boolean = () => false,
): DocReference[] {
  const found: Found[] = [];
  REF_RE.lastIndex = 0;
  for (let m = REF_RE.exec(source); m; m = REF_RE.exec(source)) {
    if (exclude(m.index)) continue;
    const number = cleanNumber(m[2]!);
    if (!/[-/]/.test(number.replace(/^\d+(?:\/\d{4})?/, '')) && !/\//.test(number)) continue;
    const kind = m[1]!.replace(/\s+/g, ' ');
    const rest = source.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const d = DATE_AFTER_RE.exec(rest);
    const end = m.index + m[0].length + (d ? d[0].length : 0);
    found.push({ kind, number, date: d ? parseVnDate(d[1]!) : null, span: [m.index, end] });
  }
  // Laws cited by name: "Luật Tiếp cận thông tin năm 2016".
  LAW_RE.lastIndex = 0;
  for (let m = LAW_RE.exec(source); m; m = LAW_RE.exec(source)) {
    if (exclude(m.index)) continue;
    const name = `Luật ${m[1]!.trim()}`;
    const number = m[3] ?? `${name} năm ${m[2]}`;
    found.push({ kind: 'Luật', number, date: null, span: [m.index, m.index + m[0].length] });
  }
  // A known number cited again without its kind ("… và 27-NQ/TW").
  const known = new Set(found.map((f) => f.number));
  BARE_NUMBER_RE.lastIndex = 0;
  for (let m = BARE_NUMBER_RE.exec(source); m; m = BARE_NUMBER_RE.exec(source)) {
    const n = cleanNumber(m[1]!);
    if (!known.has(n)) continue;
    const span: Span = [m.index, m.index + m[0].length];
    if (found.some((f) => f.span[0] <= span[0] && span[1] <= f.span[1])) continue;
    found.push({ kind: '', number: n, date: null, span });
  }

  const byNumber = new Map<string, DocReference>();
  for (const f of found.sort((a, b) => a.span[0] - b.span[0])) {
    let r = byNumber.get(f.number);
    if (!r) {
      const code = f.kind === 'Luật' && !/QH/.test(f.number) ? '' : codeOf(f.number);
      const kindFromCode = CODE_KINDS[code.split(/[-/]/)[0] ?? ''] ?? '';
      r = {
        kind: f.kind || kindFromCode,
        number: f.number,
        code,
        level: f.kind === 'Luật' ? 'central' : levelOf(code),
        date: null,
        citations: [],
      };
      byNumber.set(f.number, r);
    }
    if (!r.kind && f.kind) r.kind = f.kind;
    if (!r.date && f.date) r.date = f.date;
    r.citations.push(f.span);
  }
  return [...byNumber.values()];
}
