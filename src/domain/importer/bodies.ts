/**
 * Matching the bodies a document names ("Ban Nội chính Thành ủy", "BCS Đảng UBND TP", "các sở,
 * ban, ngành") to the units directory: exactly, then ignoring case and diacritics, then through the
 * usual abbreviations, and collective phrases to every unit of a kind. Pure.
 */
import type { BodyMention, Span } from './types.js';
import { foldKeepOffsets } from './normalize.js';
import { NATIONAL_ROOT_CODE } from '../national-bodies.js';

export interface DirectoryUnit {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  active?: boolean;
  /** Other names (abbreviations, older spellings): matched like the name. */
  aliases?: string[];
  parentCode?: string | null;
  /** A former body: the code of the unit it went into. */
  successorCode?: string | null;
}

/** Abbreviations as written in documents, folded, and what they stand for. */
const ABBREVIATIONS: [string, string][] = [
  ['hdnd', 'hoi dong nhan dan'],
  ['hend', 'hoi dong nhan dan'], // a common OCR slip for HĐND
  ['ubnd', 'uy ban nhan dan'],
  ['mttq', 'mat tran to quoc'],
  ['ubmttq', 'uy ban mat tran to quoc'],
  ['bcs', 'ban can su'],
  ['btv', 'ban thuong vu'],
  ['vptu', 'van phong thanh uy'],
  ['ubkt', 'uy ban kiem tra'],
  ['tand', 'toa an nhan dan'],
  ['vksnd', 'vien kiem sat nhan dan'],
  ['thads', 'thi hanh an dan su'],
  ['ct-xh', 'chinh tri - xa hoi'],
  ['ctxh', 'chinh tri - xa hoi'],
  ['tw', 'trung uong'],
  ['ldld', 'lien doan lao dong'],
  ['hlhpn', 'hoi lien hiep phu nu'],
  ['ccb', 'cuu chien binh'],
  ['tp', 'thanh pho'],
  ['tp.', 'thanh pho'],
];

/** Words that do not distinguish one body from another in a Hanoi document. */
const FILLERS = ['thanh pho ha noi', 'thanh pho', 'ha noi', 'viet nam', 'thu do'];

/** Collective phrases (canonical) and the kinds of unit they stand for. */
const COLLECTIVES: [string, string[]][] = [
  ['cac to chuc chinh tri - xa hoi', ['mass_org']],
  ['to chuc chinh tri - xa hoi', ['mass_org']],
  ['doan the chinh tri - xa hoi', ['mass_org']],
  ['cac ban dang', ['party_board']],
  ['cac ban dang uy', ['party_board']],
  ['cac co quan tham muu cua thanh uy', ['party_board']],
  ['cac so ban nganh', ['department']],
  ['so ban nganh', ['department']],
  ['cac so nganh', ['department']],
  ['cac so', ['department']],
  ['cac cap uy dang truc thuoc', ['district']],
  ['cac cap uy truc thuoc', ['district']],
  ['cac quan huyen thi uy', ['district']],
  ['cac quan huyen thi xa', ['district']],
  ['quan huyen thi xa', ['district']],
  ['cac xa phuong', ['commune']],
  ['uy ban nhan dan cac xa phuong', ['commune']],
  ['uy ban nhan dan cac xa', ['commune']],
  ['uy ban nhan dan cac quan huyen thi xa', ['district']],
  ['cac xa phuong thi tran', ['commune']],
];

