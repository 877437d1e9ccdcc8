/**
 * Who issues the consolidated report and how it cites its program. The issuer is the monitoring body
 * that writes the report (e.g. Ban Nội chính Thành ủy, Sở Tư pháp), under its parent's line
 * (HD 36-HD/VPTW: "THÀNH ỦY HÀ NỘI / BAN NỘI CHÍNH", "Số …-BC/BNCTU"; NĐ 30/2020: "UBND THÀNH PHỐ
 * HÀ NỘI / SỞ TƯ PHÁP", "Số: …/BC-STP"); the program is cited by its kind, number, date and issuer,
 * never put in the header. Pure.
 */
import { formatDateVN } from '../format.js';
import { fold } from '../text.js';
import type { ConsolidationHeading } from './narrative.js';

/** A unit of the directory, with its parent. */
export interface IssuingUnit {
  name: string;
  kind: string;
  parent: { name: string; kind: string } | null;
}

const PARTY_KINDS = new Set(['party_committee', 'party_board', 'party_group']);
const ABBREVIATIONS = new Set(['UBND', 'HĐND', 'MTTQ', 'TAND', 'VKSND', 'BCH', 'TW']);
const up = (s: string) => s.toLocaleUpperCase('vi');

/** "Thành ủy Hà Nội" → "TU"; "Huyện ủy …" → "HU"; another Party committee → "ĐU". */
function committeeCode(name: string): string {
  const f = fold(name);
  if (/^(thanh|tinh) uy\b/.test(f)) return 'TU';
  if (/^(huyen|quan|thi) uy\b/.test(f)) return 'HU';
  return 'ĐU';
}

/** "Ban Nội chính" → "BNC", "Sở Kế hoạch và Đầu tư" → "SKHĐT": initials, "và" left out, abbreviations kept. */
export function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter((w) => w && fold(w) !== 'va' && w !== '-')
      // Tone marks and hats dropped (Ủ → U), Đ kept, as notations are written.
      .map((w) => (ABBREVIATIONS.has(up(w)) ? up(w) : up(w.normalize('NFD').charAt(0))))
      .join('')
  );
}

/** "Ban Nội chính Thành ủy" under "Thành ủy Hà Nội" → "Ban Nội chính". */
function withoutParentWord(name: string): string {
  return name.replace(/\s+(Thành|Tỉnh|Huyện|Quận|Thị) ủy$/iu, '').trim();
}

/** "Thành ủy Hà Nội" → "Đảng bộ Thành phố Hà Nội"; "Tỉnh ủy Bắc Ninh" → "Đảng bộ tỉnh Bắc Ninh". */
function partyOrganisation(committee: string): string {
  const m = /^(Thành|Tỉnh|Huyện|Quận|Thị) ủy\s+(.+)$/iu.exec(committee.trim());
  if (!m) return committee;
  const word: Record<string, string> = {
    thanh: 'Thành phố',
    tinh: 'tỉnh',
    huyen: 'huyện',
    quan: 'quận',
    thi: 'thị xã',
  };
  return `Đảng bộ ${word[fold(m[1]!)]} ${m[2]}`;
}

/** "Ủy ban nhân dân Thành phố Hà Nội" → "UBND Thành phố Hà Nội" (the governing body's line, NĐ 30). */
function shortPeopleCommittee(name: string): string {
  return name.replace(/^Ủy ban nhân dân\s+/iu, 'UBND ');
}

/** The default signature of a body, by its kind and the first word of its name. */
function signerOf(u: IssuingUnit): ConsolidationHeading['signer'] {
  const f = fold(u.name);
  const s = (authority: string | null, position: string) => ({ authority, position, name: '' });
  if (u.kind === 'party_committee') return s('T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ');
  if (u.kind === 'party_group')
    return f.startsWith('dang doan') ? s('T/M ĐẢNG ĐOÀN', 'BÍ THƯ') : s('T/M BAN CÁN SỰ ĐẢNG', 'BÍ THƯ');
  if (u.kind === 'people_committee') return s('TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH');
  if (f.startsWith('uy ban kiem tra')) return s('T/M ỦY BAN KIỂM TRA', 'CHỦ NHIỆM');
  if (f.startsWith('van phong')) return s(null, 'CHÁNH VĂN PHÒNG');
  if (f.startsWith('ban ')) return s(null, 'TRƯỞNG BAN');
  if (f.startsWith('so ')) return s(null, 'GIÁM ĐỐC');
  if (f.startsWith('vu ')) return s(null, 'VỤ TRƯỞNG');
  if (f.startsWith('cuc ')) return s(null, 'CỤC TRƯỞNG');
  return s(null, '');
}

export type IssuerLines = Pick<
  ConsolidationHeading,
  'layout' | 'parentBody' | 'issuer' | 'notation' | 'signer'
