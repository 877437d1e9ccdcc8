/**
 * The national directory (seed/national-bodies.txt): the 34 provinces and cities in force since
 * 07/2025 and the former ones, the ministries and ministerial-level agencies, the Government
 * agencies, the central Party bodies, the National Assembly and its bodies, the President, the
 * Supreme Court and Procuracy, the State Audit, the Fatherland Front and the mass organisations.
 * Parsed here, and turned into units under one root "Trung ương" so a task can be assigned to them
 * and the importer matches them wherever the deployment is. Pure.
 */
import { codeSlug } from './text.js';
import { LIMITS } from './limits.js';
import type { UnitKind, UnitSeed } from './units.js';

/** The day the former provinces ended: the 34 provinces' authorities began on 01/07/2025 (NQ 202/2025/QH15). */
export const PROVINCE_MERGER_DATE = '2025-07-01';
const FORMER_PROVINCE_PREFIX = 'TINH-CU-';

/** The day a unit of the directory ceased (ISO), when the directory knows it: the former provinces. */
export function unitEndedOn(code: string): string | null {
  return code.startsWith(FORMER_PROVINCE_PREFIX) ? PROVINCE_MERGER_DATE : null;
}

/** The root every national unit hangs under. */
export const NATIONAL_ROOT_CODE = 'TRUNG-UONG';
export const NATIONAL_ROOT_NAME = 'Trung ương';

/** Confidence mark of a row: [V] verified, [V-sec] secondary sources only, [B] background knowledge. */
export type Confidence = 'V' | 'V-sec' | 'B';

export interface NationalProvince {
  /** 2-digit NSO code (new code for section A, old code for section B). */
  code: string;
  type: 'tỉnh' | 'thành phố';
  name: string;
  active: boolean;
  /** A former province (section B): the new code of the unit it went into. */
  successorCode: string | null;
  /** The same entity as a current province (section B "continues"). */
  continues: boolean;
  /** Other ways documents write the province ("TP HCM", "Thừa Thiên Huế"). */
  aliases: string[];
  confidence: Confidence;
}

export interface NationalBody {
  /** "C1", "D2", "E5", "F3" … */
  section: string;
  name: string;
  /** The kind column as written ("bộ", "cơ quan ngang bộ", "ủy ban của Quốc hội" …). */
  kindText: string;
  status: string;
  active: boolean;
  abbreviations: string[];
  history: string;
  confidence: Confidence;
}

export interface NationalDirectory {
  provinces: NationalProvince[];
  formerProvinces: NationalProvince[];
  bodies: NationalBody[];
}

function confidenceOf(tag: string): Confidence {
  // The first tag of the cell wins ("[V] merger ; [V-sec] type" → V).
  const m = /\[(V-sec|V|B)\]/.exec(tag);
  return (m?.[1] as Confidence | undefined) ?? 'B';
}

/** Splits a " ; " list, dropping parenthesised notes and empty items. */
function list(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(/\s;\s/)
    .map((s) =>
      s
        .replace(/\([^)]*\)/g, '')
        .replace(/\[[^\]]*\]/g, '')
        .trim(),
    )
    .filter(Boolean);
}

/** Notes in the aliases column of sections A and B that are not names. */
const NOTE_WORDS =
  /\b(code|was|old|name|continues|spelling|official|lists|new|now|changed|not|see|until|from)\b/;

function provinceAliases(cell: string | undefined): string[] {
  return list(cell)
    .map((s) =>
      s
        .replace(/\s+\d{2}\/\d{2}\/\d{4}\s*-\s*\d{2}\/\d{2}\/\d{4}$/, '')
        .replace(/\s+from \d{2}\/\d{2}\/\d{4}$/, '')
        .trim(),
    )
    .filter((s) => !NOTE_WORDS.test(s) && /^\p{Lu}|^tỉnh |^thành phố /u.test(s));
}

