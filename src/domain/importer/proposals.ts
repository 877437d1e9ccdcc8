/**
 * After the bodies of a document are matched: the document's scope (a province, a central body, or
 * the deployment's own city), bodies of the deployment's own city set aside when the document is
 * another's ("Sở Tư pháp" in a Lào Cai plan is not Hanoi's), former bodies pointed to their
 * successor, and every body still unmatched proposed as a new unit with its kind and parent guessed
 * from its name ("Sở Xây dựng tỉnh X" → a department under UBND tỉnh X), name variants of one body
 * flagged. Pure.
 */
import type { BodyMention, ParsedDocument, ProposedUnit, Responsibility, Task, Warning } from './types.js';
import { BodyMatcher, bodyKey, type DirectoryUnit } from './bodies.js';
import { foldKeepOffsets } from './normalize.js';
import { provinceOfUnitName, unitEndedOn } from '../national-bodies.js';
import type { UnitKind } from '../units.js';

export type { ProposedUnit };

/** Where a document comes from, for reading the bodies it names. */
export type DocScope =
  | { kind: 'province'; province: string; type: 'tỉnh' | 'thành phố'; unit: DirectoryUnit }
  | { kind: 'central'; unit: DirectoryUnit | null }
  | { kind: 'home'; unit: DirectoryUnit | null };

const fold = (s: string) => foldKeepOffsets(s).replace(/\s+/g, ' ').trim();

/** The document's scope from its issuer ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "BỘ TƯ PHÁP", "CHÍNH PHỦ"). */
export function docScope(
  program: Pick<ParsedDocument['program'], 'issuer' | 'parentIssuer'>,
  matcher: BodyMatcher,
): DocScope {
  const home = homeUnit(matcher);
  const national = (u: DirectoryUnit) => matcher.nationalCodes.has(u.code);
  for (const text of [program.issuer, program.parentIssuer]) {
    if (!text) continue;
    const m = matcher.matchPhrase(text, [0, 0]);
    const u = m.unitCodes.length === 1 ? matcher.units.find((x) => x.code === m.unitCodes[0]) : undefined;
    if (u && national(u)) {
      const province = u.kind === 'province' ? provinceOfUnitName(u.name) : null;
      if (province && (u.active ?? true))
        return {
          kind: 'province',
          province,
          type: /thành phố/i.test(u.name) ? 'thành phố' : 'tỉnh',
          unit: u,
        };
      if (u.kind !== 'province') return { kind: 'central', unit: u };
    }
    if (u) return { kind: 'home', unit: home };
    // "TỈNH ỦY LÀO CAI", "HĐND TỈNH LÂM ĐỒNG": the province named in the issuer.
    const f = fold(text);
    for (const p of matcher.units.filter((x) => x.kind === 'province' && (x.active ?? true) && national(x))) {
      const name = provinceOfUnitName(p.name);
      if (name && new RegExp(`(^|\\s)${fold(name)}$`).test(f))
        return {
          kind: 'province',
          province: name,
          type: /thành phố/i.test(p.name) ? 'thành phố' : 'tỉnh',
          unit: p,
        };
    }
    if (/^(chinh phu|thu tuong chinh phu|quoc hoi|ban chap hanh trung uong|bo chinh tri|ban bi thu)/.test(f))
      return { kind: 'central', unit: null };
  }
  return { kind: 'home', unit: home };
}

/** The deployment's own top government unit (Hanoi's UBND): a local people's committee without parent. */
function homeUnit(matcher: BodyMatcher): DirectoryUnit | null {
  return (
    matcher.units.find(
      (u) => u.kind === 'people_committee' && !u.parentCode && !matcher.nationalCodes.has(u.code),
    ) ?? null
  );
}

const PLACE_RE = /\s(tỉnh|thành phố|TP\.?)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)$/u;

interface Guess {
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  parentName: string | null;
}

