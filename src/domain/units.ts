/**
 * The units directory: kinds, the seed list of Hanoi bodies, and the CSV exchange format. Pure.
 */
import { parseCsv, toCsv, CsvSyntaxError } from './csv.js';
import { cleanText, codeSlug } from './text.js';
import { LIMITS, UNIT_CODE_PATTERN } from './limits.js';

export const UNIT_KINDS = [
  'party_committee',
  'party_board',
  'party_group',
  'people_council',
  'people_committee',
  'department',
  'district',
  'commune',
  'court',
  'procuracy',
  'police',
  'enforcement',
  'front',
  'mass_org',
  'ministry',
  'government_agency',
  'central_party',
  'national_assembly',
  'state_body',
  'province',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  party_committee: { vi: 'Cấp ủy đảng', en: 'Party committee' },
  party_board: { vi: 'Ban đảng, cơ quan tham mưu', en: 'Party board' },
  party_group: { vi: 'Đảng đoàn, ban cán sự đảng', en: 'Party group' },
  people_council: { vi: 'Hội đồng nhân dân', en: "People's council" },
  people_committee: { vi: 'Ủy ban nhân dân', en: "People's committee" },
  department: { vi: 'Sở, ban, ngành', en: 'Department' },
  district: { vi: 'Quận, huyện, thị xã', en: 'District' },
  commune: { vi: 'Xã, phường', en: 'Commune or ward' },
  court: { vi: 'Tòa án', en: 'Court' },
  procuracy: { vi: 'Viện kiểm sát', en: 'Procuracy' },
  police: { vi: 'Công an', en: 'Police' },
  enforcement: { vi: 'Thi hành án', en: 'Judgment enforcement' },
  front: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
  mass_org: { vi: 'Tổ chức chính trị - xã hội', en: 'Mass organisation' },
  ministry: { vi: 'Bộ, cơ quan ngang bộ', en: 'Ministry or ministerial-level agency' },
  government_agency: { vi: 'Cơ quan thuộc Chính phủ', en: 'Government agency' },
  central_party: { vi: 'Cơ quan Trung ương Đảng', en: 'Central Party body' },
  national_assembly: { vi: 'Cơ quan của Quốc hội', en: 'National Assembly body' },
  state_body: { vi: 'Cơ quan nhà nước ở Trung ương', en: 'Central State body' },
  province: { vi: 'Tỉnh, thành phố trực thuộc trung ương', en: 'Province or centrally-run city' },
  other: { vi: 'Khác', en: 'Other' },
};

export function isUnitKind(s: string): s is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(s);
}

export interface UnitSeed {
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentCode: string | null;
  active: boolean;
  /** Other names the body is known by (abbreviations, older spellings), for matching documents. */
  aliases?: string[];
  /** A former body: the code of the unit it went into. */
  successorCode?: string | null;
}

/**
 * City-level bodies named in the seed program (section III and Nơi nhận) and their usual parents.
 * Codes are stable identifiers chosen here; names follow the document's wording.
 */