/** Reads seed/national-bodies.txt (format and confidence tags in its header). */
export function parseNationalBodies(text: string): NationalDirectory {
  const out: NationalDirectory = { provinces: [], formerProvinces: [], bodies: [] };
  let section = '';
  for (const raw of text.normalize('NFC').split(/\r?\n/)) {
    const heading = /^#{2,3}\s+([A-Z]\d?)\./.exec(raw);
    if (heading) {
      section = heading[1]!;
      continue;
    }
    if (!raw.trim() || raw.startsWith('#')) continue;
    const f = raw.split('\t').map((s) => s.trim());
    if (section === 'A') {
      const [code, type, name, , , tag, notes] = f;
      if (!code || !name || (type !== 'tỉnh' && type !== 'thành phố')) continue;
      out.provinces.push({
        code,
        type,
        name,
        active: true,
        successorCode: null,
        continues: false,
        aliases: provinceAliases(notes),
        confidence: confidenceOf(tag ?? ''),
      });
    } else if (section === 'B') {
      const [code, type, name, status = '', wentInto = '', tag, notes] = f;
      if (!code || !name || (type !== 'tỉnh' && type !== 'thành phố')) continue;
      const continues = status === 'continues';
      out.formerProvinces.push({
        code,
        type,
        name,
        active: continues,
        successorCode: /^(\d{2})\b/.exec(wentInto)?.[1] ?? null,
        continues,
        aliases: provinceAliases(notes),
        confidence: confidenceOf(tag ?? ''),
      });
    } else if (/^[C-F]\d$/.test(section)) {
      const [name, kindText = '', status = '', abbr, , history = '', tag] = f;
      if (!name) continue;
      out.bodies.push({
        section,
        name,
        kindText,
        status,
        active: !/^(inactive|renamed|ended|believed ended)/.test(status),
        abbreviations: list(abbr),
        history,
        confidence: confidenceOf(tag ?? ''),
      });
    }
    // Section G lists patterns of a province's bodies, not bodies: the importer's proposals use them.
  }
  return out;
}

/** "Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân thành phố Hải Phòng". */
export function provinceUnitName(p: Pick<NationalProvince, 'type' | 'name'>): string {
  const type = p.name === 'Hồ Chí Minh' ? 'Thành phố' : p.type;
  return `Ủy ban nhân dân ${type} ${p.name}`;
}

/** The province a UBND unit's name is of: "Ủy ban nhân dân tỉnh Lào Cai" → "Lào Cai". */
export function provinceOfUnitName(name: string): string | null {
  return /^Ủy ban nhân dân (?:tỉnh|thành phố|Thành phố) (.+?)(?: \(trước [^)]*\))?$/u.exec(name)?.[1] ?? null;
}

function kindOf(b: NationalBody): UnitKind {
  const k = b.kindText.toLowerCase();
  switch (b.section[0]) {
    case 'C':
      if (b.section === 'C3') return 'department';
      return /^(bộ|cơ quan ngang bộ)/.test(k) ? 'ministry' : 'government_agency';
    case 'D':
      return 'government_agency';
    case 'E':
      return 'central_party';
    case 'F':
      if (b.section === 'F1' || b.section === 'F2') return 'national_assembly';
      if (b.section === 'F4') return /^mặt trận/.test(k) ? 'front' : 'mass_org';
      if (/^tòa án/.test(k)) return 'court';
      if (/^viện kiểm sát/.test(k)) return 'procuracy';
      return 'state_body';
  }
  return 'other';
}

/** Case and diacritics removed, for comparing names (Hoà = Hòa, Uỷ = Ủy). */
function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
}

/**
 * Short forms that, alone, name a body only in context: "MTTQ" is the city's Front in a Hanoi
 * document, "Trung ương" is not always the Central Committee, "BCT" is Bộ Công Thương or Bộ Chính trị.
 */
const CONTEXT_ALIASES = new Set(['mttq', 'trung uong', 'tw', 't.u', 'hnd', 'bct', 'ubkt', 'tld', 'qh']);

/** Aliases of a central body: its abbreviations and the other spellings its history names. */
function bodyAliases(b: NationalBody): string[] {
  const out = [...b.abbreviations];
  for (const m of b.history.matchAll(
    /(?:also written|is the organisation)\s*'([^']+)'|'([^']+)' is the organisation/g,
  ))
    out.push((m[1] ?? m[2])!);
  // "Trung ương Hội Nông dân Việt Nam" is also called by the organisation's name.
  const org = /^Trung ương (Hội .+|Đoàn .+)$/u.exec(b.name)?.[1];
  if (org) out.push(org);
  return [...new Set(out)].filter((a) => a !== b.name && !CONTEXT_ALIASES.has(foldName(a)));
}

export interface NationalUnitsOptions {
  /**
   * Provinces (new codes) the deployment has its own units for, e.g. ['01'] for Hanoi: no province
   * unit is made for them (the local "Ủy ban nhân dân Thành phố Hà Nội" stands for it).
   */
  home?: string[];
}

/**
 * The national bodies as units: the root "Trung ương"; a unit per current province (its UBND) and per
 * former province (inactive, with the new province it went into); the central bodies by section,
 * former ones inactive with their successor when the list names it; parents as the list says
 * ("cục thuộc Bộ Tài chính", "ủy ban của Quốc hội", the mass organisations under the Front).
 */