/**
 * The kind and parent of an unknown body, from its name and the document's scope: "Sở X tỉnh Y" →
 * department under UBND tỉnh Y; "Sở X" in a province's plan → under that province's UBND, named
 * "Sở X tỉnh Y"; "Cục X thuộc Bộ Y" → under Bộ Y, "Cục X" in a ministry's plan → under the ministry;
 * "Công an tỉnh" → police under Bộ Công an; "Thuế tỉnh" → under Cục Thuế …
 */
export function guessUnit(text: string, scope: DocScope, matcher: BodyMatcher): Guess {
  let name = text.replace(/\s+/g, ' ').trim();
  const byName = (n: string): DirectoryUnit | null => {
    const m = matcher.matchPhrase(n, [0, 0]);
    return m.unitCodes.length === 1 ? (matcher.units.find((u) => u.code === m.unitCodes[0]) ?? null) : null;
  };
  const ref = (u: DirectoryUnit | null, fallback: string | null = null) => ({
    parentCode: u?.code ?? null,
    parentName: u?.name ?? fallback,
  });
  // The province the body belongs to: named in it, or the document's.
  const place = PLACE_RE.exec(name);
  let provinceUnit: DirectoryUnit | null = null;
  let provinceLabel: string | null = null;
  if (place) {
    provinceUnit = byName(`Ủy ban nhân dân ${place[1] === 'tỉnh' ? 'tỉnh' : 'thành phố'} ${place[2]}`);
    provinceLabel = `${place[1]} ${place[2]}`;
  } else if (scope.kind === 'province') {
    provinceUnit = scope.unit;
    provinceLabel = `${scope.type} ${scope.province}`;
    // "Thanh tra tỉnh" → "Thanh tra tỉnh Lào Cai"; "Sở Tư pháp" → "Sở Tư pháp tỉnh Lào Cai".
    if (/\s(tỉnh|thành phố)$/u.test(name)) name = `${name} ${scope.province}`;
    else if (/^(Sở|Công an|Thuế|Thanh tra|Văn phòng (UBND|Ủy ban nhân dân))\s/u.test(name))
      name = `${name} ${provinceLabel}`;
  }
  const local = provinceUnit ?? (scope.kind === 'home' ? scope.unit : null);
  const issuer = scope.unit;
  const named = (re: RegExp) => {
    const m = re.exec(text);
    return m ? byName(m[1]!) : null;
  };
  const inMinistry = named(/(?:thuộc|,|-|–)\s*(Bộ\s.+)$/u);

  const rules: [RegExp, () => Omit<Guess, 'name'>][] = [
    [
      /^Sở\s/u,
      () => ({ kind: 'department', ...ref(local, provinceLabel && `Ủy ban nhân dân ${provinceLabel}`) }),
    ],
    [/^(Thanh tra|Văn phòng (UBND|Ủy ban nhân dân))\s/u, () => ({ kind: 'department', ...ref(local) })],
    [/^Công an\s/u, () => ({ kind: 'police', ...ref(byName('Bộ Công an'), 'Bộ Công an') })],
    [
      /^(Bộ Chỉ huy|Bộ đội Biên phòng)/u,
      () => ({ kind: 'other', ...ref(byName('Bộ Quốc phòng'), 'Bộ Quốc phòng') }),
    ],
    [/^Thuế\s/u, () => ({ kind: 'other', ...ref(byName('Cục Thuế') ?? byName('Bộ Tài chính'), 'Cục Thuế') })],
    [/^Kho bạc/u, () => ({ kind: 'other', ...ref(byName('Bộ Tài chính'), 'Bộ Tài chính') })],
    [/^Bảo hiểm xã hội\s/u, () => ({ kind: 'other', ...ref(byName('Bảo hiểm xã hội Việt Nam')) })],
    [/^Thống kê\s/u, () => ({ kind: 'other', ...ref(byName('Cục Thống kê')) })],
    [/^Tòa án/u, () => ({ kind: 'court', ...ref(byName('Tòa án nhân dân tối cao')) })],
    [/^Viện [Kk]iểm sát/u, () => ({ kind: 'procuracy', ...ref(byName('Viện kiểm sát nhân dân tối cao')) })],
    [/^(Ủy ban nhân dân|UBND)\s(các\s)?(xã|phường|đặc khu)/u, () => ({ kind: 'commune', ...ref(local) })],
    [/^(Ủy ban nhân dân|UBND)\s(huyện|quận|thị xã)/u, () => ({ kind: 'district', ...ref(local) })],
    [/^(Hội đồng nhân dân|HĐND)\s/u, () => ({ kind: 'people_council', ...ref(null) })],
    [
      /^(Tỉnh ủy|Thành ủy)/u,
      () => ({ kind: 'party_committee', ...ref(byName('Ban Chấp hành Trung ương Đảng')) }),
    ],
    [
      /^(Ban|Ủy ban [Kk]iểm tra|Văn phòng)\s.*(Tỉnh ủy|Thành ủy)$/u,
      () => ({
        kind: 'party_board',
        ...ref(
          null,
          provinceLabel
            ? `${/thành phố/.test(provinceLabel) ? 'Thành ủy' : 'Tỉnh ủy'} ${provinceLabel.replace(/^(tỉnh|thành phố) /, '')}`
            : null,
        ),
      }),
    ],
    [/^(Đảng ủy|Đảng đoàn|Ban cán sự)/u, () => ({ kind: 'party_committee', ...ref(issuer ?? local) })],
    [
      /^(Ủy ban (MTTQ|Mặt trận)|MTTQ|Mặt trận)/u,
      () => ({ kind: 'front', ...ref(byName('Mặt trận Tổ quốc Việt Nam')) }),
    ],
    [
      /^(Liên đoàn Lao động|Hội\s|Tỉnh đoàn|Thành đoàn|Đoàn\s)/u,
      () => ({ kind: 'mass_org', ...ref(byName('Mặt trận Tổ quốc Việt Nam')) }),
    ],
    [
      /^(Cục|Tổng cục|Vụ|Văn phòng Bộ|Thanh tra Bộ)(\s|$)/u,
      () => ({ kind: 'department', ...ref(inMinistry ?? (scope.kind === 'central' ? issuer : null)) }),
    ],
    [/^Chi cục\s/u, () => ({ kind: 'other', ...ref(named(/thuộc\s+(.+)$/u) ?? issuer ?? local) })],
    [/^(Viện|Học viện|Trường)\s/u, () => ({ kind: 'other', ...ref(inMinistry ?? issuer ?? local) })],
    [/^(Trung tâm|Ban Quản lý|Phòng)\s/u, () => ({ kind: 'other', ...ref(issuer ?? local) })],
  ];
  const rule = rules.find(([re]) => re.test(name));
  const g = rule ? rule[1]() : { kind: 'other' as const, ...ref(issuer ?? local) };
  return { name, ...g };
}