>;

/** The header lines, notation and signature of a report written by `u`. */
export function reportIssuer(u: IssuingUnit): IssuerLines {
  // Ban Thường vụ and Thường trực write in their committee's name.
  if (u.kind === 'party_committee' && u.parent && /^(ban thuong vu|thuong truc)\b/.test(fold(u.name)))
    return reportIssuer({ ...u.parent, parent: null });
  const party = PARTY_KINDS.has(u.kind);
  const parentParty = u.parent?.kind === 'party_committee';
  if (party) {
    if (u.kind === 'party_board' && u.parent && parentParty) {
      const own = withoutParentWord(u.name);
      return {
        layout: 'party',
        parentBody: up(u.parent.name),
        issuer: up(own),
        notation: `BC/${initials(own)}${committeeCode(u.parent.name)}`,
        signer: signerOf(u),
      };
    }
    if (u.kind === 'party_committee')
      return {
        layout: 'party',
        parentBody: u.parent && parentParty ? up(partyOrganisation(u.parent.name)) : null,
        issuer: up(u.name),
        notation: `BC/${u.parent ? initials(u.name) : committeeCode(u.name)}`,
        signer: signerOf(u),
      };
    // Đảng đoàn, ban cán sự đảng, another body: under the Party organisation of its committee.
    return {
      layout: 'party',
      parentBody: u.parent ? up(parentParty ? partyOrganisation(u.parent.name) : u.parent.name) : null,
      issuer: up(u.name),
      notation: `BC/${fold(u.name).startsWith('dang doan') ? 'ĐĐ' : fold(u.name).startsWith('ban can su') ? 'BCSĐ' : initials(u.name)}`,
      signer: signerOf(u),
    };
  }
  const issuer = up(u.name);
  return {
    layout: 'state',
    parentBody: u.parent ? up(shortPeopleCommittee(u.parent.name)) : null,
    issuer,
    notation: `BC-${u.kind === 'people_committee' ? 'UBND' : initials(u.name)}`,
    signer: signerOf(u),
  };
}

// ---- the program as the report cites it ----

/** The program's document: its kind, number, date and issuer, and the decision or resolution wrapping it. */
export interface ProgramCitation {
  docKind: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  /** The program's trích yếu ("thực hiện Nghị quyết số …"). */
  title: string | null;
  wrapper: { kind: string | null; number: string | null; date: string | null } | null;
}