export function buildNationalUnits(text: string, opts: NationalUnitsOptions = {}): UnitSeed[] {
  const dir = parseNationalBodies(text);
  const home = new Set(opts.home ?? []);
  const out: UnitSeed[] = [
    {
      code: NATIONAL_ROOT_CODE,
      name: NATIONAL_ROOT_NAME,
      shortName: 'TW',
      kind: 'other',
      parentCode: null,
      active: true,
      aliases: [],
      successorCode: null,
    },
  ];
  const provinceCode = (code: string) => (home.has(code) ? null : `TINH-${code}`);
  for (const p of dir.provinces) {
    const code = provinceCode(p.code);
    if (!code) continue;
    const name = provinceUnitName(p);
    const aliases = p.aliases
      .filter((a) => foldName(a) !== foldName(p.name))
      .map((a) =>
        /^(TP|Thành phố|thành phố|tỉnh|Thủ đô)/u.test(a)
          ? `Ủy ban nhân dân ${a}`
          : `Ủy ban nhân dân ${/^Thừa Thiên/u.test(a) ? 'tỉnh' : p.type} ${a}`,
      );
    out.push({
      code,
      name,
      shortName: `UBND ${p.type} ${p.name}`,
      kind: 'province',
      parentCode: NATIONAL_ROOT_CODE,
      active: true,
      aliases: [...new Set(aliases)].filter((a) => a.toLowerCase() !== name.toLowerCase()),
      successorCode: null,
    });
  }
  const current = new Set(dir.provinces.map((p) => p.name));
  for (const p of dir.formerProvinces) {
    if (p.continues) continue; // the same entity as the current province
    const continuesName = current.has(p.name);
    const name = provinceUnitName(p) + (continuesName ? ' (trước 01/7/2025)' : '');
    out.push({
      code: `${FORMER_PROVINCE_PREFIX}${p.code}`,
      name,
      shortName: continuesName ? null : `UBND ${p.type} ${p.name}`,
      kind: 'province',
      parentCode: NATIONAL_ROOT_CODE,
      active: false,
      aliases: continuesName
        ? []
        : p.aliases
            .filter((a) => !/^(TP|tỉnh|thành phố)/u.test(a) && foldName(a) !== foldName(p.name))
            .map((a) => `Ủy ban nhân dân ${p.type} ${a}`),
      successorCode: p.successorCode ? provinceCode(p.successorCode) : null,
    });
  }
  // Central bodies: codes from their names, unique.
  const used = new Set(out.map((u) => u.code));
  const codeOf = new Map<NationalBody, string>();
  for (const b of dir.bodies) {
    const base = `TW-${codeSlug(b.name)}`.slice(0, LIMITS.unitCode).replace(/-+$/, '');
    let code = base;
    for (let n = 2; used.has(code); n++) code = `${base.slice(0, LIMITS.unitCode - 3)}-${n}`;
    used.add(code);
    codeOf.set(b, code);
  }
  // A name or abbreviation → the body, to resolve parents and successors written in the list.
  const fold = foldName;
  const named: [string, NationalBody][] = dir.bodies
    .flatMap((b) => [b.name, ...b.abbreviations].map((n): [string, NationalBody] => [fold(n), b]))
    .sort((x, y) => y[0].length - x[0].length);
  /** The body whose name (or abbreviation) `s` starts with, longest first. */
  const startsWithBody = (s: string, self: NationalBody): NationalBody | null => {
    const f = fold(s.trim());
    return (
      named.find(([n, b]) => b !== self && f.startsWith(n) && !/^[a-z0-9]/.test(f.slice(n.length)))?.[1] ??
      null
    );
  };
  for (const b of dir.bodies) {
    let parent: NationalBody | null = null;
    const under = /(?:thuộc|của)\s+(.+)$/u.exec(b.kindText)?.[1];
    if (under && !/Chính phủ/u.test(under)) parent = startsWithBody(under, b);
    const moved = /^moved (?:under|into)\s+(.+)$/.exec(b.status)?.[1];
    if (moved) parent = startsWithBody(moved, b);
    if (!parent && b.section === 'F4' && /under MTTQ/.test(b.status))
      parent = dir.bodies.find((x) => x.section === 'F4' && kindOf(x) === 'front') ?? null;
    if (!parent && (b.section === 'F1' || b.section === 'F2') && b.name !== 'Quốc hội')
      parent = dir.bodies.find((x) => x.name === 'Quốc hội') ?? null;
    let successor: NationalBody | null = null;
    if (!b.active) {
      const m = /(?:merged into|into|became|renamed|replaced by|moved to)\s+(.+)$/.exec(b.history);
      if (m) successor = startsWithBody(m[1]!, b);
    }
    const aliases = bodyAliases(b);
    out.push({
      code: codeOf.get(b)!,
      name: b.name,
      shortName:
        aliases.find((a) => a.length <= 40 && a.startsWith(b.name.split(' ')[0]! + ' ')) ??
        aliases.find((a) => a.length <= 40 && !/\s/.test(a)) ??
        null,
      kind: kindOf(b),
      parentCode: parent ? codeOf.get(parent)! : NATIONAL_ROOT_CODE,
      active: b.active,
      aliases,
      successorCode: successor ? codeOf.get(successor)! : null,
    });
  }
  return out;
}