/** Content words of a name, folded; "và" and a repeated head word ("Cục … và Cục …") left out. */
function nameWords(s: string): string[] {
  return fold(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && w !== 'va');
}

/** "Nông nghiệp và Môi trường" → "nnmt"; "NN&MT" → "nnmt". */
function initials(words: string[]): string {
  return words.map((w) => w[0]).join('');
}

/** Two names that are probably one body: same head word and the same words, initials, or nearly so. */
export function likelySameBody(a: string, b: string): boolean {
  // The same place on both ("… tỉnh Lào Cai") says nothing about the body.
  const pa = PLACE_RE.exec(a);
  const pb = PLACE_RE.exec(b);
  if (pa && pb && fold(pa[0]) === fold(pb[0])) {
    a = a.slice(0, pa.index);
    b = b.slice(0, pb.index);
  }
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (!wa.length || !wb.length || wa[0] !== wb[0]) return false;
  const sa = new Set(wa);
  const sb = new Set(wb);
  const inter = [...sa].filter((w) => sb.has(w)).length;
  const union = new Set([...sa, ...sb]).size;
  if (inter === union) return true;
  // One side written in initials: "Sở NN&MT" / "Sở Nông nghiệp và Môi trường".
  const [ra, rb] = [wa.slice(1), wb.slice(1)];
  const abbr = (r: string[]) => r.length <= 2 && r.every((w) => w.length <= 4);
  if (abbr(ra) && !abbr(rb) && ra.join('') === initials(rb)) return true;
  if (abbr(rb) && !abbr(ra) && rb.join('') === initials(ra)) return true;
  return Math.min(sa.size, sb.size) >= 4 && inter / union >= 0.8;
}