const CITY_BODIES: UnitSeed[] = [
  u('TU', 'Thành ủy Hà Nội', 'Thành ủy', 'party_committee', null),
  u('BTV-TU', 'Ban Thường vụ Thành ủy', 'BTV Thành ủy', 'party_committee', 'TU'),
  u('TT-TU', 'Thường trực Thành ủy', 'TT Thành ủy', 'party_committee', 'TU'),
  u('BNC-TU', 'Ban Nội chính Thành ủy', 'Ban Nội chính', 'party_board', 'TU'),
  u('BTG-TU', 'Ban Tuyên giáo Thành ủy', 'Ban Tuyên giáo', 'party_board', 'TU'),
  u('BTC-TU', 'Ban Tổ chức Thành ủy', 'Ban Tổ chức', 'party_board', 'TU'),
  u('UBKT-TU', 'Ủy ban Kiểm tra Thành ủy', 'UBKT Thành ủy', 'party_board', 'TU'),
  u('VPTU', 'Văn phòng Thành ủy', 'VPTU', 'party_board', 'TU'),
  u('DD-HDND', 'Đảng đoàn HĐND Thành phố', 'Đảng đoàn HĐND', 'party_group', 'TU'),
  u('BCS-UBND', 'Ban cán sự đảng UBND Thành phố', 'BCS đảng UBND', 'party_group', 'TU'),
  u('DD-MTTQ', 'Đảng đoàn Mặt trận Tổ quốc Việt Nam Thành phố', 'Đảng đoàn MTTQ', 'party_group', 'TU'),
  u('BCS-TAND', 'Ban cán sự đảng Tòa án nhân dân Thành phố', 'BCS đảng TAND', 'party_group', 'TU'),
  u('BCS-VKSND', 'Ban cán sự đảng Viện Kiểm sát nhân dân Thành phố', 'BCS đảng VKSND', 'party_group', 'TU'),
  u('DU-CA', 'Đảng ủy Công an Thành phố', 'Đảng ủy Công an', 'party_committee', 'TU'),
  u('HDND', 'Hội đồng nhân dân Thành phố Hà Nội', 'HĐND Thành phố', 'people_council', null),
  u('UBND', 'Ủy ban nhân dân Thành phố Hà Nội', 'UBND Thành phố', 'people_committee', null),
  u('MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hà Nội', 'Ủy ban MTTQ Thành phố', 'front', null),
  u('LDLD', 'Liên đoàn Lao động Thành phố Hà Nội', 'LĐLĐ Thành phố', 'mass_org', 'MTTQ'),
  u('HLHPN', 'Hội Liên hiệp Phụ nữ Thành phố Hà Nội', 'Hội LHPN Thành phố', 'mass_org', 'MTTQ'),
  u('THANHDOAN', 'Thành đoàn Hà Nội', 'Thành đoàn', 'mass_org', 'MTTQ'),
  u('HND', 'Hội Nông dân Thành phố Hà Nội', 'Hội Nông dân', 'mass_org', 'MTTQ'),
  u('HCCB', 'Hội Cựu chiến binh Thành phố Hà Nội', 'Hội CCB', 'mass_org', 'MTTQ'),
  u('TAND', 'Tòa án nhân dân Thành phố Hà Nội', 'TAND Thành phố', 'court', null),
  u('VKSND', 'Viện Kiểm sát nhân dân Thành phố Hà Nội', 'VKSND Thành phố', 'procuracy', null),
  u('CA', 'Công an Thành phố Hà Nội', 'Công an Thành phố', 'police', null),
  u('THADS', 'Cục Thi hành án dân sự Thành phố Hà Nội', 'Cục THADS Thành phố', 'enforcement', null),
];

function u(
  code: string,
  name: string,
  shortName: string | null,
  kind: UnitKind,
  parentCode: string | null,
  active = true,
): UnitSeed {
  return { code, name, shortName, kind, parentCode, active };
}

/** Drops an explanatory parenthesis such as "(merged with …)" from a department line. */
function stripNote(s: string): string {
  return cleanText(s.replace(/\s*\([^)]*\)\s*$/, ''));
}

/**
 * Builds the seed directory from the city bodies above and shared/data/hanoi-units.txt:
 * 126 communes and wards (active), 30 former districts (inactive), 15 departments and the other
 * city-level bodies listed in its section C.
 */
export function buildSeedUnits(hanoiUnitsText: string): UnitSeed[] {
  const out: UnitSeed[] = [...CITY_BODIES];
  let section = '';
  for (const raw of hanoiUnitsText.normalize('NFC').split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^##\s+([A-Z])\./.exec(line);
    if (heading) {
      section = heading[1]!;
      continue;
    }
    if (!line || line.startsWith('#')) continue;
    if (section === 'A') {
      const [code, type, name] = line.split('\t');
      if (!code || !type || !name) continue;
      const label = type === 'phường' ? 'Phường' : 'Xã';
      out.push(u(`XA-${code}`, `${label} ${name}`, name, 'commune', 'UBND'));
    } else if (section === 'B') {
      const [type, name] = line.split('\t');
      if (!type || !name) continue;
      const label = type === 'quận' ? 'Quận' : type === 'huyện' ? 'Huyện' : 'Thị xã';
      out.push(u(`QH-${codeSlug(name)}`, `${label} ${name}`, name, 'district', 'UBND', false));
    } else if (section === 'C') {
      const name = stripNote(line);
      if (!name) continue;
      const isCityOther = /^(Ban Quản lý|Trung tâm)/.test(name);
      const fullName = name.replace(/\s+TP Hà Nội$/, ' Thành phố Hà Nội');
      const isSo = name.startsWith('Sở ');
      const code = (isSo ? 'SO-' + codeSlug(name.slice(3)) : 'CQ-' + codeSlug(name)).slice(0, 40);
      out.push(
        u(code, fullName, name.length <= 40 ? name : null, isCityOther ? 'other' : 'department', 'UBND'),
      );
    }
  }
  return out;
}

