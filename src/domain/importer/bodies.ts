/**
 * Matching the bodies a document names ("Ban Nội chính Thành ủy", "BCS Đảng UBND TP", "các sở,
 * ban, ngành") to the units directory: exactly, then ignoring case and diacritics, then through the
 * usual abbreviations, and collective phrases to every unit of a kind. Pure.
 */
import type { BodyMention, Span } from './types.js';
import { foldKeepOffsets } from './normalize.js';

export interface DirectoryUnit {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  active?: boolean;
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

export class BodyMatcher {
  private byCanon = new Map<string, DirectoryUnit>();
  private byKind = new Map<string, string[]>();
  private firstWords = new Map<
    string,
    { tokens: string[]; unit: DirectoryUnit | null; collective?: string[] }[]
  >();

  private overrides: Map<string, string>;

  constructor(
    readonly units: DirectoryUnit[],
    bodyMap: Record<string, string> = {},
  ) {
    this.overrides = new Map(Object.entries(bodyMap).map(([k, v]) => [bodyKey(k), v]));
    // Active units first, so a current unit wins over a former one of the same name.
    const ordered = [...units].sort((a, b) => Number(b.active ?? true) - Number(a.active ?? true));
    for (const u of ordered) {
      for (const v of [u.name, u.shortName].filter((x): x is string => !!x)) {
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

  /** Matches a whole phrase naming one body (or a collective). */
  matchPhrase(text: string, span: Span): BodyMention {
    const raw = text.trim().replace(/^[-–+•*]\s*/, '');
    const manual = this.overrides.get(bodyKey(raw));
    if (manual !== undefined)
      return { text: raw, span, unitCodes: manual ? [manual] : [], match: manual ? 'manual' : 'none' };
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