/** Texts that name no single body to create: collectives, persons, fragments. */
function proposable(text: string): boolean {
  const t = text.trim();
  // Collectives ("UBND các xã, phường", "Ủy ban nhân dân cấp tỉnh"), generic and "có liên quan" lists.
  if (/^(các|những)\s|^(Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+(các|cấp|cùng)\s/iu.test(t))
    return false;
  if (
    /liên quan|các cấp|cùng cấp|,\s*(cơ quan|đơn vị|tổ chức|cơ sở)\b|^(Cơ quan|Đơn vị|Cơ sở)[\s,]/iu.test(t)
  )
    return false;
  // A clause the list splitter left whole ("Bộ Tài chính phối hợp với …").
  if (/\s(phối hợp|chủ động|lãnh đạo|chỉ đạo|thực hiện|tham mưu)(\s|,|$)/u.test(t)) return false;
  if (/^(Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Trưởng|Thủ tướng|Chính phủ)(\s|$)/u.test(t)) return false;
  return t.split(/\s+/).length <= 14 && /^\p{Lu}/u.test(t);
}

export interface FinishOptions {
  units?: DirectoryUnit[];
  bodyMap?: Record<string, string>;
}

/**
 * The last step of reading (and of every re-derivation): sets aside local matches in another
 * province's or a central document, warns of former bodies, proposes units for the unmatched bodies
 * and flags name variants. Returns the document with `proposedUnits` and these warnings.
 */
export function finishBodies<D extends Omit<ParsedDocument, 'proposedUnits'>>(
  doc: D,
  opts: FinishOptions = {},
): D & Pick<ParsedDocument, 'proposedUnits'> {
  const matcher = new BodyMatcher(opts.units ?? [], opts.bodyMap);
  const hasNational = matcher.nationalCodes.size > 0;
  const scope: DocScope = hasNational ? docScope(doc.program, matcher) : { kind: 'home', unit: null };
  const byCode = new Map(matcher.units.map((u) => [u.code, u]));
  const warnings: Warning[] = [];
  const memo = new Map<BodyMention, BodyMention>();
  const unmatched: { m: BodyMention; nodeId: string }[] = [];
  const seen = new Set<string>();
  /** Unmatched mentions the completed name matched: their warnings go. */
  const resolved = new Set<string>();

  const fix = (m: BodyMention, nodeId: string): BodyMention => {
    const done = memo.get(m);
    if (done) return done;
    let out = m;
    const allLocal = m.unitCodes.length > 0 && m.unitCodes.every((c) => !matcher.nationalCodes.has(c));
    if (scope.kind !== 'home' && m.match !== 'manual' && m.match !== 'none' && allLocal) {
      // Not the deployment's own body: the province's one if the directory has it, else unmatched.
      const completed = scope.kind === 'province' ? guessUnit(m.text, scope, matcher).name : m.text;
      const again = completed !== m.text ? matcher.matchPhrase(completed, m.span) : null;
      if (again && again.match !== 'none' && again.unitCodes.every((c) => matcher.nationalCodes.has(c)))
        out = { ...again, text: m.text, match: 'abbreviation' };
      else if (m.match === 'collective') out = { ...m, unitCodes: [] };
      else {
        out = { ...m, unitCodes: [], match: 'none' };
        warnings.push({
          code: 'BODY_UNMATCHED',
          message: `Chưa khớp "${m.text}" với danh mục đơn vị (đề xuất thêm đơn vị mới)`,
          span: m.span,
          nodeId,
        });
      }
    }
    if (out.match === 'none' && scope.kind === 'province' && !opts.bodyMap?.[bodyKey(m.text)]) {
      // "Thanh tra tỉnh" in a Lào Cai plan: "Thanh tra tỉnh Lào Cai", once the directory has it.
      const completed = guessUnit(m.text, scope, matcher).name;
      const again = completed !== m.text ? matcher.matchPhrase(completed, m.span) : null;
      if (again && again.match !== 'none') {
        out = { ...again, text: m.text, match: 'abbreviation' };
        resolved.add(`${m.span[0]}:${m.span[1]}:"${m.text}"`);
      }
    }
    const key = `${out.span[0]}:${out.span[1]}:${out.text}`;
    if (!seen.has(key)) {
      seen.add(key);
      if (out.match === 'none') unmatched.push({ m: out, nodeId });
      const u = out.unitCodes.length === 1 ? byCode.get(out.unitCodes[0]!) : undefined;
      const next = u && !(u.active ?? true) && u.successorCode ? byCode.get(u.successorCode) : undefined;
      // A former province named in a document dated before it ended was the body then: no warning.
      const ended = u ? unitEndedOn(u.code) : null;
      const inForceThen = !!(ended && doc.program.date && doc.program.date < ended);
      if (u && next && !inForceThen)
        warnings.push({
          code: 'BODY_FORMER',
          message: `"${out.text}" là cơ quan trước đây (${u.name}); nay là ${next.name}: kiểm tra cơ quan được giao`,
          span: out.span,
          nodeId,
        });
    }
    memo.set(m, out);
    return out;
  };
  const tasks: Task[] = doc.tasks.map((t) => {
    const leads = t.leads.map((m) => fix(m, t.nodeId));
    return {
      ...t,
      leads,
      lead: t.lead ? fix(t.lead, t.nodeId) : null,
      cooperating: t.cooperating.map((m) => fix(m, t.nodeId)),
    };
  });
  const responsibilities: Responsibility[] = doc.responsibilities.map((r) => ({
    ...r,
    bodies: r.bodies.map((m) => fix(m, r.nodeId)),
    lead: r.lead ? fix(r.lead, r.nodeId) : null,
    cooperating: r.cooperating.map((m) => fix(m, r.nodeId)),
  }));

  // One proposal per body (texts equal once folded), in document order.
  const groups = new Map<string, { texts: Set<string>; count: number; first: BodyMention; nodeId: string }>();
  for (const { m, nodeId } of unmatched.sort((a, b) => a.m.span[0] - b.m.span[0])) {
    const text = m.text
      .replace(/[\s,;.)]+$/u, '')
      .replace(/^\(/, '')
      .trim();
    if (!proposable(text)) continue;
    const key = bodyKey(guessUnit(text, scope, matcher).name);
    const g = groups.get(key) ?? { texts: new Set<string>(), count: 0, first: m, nodeId };
    g.texts.add(m.text);
    g.count++;
    groups.set(key, g);
  }
  const proposedUnits: ProposedUnit[] = [];
  for (const g of groups.values()) {
    const text = g.first.text
      .replace(/[\s,;.)]+$/u, '')
      .replace(/^\(/, '')
      .trim();
    const guess = guessUnit(text, scope, matcher);
    const variant = proposedUnits.find((p) => likelySameBody(p.name, guess.name));
    proposedUnits.push({
      ...guess,
      mentions: g.count,
      texts: [...g.texts],
      variantOf: variant?.name ?? null,
    });
    if (variant)
      warnings.push({
        code: 'BODY_VARIANT',
        message: `"${guess.name}" và "${variant.name}" có thể là cùng một cơ quan: kiểm tra, ghép vào một đơn vị nếu đúng`,
        span: g.first.span,
        nodeId: g.nodeId,
      });
  }
  return {
    ...doc,
    tasks,
    responsibilities,
    proposedUnits,
    warnings: [
      ...doc.warnings.filter(
        (w) =>
          w.code !== 'BODY_UNMATCHED' ||
          !resolved.has(`${w.span[0]}:${w.span[1]}:"${/"(.*)"/.exec(w.message)?.[1] ?? ''}"`),
      ),
      ...warnings,
    ].sort((x, y) => x.span[0] - y.span[0]),
  };
}