/** "CHƯƠNG TRÌNH HÀNH ĐỘNG" → "Chương trình hành động". */
export function sentenceCase(s: string): string {
  const lower = s.trim().toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

const titleWord = (w: string) =>
  ABBREVIATIONS.has(up(w)) ? up(w) : w.charAt(0).toLocaleUpperCase('vi') + w.slice(1).toLocaleLowerCase('vi');

/** Bodies whose name is written with fixed capitals. */
const FIXED_NAMES: [RegExp, string][] = [
  [/^chinh phu$/, 'Chính phủ'],
  [/^thu tuong chinh phu$/, 'Thủ tướng Chính phủ'],
  [/^quoc hoi$/, 'Quốc hội'],
  [/^bo chinh tri$/, 'Bộ Chính trị'],
  [/^ban bi thu$/, 'Ban Bí thư'],
  [/^ban chap hanh trung uong( dang)?$/, 'Ban Chấp hành Trung ương'],
];

/** Words after which a place name follows, and how they are written. */
const PLACE_WORDS: [RegExp, string][] = [
  [/^thanh pho /, 'Thành phố'],
  [/^tinh /, 'tỉnh'],
  [/^huyen /, 'huyện'],
  [/^quan /, 'quận'],
  [/^thi xa /, 'thị xã'],
  [/^xa /, 'xã'],
  [/^phuong /, 'phường'],
];

/**
 * A body's name as written in a sentence, from the upper-case header line: "CHÍNH PHỦ" → "Chính phủ",
 * "BỘ TƯ PHÁP" → "Bộ Tư pháp", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH" → "Ủy ban nhân dân tỉnh Bắc Ninh",
 * "THÀNH ỦY HÀ NỘI" → "Thành ủy Hà Nội".
 */
export function bodyName(header: string): string {
  const words = header.trim().split(/\s+/).filter(Boolean);
  const f = fold(words.join(' '));
  for (const [re, name] of FIXED_NAMES) if (re.test(f)) return name;
  const out: string[] = [];
  let i = 0;
  const rest = () => words.slice(i).map(titleWord);
  // The body's own words: the first capitalised; a ministry's field keeps its first capital.
  const first = fold(words[0] ?? '');
  if (first === 'bo' && words.length > 1) {
    // Each field of a ministry starts with a capital: "Bộ Văn hóa, Thể thao và Du lịch".
    let cap = true;
    const field = words.slice(1).map((w) => {
      const out = cap ? titleWord(w) : w.toLocaleLowerCase('vi');
      cap = fold(w) === 'va' || w === '-' || w.endsWith(',');
      return fold(w) === 'va' ? 'và' : out;
    });
    return ['Bộ', ...field].join(' ');
  }
  if (/^(thanh|tinh|huyen|quan|thi) uy$/.test(fold(words.slice(0, 2).join(' ')))) {
    out.push(titleWord(words[0]!), words[1]!.toLocaleLowerCase('vi'));
    i = 2;
    return [...out, ...rest()].join(' ');
  }
  for (; i < words.length; i++) {
    const tail = fold(words.slice(i).join(' ')) + ' ';
    const place = PLACE_WORDS.find(([re]) => re.test(tail));
    if (place && i > 0) {
      out.push(place[1]);
      i += place[1].split(' ').length;
      return [...out, ...rest()].join(' ');
    }
    const w = words[i]!;
    out.push(ABBREVIATIONS.has(up(w)) ? up(w) : i === 0 ? titleWord(w) : w.toLocaleLowerCase('vi'));
  }
  return out.join(' ');
}

/**
 * "Chương trình hành động ban hành kèm theo Nghị quyết số 12/NQ-CP ngày 07/02/2023 của Chính phủ",
 * or "Chương trình hành động số 27-CTr/TU ngày 15/01/2026 của Thành ủy Hà Nội thực hiện …".
 */
export function citeProgram(p: ProgramCitation, fallbackTitle: string): string {
  const kind = p.docKind?.trim() ? sentenceCase(p.docKind) : null;
  if (!kind) return fallbackTitle;
  const of = p.issuer?.trim() ? `của ${bodyName(p.issuer)}` : null;
  const w = p.wrapper;
  if (w?.kind?.trim() && w.number?.trim())
    return [
      kind,
      'ban hành kèm theo',
      sentenceCase(w.kind),
      `số ${w.number.trim()}`,
      w.date ? `ngày ${formatDateVN(w.date)}` : null,
      of,
    ]
      .filter(Boolean)
      .join(' ');
  return [
    kind,
    p.number?.trim() ? `số ${p.number.trim()}` : null,
    p.date ? `ngày ${formatDateVN(p.date)}` : null,
    of,
    p.title?.trim() || null,
  ]
    .filter(Boolean)
    .join(' ');
}

/** What the first draft's heading is made of. */
export interface HeadingSource {
  /** The monitoring body that writes the report; null when neither the program nor the monitor names one. */
  writer: IssuingUnit | null;
  program: ProgramCitation & { partyLayout: boolean; parentIssuer: string | null };
  /** How the report names the program when it has no kind ("Kế hoạch …" imported without one). */
  programTitle: string;
  periodLabel: string;
  reviewKind: 'so_ket' | 'tong_ket' | string;
  place: string;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** The heading of a first draft: the writer's lines, the trích yếu citing the program, signer and Nơi nhận. */
export function draftHeading(h: HeadingSource): ConsolidationHeading {
  const p = h.program;
  const lines: IssuerLines = h.writer
    ? reportIssuer(h.writer)
    : {
        // No monitoring body known: the program's own issuer, as its document writes it.
        layout: p.partyLayout ? 'party' : 'state',
        parentBody: p.parentIssuer?.trim() ? up(p.parentIssuer) : null,
        issuer: p.issuer?.trim()
          ? up(p.issuer)
          : p.partyLayout
            ? 'THÀNH ỦY HÀ NỘI'
            : 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
        notation: p.partyLayout ? 'BC/TU' : 'BC-UBND',
        signer: p.partyLayout
          ? { authority: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: '' }
          : { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: '' },
      };
  const kind = h.reviewKind === 'tong_ket' ? 'Tổng kết' : 'Sơ kết';
  const reportTo =
    p.issuer?.trim() && fold(p.issuer) !== fold(lines.issuer) ? `${bodyName(p.issuer)} (để báo cáo)` : null;
  const party = lines.layout === 'party';
  return {
    ...lines,
    number: null,
    place: h.place,
    date: null,
    title: `${kind} ${lowerFirst(h.periodLabel)} thực hiện ${citeProgram(p, h.programTitle)}`,
    recipients: [
      reportTo ?? 'Thường trực Thành ủy (để báo cáo)',
      'Các cơ quan, đơn vị chủ trì, phối hợp',
      party
        ? `Lưu ${h.writer?.kind === 'party_committee' || !h.writer ? 'Văn phòng Thành ủy' : h.writer.name}`
        : 'Lưu: VT',
    ],
  };
}