// ---- CSV exchange ----

export const UNIT_CSV_HEADER = [
  'code',
  'name',
  'short_name',
  'kind',
  'parent_code',
  'active',
  'email',
  'phone',
  'address',
] as const;

export interface UnitCsvRow {
  line: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentCode: string | null;
  active: boolean;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface UnitCsvError {
  line: number;
  code: string;
  message: string;
}

export interface UnitForCsv {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentCode: string | null;
  active: boolean;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export function unitsToCsv(units: readonly UnitForCsv[]): string {
  return toCsv(
    UNIT_CSV_HEADER,
    units.map((x) => [
      x.code,
      x.name,
      x.shortName,
      x.kind,
      x.parentCode,
      x.active ? '1' : '0',
      x.email,
      x.phone,
      x.address,
    ]),
  );
}

const CODE_RE = new RegExp(UNIT_CODE_PATTERN);
const TRUE_WORDS = new Set(['1', 'true', 'x', 'có', 'co', 'yes', 'hoạt động']);
const FALSE_WORDS = new Set(['0', 'false', '', 'không', 'khong', 'no', 'ngừng']);

/** Reads the units CSV: checks the header, every cell and duplicate codes. Pure; the caller applies rows. */
export function parseUnitsCsv(text: string): { rows: UnitCsvRow[]; errors: UnitCsvError[] } {
  const errors: UnitCsvError[] = [];
  let table: { line: number; cells: string[] }[];
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      return { rows: [], errors: [{ line: e.line, code: 'CSV_SYNTAX', message: e.message }] };
    throw e;
  }
  const head = table.shift();
  if (!head)
    return { rows: [], errors: [{ line: 1, code: 'CSV_EMPTY', message: 'Tệp CSV không có dữ liệu' }] };
  const cols = head.cells.map((c) => c.trim().toLowerCase());
  const idx = (name: string) => cols.indexOf(name);
  for (const required of ['code', 'name', 'kind']) {
    if (idx(required) < 0)
      errors.push({
        line: head.line,
        code: 'CSV_MISSING_COLUMN',
        message: `Thiếu cột bắt buộc "${required}"`,
      });
  }
  if (errors.length) return { rows: [], errors };
  const get = (cells: string[], name: string): string => {
    const i = idx(name);
    const v = i < 0 ? '' : cleanText(cells[i] ?? '');
    return v.startsWith("'") && /^'[=+\-@]/.test(v) ? v.slice(1) : v;
  };
  const rows: UnitCsvRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table) {
    const code = get(cells, 'code');
    const name = get(cells, 'name');
    const kind = get(cells, 'kind');
    const activeRaw = get(cells, 'active').toLowerCase();
    const err = (c: string, m: string) => errors.push({ line, code: c, message: m });
    if (!CODE_RE.test(code)) {
      err(
        'UNIT_CODE_INVALID',
        `Mã đơn vị "${code}" không hợp lệ (chữ, số, dấu chấm, gạch; tối đa ${LIMITS.unitCode} ký tự)`,
      );
      continue;
    }
    if (seen.has(code)) err('UNIT_CODE_DUPLICATE', `Mã "${code}" lặp lại (đã có ở dòng ${seen.get(code)})`);
    seen.set(code, line);
    if (!name || name.length > LIMITS.unitName)
      err('UNIT_NAME_INVALID', `Tên đơn vị trống hoặc dài quá ${LIMITS.unitName} ký tự`);
    if (!isUnitKind(kind)) err('UNIT_KIND_INVALID', `Loại đơn vị "${kind}" không có trong danh mục`);
    let active = true;
    if (idx('active') >= 0 && activeRaw !== '') {
      if (TRUE_WORDS.has(activeRaw)) active = true;
      else if (FALSE_WORDS.has(activeRaw)) active = false;
      else err('UNIT_ACTIVE_INVALID', `Giá trị "${activeRaw}" ở cột active không hợp lệ (1 hoặc 0)`);
    }
    const parentCode = get(cells, 'parent_code') || null;
    if (parentCode === code) err('UNIT_PARENT_SELF', 'Đơn vị không thể là đơn vị cấp trên của chính nó');
    rows.push({
      line,
      code,
      name,
      shortName: get(cells, 'short_name') || null,
      kind: kind as UnitKind,
      parentCode,
      active,
      email: get(cells, 'email') || null,
      phone: get(cells, 'phone') || null,
      address: get(cells, 'address') || null,
    });
  }
  return { rows, errors };
}