function words(folded: string): string[] {
  return folded
    .replace(/[.,;:()"“”'*_]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** The comparable form of a name: folded, abbreviations expanded, filler words removed. */
export function canonicalBody(s: string): string {
  let w = words(foldKeepOffsets(s)).map((t) => ABBREVIATIONS.find(([a]) => a === t)?.[1] ?? t);
  let c = ' ' + w.join(' ') + ' ';
  for (const f of FILLERS) c = c.split(` ${f} `).join(' ');
  w = c.trim().split(/\s+/).filter(Boolean);
  return w.join(' ').replace(/ - /g, ' - ');
}

/**
 * The strict form of a name, for the national bodies: folded (case, diacritics and old/new tone
 * placement: Hoà = Hòa, Uỷ = Ủy), split at every non-letter (so ' - ', '-', '–', '&' and ',' are
 * alike), short forms expanded (UBND, HĐND, TP, TW/TƯ/T.Ư, MTTQ); nothing else dropped, so
 * "Bảo hiểm xã hội Thành phố" stays apart from "Bảo hiểm xã hội Việt Nam".
 */
export function strictTokens(s: string): { t: string; start: number; end: number }[] {
  // "TƯ"/"T.Ư" (Trung ương) in capitals in mixed-case text only: folded it would be "tu" as in
  // "Tư pháp", and in a heading in capitals "BỘ TƯ PHÁP" it is.
  const capsWord = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
  const pre = s.replace(/(?<![\p{L}])T\.?Ư(?![\p{L}])/gu, (m, at: number) => {
    const before = s.slice(0, at).trimEnd().split(/\s+/).pop() ?? '';
    const after =
      s
        .slice(at + m.length)
        .trimStart()
        .split(/\s+/)[0] ?? '';
    if ((before && capsWord.test(before)) || (after && capsWord.test(after))) return m;
    return m.length === 3 ? 'T.W' : 'TW';
  });
  const folded = foldKeepOffsets(pre);
  const out: { t: string; start: number; end: number }[] = [];
  const re = /[a-z0-9]+(?:\.[a-z0-9]+)*/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const w = m[0] === 't.w' ? 'tw' : m[0];
    const parts = /^tp\.[a-z]/.test(w) ? ['tp', w.slice(3)] : w.split('.');
    for (const part of parts) {
      const exp = ABBREVIATIONS.find(([a]) => a === part)?.[1] ?? part;
      for (const t of exp.split(' ').filter((x) => x !== '-'))
        out.push({ t, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

const strictKey = (s: string) =>
  strictTokens(s)
    .map((x) => x.t)
    .join(' ');

/** Collective phrases naming national bodies, in strict form, and the kinds they stand for. */
const NATIONAL_COLLECTIVES: [string, string[]][] = [
  ['cac bo co quan ngang bo co quan thuoc chinh phu', ['ministry', 'government_agency']],
  ['bo co quan ngang bo co quan thuoc chinh phu', ['ministry', 'government_agency']],
  ['cac bo co quan ngang bo', ['ministry']],
  ['cac bo nganh', ['ministry', 'government_agency']],
  ['cac bo co quan', ['ministry', 'government_agency']],
  ['cac bo co quan dia phuong', ['ministry', 'government_agency', 'province']],
  ['cac bo nganh dia phuong', ['ministry', 'government_agency', 'province']],
  ['cac bo nganh trung uong va dia phuong', ['ministry', 'government_agency', 'province']],
  ['cac bo', ['ministry']],
  ['uy ban nhan dan cac tinh thanh pho truc thuoc trung uong', ['province']],
  ['uy ban nhan dan cac tinh thanh pho', ['province']],
  ['cac tinh thanh pho truc thuoc trung uong', ['province']],
  ['uy ban nhan dan cap tinh', ['province']],
];

/** After a national name, words that make it a local body's name ("Bảo hiểm xã hội tỉnh"). */
const LOCAL_TAIL_RE = /^\s*(?:tỉnh|thành phố|TP\b|khu vực|huyện|quận|thị xã|xã|phường|cấp)(?![\p{L}])/iu;

interface NationalPattern {
  tokens: string[];
  unit: DirectoryUnit | null;
  collective?: string[];
}

/**
 * The national bodies (units under the root "Trung ương"): names, aliases and, for a name ending
 * in "Việt Nam" (not the Front and mass organisations, which every province has too), the name
 * without it. A key two current units claim is dropped; a current unit wins over a former one.
 */
class NationalIndex {
  readonly byKey = new Map<string, DirectoryUnit>();
  private firstWords = new Map<string, NationalPattern[]>();

  constructor(units: DirectoryUnit[], codesOfKinds: (kinds: string[]) => string[]) {
    const claims = new Map<string, DirectoryUnit[]>();
    for (const u of units) {
      const names = [u.name, u.shortName, ...(u.aliases ?? [])].filter((x): x is string => !!x);
      const keys = new Set(names.map(strictKey).filter(Boolean));
      if (u.kind !== 'front' && u.kind !== 'mass_org')
        for (const k of [...keys]) if (/ viet nam$/.test(k)) keys.add(k.slice(0, -' viet nam'.length));
      for (const k of keys) claims.set(k, [...(claims.get(k) ?? []), u]);
    }
    for (const [k, us] of claims) {
      const active = us.filter((u) => u.active ?? true);
      const pick =
        active.length === 1 ? active[0] : active.length === 0 && us.length === 1 ? us[0] : undefined;
      if (!pick) continue;
      this.byKey.set(k, pick);
      this.add(k.split(' '), { tokens: k.split(' '), unit: pick });
    }
    for (const [k, kinds] of NATIONAL_COLLECTIVES)
      if (codesOfKinds(kinds).length)
        this.add(k.split(' '), { tokens: k.split(' '), unit: null, collective: kinds });
  }

  private add(tokens: string[], p: NationalPattern) {
    this.firstWords.set(tokens[0]!, [...(this.firstWords.get(tokens[0]!) ?? []), p]);
  }

  collective(key: string): string[] | null {
    return NATIONAL_COLLECTIVES.find(([k]) => k === key)?.[1] ?? null;
  }

  /** Every national body named in `text`: the longest name at each word, not followed by a local tail. */
  find(text: string): { start: number; end: number; unit: DirectoryUnit | null; collective?: string[] }[] {
    const toks = strictTokens(text);
    const out: { start: number; end: number; unit: DirectoryUnit | null; collective?: string[] }[] = [];
    let i = 0;
    while (i < toks.length) {
      let best: { len: number; p: NationalPattern } | null = null;
      for (const p of this.firstWords.get(toks[i]!.t) ?? []) {
        if (p.tokens.length <= (best?.len ?? 0)) continue;
        if (p.tokens.every((t, k) => toks[i + k]?.t === t)) best = { len: p.tokens.length, p };
      }
      if (best) {
        const start = toks[i]!.start;
        const end = toks[i + best.len - 1]!.end;
        if (best.p.unit && LOCAL_TAIL_RE.test(text.slice(end))) {
          i++;
          continue;
        }
        out.push({
          start,
          end,
          unit: best.p.unit,
          ...(best.p.collective ? { collective: best.p.collective } : {}),
        });
        // A token that stands for several ("UBND") spans one source word: skip all its parts.
        const last = i + best.len - 1;
        i = last + 1;
        while (i < toks.length && toks[i]!.start === toks[last]!.start) i++;
        continue;
      }
      i++;
    }
    return out;
  }
}

/** The codes of the units under the national root (by parent links). */
function nationalCodes(units: DirectoryUnit[]): Set<string> {
  const parentOf = new Map(units.map((u) => [u.code, u.parentCode ?? null]));
  const out = new Set<string>();
  for (const u of units) {
    let c: string | null = u.code;
    for (let depth = 0; c && depth < 32; depth++) {
      if (c === NATIONAL_ROOT_CODE) {
        out.add(u.code);
        break;
      }
      c = parentOf.get(c) ?? null;
    }
  }
  return out;
}

export class BodyMatcher {
  private byCanon = new Map<string, DirectoryUnit>();
  private byKind = new Map<string, string[]>();
  private firstWords = new Map<
    string,
    { tokens: string[]; unit: DirectoryUnit | null; collective?: string[] }[]
  >();

  private overrides: Map<string, string>;
  private national: NationalIndex;
  private nationalByKind = new Map<string, string[]>();
  private inactive = new Set<string>();
  /** Codes of the units under the national root "Trung ương". */
  readonly nationalCodes: Set<string>;

  constructor(
    readonly units: DirectoryUnit[],
    bodyMap: Record<string, string> = {},
  ) {
    this.overrides = new Map(Object.entries(bodyMap).map(([k, v]) => [bodyKey(k), v]));
    this.nationalCodes = nationalCodes(units);
    for (const u of units) if (!(u.active ?? true)) this.inactive.add(u.code);
    const local = units.filter((u) => !this.nationalCodes.has(u.code));
    // Active units first, so a current unit wins over a former one of the same name.
    const ordered = [...local].sort((a, b) => Number(b.active ?? true) - Number(a.active ?? true));
    for (const u of units) {
      if (!this.nationalCodes.has(u.code) || !(u.active ?? true)) continue;
      this.nationalByKind.set(u.kind, [...(this.nationalByKind.get(u.kind) ?? []), u.code]);
    }
    this.national = new NationalIndex(
      units.filter((u) => this.nationalCodes.has(u.code) && u.code !== NATIONAL_ROOT_CODE),
      (kinds) => this.nationalCodesOfKinds(kinds),
    );
    for (const u of ordered) {
      for (const v of [u.name, u.shortName, ...(u.aliases ?? [])].filter((x): x is string => !!x)) {
        const c = canonicalBody(v);
        if (c && !this.byCanon.has(c)) this.byCanon.set(c, u);
        this.addPattern(c, u);
      }
      const key = (u.active ?? true) ? u.kind : `${u.kind}:inactive`;
      this.byKind.set(key, [...(this.byKind.get(key) ?? []), u.code]);
    }
    for (const [c, kinds] of COLLECTIVES) this.addPattern(c, null, kinds);
  }

  private addPattern(canon: string, unit: DirectoryUnit | null, collective?: string[]) {
    const tokens = canon.split(' ').filter((t) => t !== '-');
    if (tokens.length === 0) return;
    const list = this.firstWords.get(tokens[0]!) ?? [];
    list.push({ tokens, unit, ...(collective ? { collective } : {}) });
    this.firstWords.set(tokens[0]!, list);
  }

  private codesOfKinds(kinds: string[]): string[] {
    // Active units of those kinds; former ones (e.g. the districts before 07/2025) when none is active.
    return kinds.flatMap((k) => this.byKind.get(k) ?? this.byKind.get(`${k}:inactive`) ?? []);
  }

  /** Current national units of those kinds (for "các bộ, cơ quan ngang bộ"). */
  private nationalCodesOfKinds(kinds: string[]): string[] {
    return kinds.flatMap((k) => this.nationalByKind.get(k) ?? []);
  }

  /** Matches a whole phrase naming one body (or a collective). */
  matchPhrase(text: string, span: Span): BodyMention {
    const raw = text.trim().replace(/^[-–+•*]\s*/, '');
    const manual = this.overrides.get(bodyKey(raw));
    if (manual !== undefined)
      return { text: raw, span, unitCodes: manual ? [manual] : [], match: manual ? 'manual' : 'none' };
    const sk = strictKey(raw);
    const nu = this.national.byKey.get(sk) ?? this.national.byKey.get(sk.replace(/^cac /, ''));
    // A former national body does not take a name a current local unit has.
    const localFirst = nu && !(nu.active ?? true) && this.byCanon.get(canonicalBody(raw))?.active !== false;
    if (nu && !(localFirst && this.byCanon.has(canonicalBody(raw)))) {
      const how: BodyMention['match'] =
        raw === nu.name ? 'exact' : bodyKey(raw) === bodyKey(nu.name) ? 'folded' : 'abbreviation';
      return { text: raw, span, unitCodes: [nu.code], match: how };
    }
    const nc = this.national.collective(sk);
    if (nc && this.nationalCodesOfKinds(nc).length)
      return { text: raw, span, unitCodes: this.nationalCodesOfKinds(nc), match: 'collective' };
    const c = canonicalBody(raw);
    const u = this.byCanon.get(c) ?? this.byCanon.get(c.replace(/^cac /, ''));
    if (u) {
      const how: BodyMention['match'] =
        raw === u.name || raw === u.shortName
          ? 'exact'
          : foldKeepOffsets(raw) === foldKeepOffsets(u.name) ||
              foldKeepOffsets(raw) === foldKeepOffsets(u.shortName ?? '')
            ? 'folded'
            : 'abbreviation';
      return { text: raw, span, unitCodes: [u.code], match: how };
    }
    const coll = COLLECTIVES.find(([p]) => p === c);
    if (coll) return { text: raw, span, unitCodes: this.codesOfKinds(coll[1]), match: 'collective' };
    return { text: raw, span, unitCodes: [], match: 'none' };
  }

  /**
   * Finds every body named in `text` (a slice of the source at `offset`): at each word, the longest
   * known name that starts there, in canonical form (so "BCS Đảng UBND TP" finds the unit).
   */
  findMentions(text: string, offset = 0): BodyMention[] {
    const local = this.findLocalMentions(text, offset);
    const national: BodyMention[] = this.national.find(text).map((n) => {
      const raw = text.slice(n.start, n.end);
      const span: Span = [offset + n.start, offset + n.end];
      const manual = this.overrides.get(bodyKey(raw));
      if (manual !== undefined)
        return { text: raw, span, unitCodes: manual ? [manual] : [], match: manual ? 'manual' : 'none' };
      if (n.unit) {
        const how: BodyMention['match'] =
          raw === n.unit.name ? 'exact' : bodyKey(raw) === bodyKey(n.unit.name) ? 'folded' : 'abbreviation';
        return { text: raw, span, unitCodes: [n.unit.code], match: how };
      }
      return { text: raw, span, unitCodes: this.nationalCodesOfKinds(n.collective!), match: 'collective' };
    });
    if (national.length === 0) return local;
    // Where a national and a local name overlap, the longer wins; the national one on a tie.
    const len = (m: BodyMention) => m.span[1] - m.span[0];
    const overlaps = (a: BodyMention, b: BodyMention) => a.span[0] < b.span[1] && b.span[0] < a.span[1];
    const former = (m: BodyMention) => m.unitCodes.length === 1 && this.inactive.has(m.unitCodes[0]!);
    const keptLocal = local.filter(
      (l) => !national.some((n) => overlaps(n, l) && (len(n) > len(l) || (len(n) === len(l) && !former(n)))),
    );
    const keptNational = national.filter((n) => !keptLocal.some((l) => overlaps(n, l)));
    return [...keptLocal, ...keptNational].sort((a, b) => a.span[0] - b.span[0]);
  }

  private findLocalMentions(text: string, offset: number): BodyMention[] {
    const folded = foldKeepOffsets(text);
    // Tokens with their source positions; abbreviations expand to several canonical tokens.
    const toks: { t: string; start: number; end: number }[] = [];
    const re = /[a-z0-9]+(?:[-.][a-z0-9]+)*\.?/g;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      let w = m[0];
      if (w.endsWith('.') && w !== 'tp.') w = w.slice(0, -1);
      const exp = ABBREVIATIONS.find(([a]) => a === w)?.[1];
      for (const t of (exp ?? w).split(' ').filter((x) => x !== '-'))
        toks.push({ t, start: m.index, end: m.index + m[0].length });
    }
    const out: BodyMention[] = [];
    let i = 0;
    while (i < toks.length) {
      let best: { len: number; unit: DirectoryUnit | null; collective?: string[] } | null = null;
      for (const p of this.firstWords.get(toks[i]!.t) ?? []) {
        // Allow filler words in the text between pattern tokens ("Ủy ban MTTQ Việt Nam Thành phố").
        let j = i;
        let k = 0;
        while (k < p.tokens.length && j < toks.length) {
          if (toks[j]!.t === p.tokens[k]) {
            j++;
            k++;
            continue;
          }
          const skip = skipFiller(toks, j);
          if (skip > 0 && k > 0) {
            j += skip;
            continue;
          }
          break;
        }
        if (k === p.tokens.length && (!best || j - i > best.len))
          best = { len: j - i, unit: p.unit, ...(p.collective ? { collective: p.collective } : {}) };
      }
      if (!best) {
        i++;
        continue;
      }
      let j = i + best.len;
      // Swallow a trailing "Thành phố", "Hà Nội", "TP", "Việt Nam".
      for (let s = skipFiller(toks, j); s > 0; s = skipFiller(toks, j)) j += s;
      const start = toks[i]!.start;
      const end = toks[j - 1]!.end;
      const raw = text.slice(start, end);
      const span: Span = [offset + start, offset + end];
      const manual = this.overrides.get(bodyKey(raw));
      if (manual !== undefined) {
        out.push({ text: raw, span, unitCodes: manual ? [manual] : [], match: manual ? 'manual' : 'none' });
      } else if (best.unit) {
        const m = this.matchPhrase(raw, span);
        out.push(
          m.match === 'none' ? { text: raw, span, unitCodes: [best.unit.code], match: 'abbreviation' } : m,
        );
      } else {
        out.push({ text: raw, span, unitCodes: this.codesOfKinds(best.collective!), match: 'collective' });
      }
      i = j;
    }
    return out;
  }
}

/** The key a manual match is stored under: the body's text folded. */
export function bodyKey(text: string): string {
  return foldKeepOffsets(text.trim()).replace(/\s+/g, ' ');
}

function skipFiller(toks: { t: string }[], j: number): number {
  for (const f of FILLERS) {
    const fw = f.split(' ');
    if (fw.every((w, n) => toks[j + n]?.t === w)) return fw.length;
  }
  return 0;
}
