/**
 * Word (.docx) → plain text for the importer.
 *
 * Pure: takes the bytes of the file, returns the text the text parser understands. One line per
 * paragraph, paragraphs separated by a blank line; Word auto-numbering is rendered as its visible label
 * ("1.", "a)", "II.", "- " for bullets); a table row becomes one line of cells joined by " | ".
 * Headers, footers, comments, text boxes, deleted text and field codes are left out; footnotes follow the
 * text, one per line ("[1] …"), their markers in the text left out.
 */
import { readZip, ZipError } from './zip.js';

// ---------------------------------------------------------------------------------------------------
// A small XML reader: elements, attributes, text. Enough for OOXML parts (no DTDs, no external entities).

export interface XmlElement {
  /** Qualified name with the canonical prefix for known namespaces ("w:p", "mc:Choice"), else as written. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NS_PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
};

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; anything else is kept as written. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const hex = body[1] === 'x' || body[1] === 'X';
      const cp = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      if (!Number.isFinite(cp) || cp < 1 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return whole;
      return String.fromCodePoint(cp);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Splits "w:val" into its namespace-resolved canonical form using the in-scope prefix map. */
function canonicalName(qname: string, ns: Map<string, string>, isAttr: boolean): string {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  if (prefix === 'xmlns' || prefix === 'xml' || qname === 'xmlns') return qname;
  if (colon < 0 && isAttr) return qname; // unprefixed attributes have no namespace
  const uri = ns.get(prefix);
  const canon = uri === undefined ? undefined : NS_PREFIX[uri];
  if (canon === undefined) return qname;
  return `${canon}:${colon < 0 ? qname : qname.slice(colon + 1)}`;
}

/**
 * Parses an XML document into a tree rooted at a synthetic "#document" element. Lenient: unknown
 * declarations are skipped, mismatched end tags close up to the nearest matching open element (or are
 * ignored), unclosed elements are closed at the end. Whitespace outside the root element is dropped.
 */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: { el: XmlElement; raw: string; ns: Map<string, string> }[] = [
    { el: root, raw: '#document', ns: new Map() },
  ];
  const len = xml.length;
  let i = 0;
  const pushText = (text: string) => {
    if (text === '') return;
    const top = stack[stack.length - 1]!.el;
    const last = top.children[top.children.length - 1];
    if (typeof last === 'string') top.children[top.children.length - 1] = last + text;
    else top.children.push(text);
  };
  while (i < len) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      const rest = xml.slice(i);
      if (rest.trim() !== '') pushText(decodeXmlEntities(rest));
      break;
    }
    if (lt > i) {
      const text = xml.slice(i, lt);
      if (text.trim() !== '' || stack.length > 1) pushText(decodeXmlEntities(text));
    }
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      i = end < 0 ? len : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      pushText(xml.slice(i + 9, end < 0 ? len : end));
      i = end < 0 ? len : end + 3;
      continue;
    }
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      i = end < 0 ? len : end + 2;
      continue;
    }
    if (xml.startsWith('<!', i)) {
      // DOCTYPE and friends: skip, including an internal subset in brackets.
      let j = i + 2;
      let depth = 0;
      while (j < len) {
        const c = xml[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
        j++;
      }
      i = j + 1;
      continue;
    }
    if (xml[i + 1] === '/') {
      const end = xml.indexOf('>', i + 2);
      const raw = xml.slice(i + 2, end < 0 ? len : end).trim();
      i = end < 0 ? len : end + 1;
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k]!.raw === raw) {
          stack.length = k;
          break;
        }
      }
      continue;
    }
    // Start tag.
    let j = i + 1;
    while (j < len && !isSpace(xml.charCodeAt(j)) && xml[j] !== '>' && xml[j] !== '/') j++;
    const raw = xml.slice(i + 1, j);
    const rawAttrs: [string, string][] = [];
    let selfClosing = false;
    while (j < len) {
      while (j < len && isSpace(xml.charCodeAt(j))) j++;
      if (j >= len) break;
      const c = xml[j];
      if (c === '>') {
        j++;
        break;
      }
      if (c === '/') {
        if (xml[j + 1] === '>') {
          selfClosing = true;
          j += 2;
          break;
        }
        j++;
        continue;
      }
      const nameStart = j;
      while (j < len && !isSpace(xml.charCodeAt(j)) && xml[j] !== '=' && xml[j] !== '>' && xml[j] !== '/')
        j++;
      const attrName = xml.slice(nameStart, j);
      while (j < len && isSpace(xml.charCodeAt(j))) j++;
      let value = '';
      if (xml[j] === '=') {
        j++;
        while (j < len && isSpace(xml.charCodeAt(j))) j++;
        const q = xml[j];
        if (q === '"' || q === "'") {
          const end = xml.indexOf(q, j + 1);
          value = xml.slice(j + 1, end < 0 ? len : end);
          j = end < 0 ? len : end + 1;
        } else {
          const vs = j;
          while (j < len && !isSpace(xml.charCodeAt(j)) && xml[j] !== '>') j++;
          value = xml.slice(vs, j);
        }
      }
      if (attrName !== '') rawAttrs.push([attrName, decodeXmlEntities(value)]);
    }
    i = j;
    const parent = stack[stack.length - 1]!;
    let ns = parent.ns;
    for (const [name, value] of rawAttrs) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (ns === parent.ns) ns = new Map(parent.ns);
        ns.set(name === 'xmlns' ? '' : name.slice(6), value);
      }
    }
    const attrs: Record<string, string> = {};
    for (const [name, value] of rawAttrs) attrs[canonicalName(name, ns, true)] = value;
    const el: XmlElement = { name: canonicalName(raw, ns, false), attrs, children: [] };
    parent.el.children.push(el);
    if (!selfClosing) stack.push({ el, raw, ns });
  }
  return root;
}

function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** A WordprocessingML attribute: "w:val", or leniently the unprefixed form. */
function wAttr(el: XmlElement | undefined, local: string): string | undefined {
  if (!el) return undefined;
  return el.attrs[`w:${local}`] ?? el.attrs[local];
}

function intAttr(el: XmlElement | undefined, local = 'val'): number | undefined {
  const v = wAttr(el, local);
  if (v === undefined) return undefined;
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** A boolean property such as <w:caps/>, <w:vanish w:val="false"/>. */
function onOff(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = wAttr(el, 'val');
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

// ---------------------------------------------------------------------------------------------------
// Numbering.

/** Vietnamese alphabet order used for lettered items (điểm a, b, c, d, đ, e …). */
const VI_LETTERS = [...'abcdđeghiklmnopqrstuvxy'];

interface Level {
  start: number;
  format: string;
  text: string;
  /** w:lvlRestart; undefined = restart after any higher level. */
  restart: number | undefined;
  isLgl: boolean;
  pStyle: string | undefined;
}

interface AbstractNum {
  id: string;
  levels: Map<number, Level>;
  numStyleLink: string | undefined;
}

interface NumInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

interface StyleNum {
  numId: string | undefined;
  ilvl: number | undefined;
}

interface Style {
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
}

function toRoman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ]; // prettier-ignore
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function viLetter(n: number): string {
  if (n <= 0) return String(n);
  const letter = VI_LETTERS[(n - 1) % VI_LETTERS.length]!;
  return letter.repeat(Math.floor((n - 1) / VI_LETTERS.length) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return viLetter(n);
    case 'upperLetter':
      return viLetter(n).toLocaleUpperCase('vi');
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperRoman':
      return toRoman(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      // decimal, and formats we do not render specially (ordinal, cardinalText, enclosed digits …).
      return String(n);
  }
}

function readLevel(lvl: XmlElement): Level {
  let fmtEl = child(lvl, 'w:numFmt');
  if (!fmtEl) {
    // Word 2010+ wraps custom formats: <mc:AlternateContent><mc:Choice><w:numFmt w:val="custom" …/>
    // </mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>
    const alt = child(lvl, 'mc:AlternateContent');
    fmtEl = child(child(alt, 'mc:Fallback'), 'w:numFmt') ?? child(child(alt, 'mc:Choice'), 'w:numFmt');
  }
  return {
    // The schema default for w:start is 0.
    start: intAttr(child(lvl, 'w:start')) ?? 0,
    format: wAttr(fmtEl, 'val') ?? 'decimal',
    text: wAttr(child(lvl, 'w:lvlText'), 'val') ?? '',
    restart: intAttr(child(lvl, 'w:lvlRestart')),
    isLgl: onOff(child(lvl, 'w:isLgl')),
    pStyle: wAttr(child(lvl, 'w:pStyle'), 'val'),
  };
}

class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(
    numberingXml: XmlElement | undefined,
    private readonly styles: Map<string, Style>,
  ) {
    const root = numberingXml ? child(numberingXml, 'w:numbering') : undefined;
    if (!root) return;
    for (const el of elements(root)) {
      if (el.name === 'w:abstractNum') {
        const id = wAttr(el, 'abstractNumId');
        if (id === undefined) continue;
        const levels = new Map<number, Level>();
        for (const lvl of elements(el)) {
          if (lvl.name !== 'w:lvl') continue;
          const ilvl = intAttr(lvl, 'ilvl');
          if (ilvl !== undefined) levels.set(ilvl, readLevel(lvl));
        }
        this.abstracts.set(id, { id, levels, numStyleLink: wAttr(child(el, 'w:numStyleLink'), 'val') });
      } else if (el.name === 'w:num') {
        const numId = wAttr(el, 'numId');
        const abstractId = wAttr(child(el, 'w:abstractNumId'), 'val');
        if (numId === undefined || abstractId === undefined) continue;
        const startOverrides = new Map<number, number>();
        const levelOverrides = new Map<number, Level>();
        for (const o of elements(el)) {
          if (o.name !== 'w:lvlOverride') continue;
          const ilvl = intAttr(o, 'ilvl');
          if (ilvl === undefined) continue;
          const so = intAttr(child(o, 'w:startOverride'));
          if (so !== undefined) startOverrides.set(ilvl, so);
          const lvl = child(o, 'w:lvl');
          if (lvl) levelOverrides.set(ilvl, readLevel(lvl));
        }
        this.nums.set(numId, { abstractId, startOverrides, levelOverrides });
      }
    }
  }

  /** The abstract definition of a num, following a numbering-style link (w:numStyleLink) if any. */
  private abstractOf(num: NumInstance): AbstractNum | undefined {
    let abs = this.abstracts.get(num.abstractId);
    for (let guard = 0; abs?.numStyleLink !== undefined && guard < 5; guard++) {
      const linked = resolveStyleNum(this.styles, abs.numStyleLink).numId;
      const linkedNum = linked === undefined ? undefined : this.nums.get(linked);
      const next = linkedNum ? this.abstracts.get(linkedNum.abstractId) : undefined;
      if (!next || next === abs) break;
      abs = next;
    }
    return abs;
  }

  /** For a style with a numId but no ilvl: the level that names the style (w:lvl/w:pStyle), else 0. */
  levelForStyle(numId: string, styleId: string): number {
    const num = this.nums.get(numId);
    const abs = num ? this.abstractOf(num) : undefined;
    if (abs) for (const [ilvl, lvl] of abs.levels) if (lvl.pStyle === styleId) return ilvl;
    return 0;
  }

  /**
   * Advances the counter for (numId, ilvl) and returns the visible label ("1.", "a)", "1.2.", "-"), or
   * "" when the level shows nothing. Nums that override start values are independent lists; nums that
   * only point at the same abstract definition continue one another, as in Word.
   */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    if (!num) return '';
    const abs = this.abstractOf(num);
    if (!abs) return '';
    const levelOf = (k: number): Level | undefined => num.levelOverrides.get(k) ?? abs.levels.get(k);
    const startOf = (k: number): number => num.startOverrides.get(k) ?? levelOf(k)?.start ?? 0;
    const level = levelOf(ilvl);
    if (!level) return '';
    const key = num.startOverrides.size > 0 || num.levelOverrides.size > 0 ? `n${numId}` : `a${abs.id}`;
    let counts = this.counters.get(key);
    if (!counts) {
      counts = [];
      this.counters.set(key, counts);
    }
    counts[ilvl] = (counts[ilvl] ?? startOf(ilvl) - 1) + 1;
    for (let d = ilvl + 1; d < Math.max(counts.length, 9); d++) {
      const restart = levelOf(d)?.restart ?? d; // 1-based: restart when a level < restart is used
      if (restart > 0 && ilvl < restart) counts[d] = undefined;
    }
    if (level.format === 'bullet') return '-';
    return level.text
      .replace(/%([1-9])/g, (_m, digit: string) => {
        const k = Number(digit) - 1;
        const value = counts[k] ?? startOf(k);
        const fmt = level.isLgl ? 'decimal' : (levelOf(k)?.format ?? 'decimal');
        return formatNumber(value, fmt === 'bullet' ? 'decimal' : fmt);
      })
      .trim();
  }
}

interface StyleSheet {
  styles: Map<string, Style>;
  defaultPara: string | undefined;
  /** Table styles: their own border sides (true = visible) and the style they are based on. */
  tableStyles: Map<string, { basedOn: string | undefined; borders: Map<string, boolean> }>;
  defaultTable: string | undefined;
}

/** Border sides of a w:tblBorders / w:tcBorders element: visible unless "none" or "nil". */
function borderSides(el: XmlElement | undefined): Map<string, boolean> {
  const sides = new Map<string, boolean>();
  if (el)
    for (const side of elements(el))
      sides.set(side.name, !['none', 'nil'].includes(wAttr(side, 'val') ?? 'none'));
  return sides;
}

function readStyles(stylesXml: XmlElement | undefined): StyleSheet {
  const sheet: StyleSheet = {
    styles: new Map(),
    defaultPara: undefined,
    tableStyles: new Map(),
    defaultTable: undefined,
  };
  const root = stylesXml ? child(stylesXml, 'w:styles') : undefined;
  if (!root) return sheet;
  for (const el of elements(root)) {
    if (el.name !== 'w:style') continue;
    const id = wAttr(el, 'styleId');
    if (id === undefined) continue;
    const type = wAttr(el, 'type') ?? 'paragraph';
    const isDefault = ['1', 'true', 'on'].includes(wAttr(el, 'default') ?? '');
    if (type === 'table') {
      sheet.tableStyles.set(id, {
        basedOn: wAttr(child(el, 'w:basedOn'), 'val'),
        borders: borderSides(child(child(el, 'w:tblPr'), 'w:tblBorders')),
      });
      if (isDefault) sheet.defaultTable = id;
      continue;
    }
    if (type !== 'paragraph' && type !== 'numbering') continue;
    if (type === 'paragraph' && isDefault) sheet.defaultPara = id;
    const numPr = child(child(el, 'w:pPr'), 'w:numPr');
    sheet.styles.set(id, {
      basedOn: wAttr(child(el, 'w:basedOn'), 'val'),
      numId: wAttr(child(numPr, 'w:numId'), 'val'),
      ilvl: intAttr(child(numPr, 'w:ilvl')),
    });
  }
  return sheet;
}

/** numId/ilvl a paragraph style carries, following w:basedOn. */
function resolveStyleNum(styles: Map<string, Style>, styleId: string | undefined): StyleNum {
  let numId: string | undefined;
  let ilvl: number | undefined;
  const seen = new Set<string>();
  for (let id = styleId; id !== undefined && !seen.has(id);) {
    seen.add(id);
    const s = styles.get(id);
    if (!s) break;
    numId ??= s.numId;
    ilvl ??= s.ilvl;
    id = s.basedOn;
  }
  return { numId, ilvl };
}

// ---------------------------------------------------------------------------------------------------
// Document text.

/** Inline containers whose content is visible text. */
const INLINE_CONTAINERS = new Set([
  'w:ins', 'w:hyperlink', 'w:smartTag', 'w:customXml', 'w:fldSimple', 'w:moveTo', 'w:bdo', 'w:dir', 'w:sdtContent',
]); // prettier-ignore

/** Elements whose content is never part of the body text. */
const SKIPPED = new Set([
  'w:del', 'w:moveFrom', 'w:delText', 'w:delInstrText', 'w:instrText', 'w:pPr', 'w:rPr', 'w:sdtPr', 'w:sdtEndPr',
  'w:drawing', 'w:pict', 'w:object', 'w:txbxContent', 'w:footnoteReference', 'w:endnoteReference',
  'w:commentReference', 'w:sectPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'w:tblPrEx',
]); // prettier-ignore

class Extractor {
  /** Complex-field state within the current paragraph: text between begin and separate is field code. */
  private fields: ('code' | 'result')[] = [];

  constructor(
    private readonly numbering: Numbering,
    private readonly sheet: StyleSheet,
    private readonly layoutTables: 'paragraphs' | 'rows',
  ) {}

  /** Top-level blocks (paragraph texts and tables) in document order. */
  blocks(container: XmlElement, out: string[]): void {
    for (const el of elements(container)) {
      if (el.name === 'w:p') {
        const text = this.paragraph(el);
        if (text !== '') out.push(text);
      } else if (el.name === 'w:tbl') {
        if (this.layoutTables === 'paragraphs' && !this.hasBorders(el)) {
          this.layoutTable(el, out);
        } else {
          const rows = this.table(el);
          if (rows.length > 0) out.push(rows.join('\n'));
        }
      } else if (el.name === 'mc:AlternateContent') {
        const pick = child(el, 'mc:Choice') ?? child(el, 'mc:Fallback');
        if (pick) this.blocks(pick, out);
      } else if (!SKIPPED.has(el.name)) {
        this.blocks(el, out); // w:sdt, w:sdtContent, w:customXml, w:body …
      }
    }
  }

  private paragraph(p: XmlElement): string {
    this.fields = [];
    const label = this.label(p);
    const text = cleanParagraph(this.inline(p));
    if (label === '') return text;
    return text === '' ? label : `${label} ${text}`;
  }

  private label(p: XmlElement): string {
    const pPr = child(p, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const styleId = wAttr(child(pPr, 'w:pStyle'), 'val') ?? this.sheet.defaultPara;
    const fromStyle = resolveStyleNum(this.sheet.styles, styleId);
    const numId = wAttr(child(numPr, 'w:numId'), 'val') ?? fromStyle.numId;
    if (numId === undefined || numId === '0') return '';
    let ilvl = intAttr(child(numPr, 'w:ilvl')) ?? fromStyle.ilvl;
    if (ilvl === undefined) ilvl = styleId !== undefined ? this.numbering.levelForStyle(numId, styleId) : 0;
    return this.numbering.next(numId, Math.max(0, Math.min(8, ilvl)));
  }

  private inline(container: XmlElement): string {
    let out = '';
    for (const el of elements(container)) {
      switch (el.name) {
        case 'w:r':
          out += this.run(el);
          break;
        case 'w:sdt':
          out += this.inline(child(el, 'w:sdtContent') ?? el);
          break;
        case 'w:t':
        case 'w:tab':
        case 'w:br':
        case 'w:cr':
          // Run content written directly in the paragraph (not schema-valid, but some generators do it).
          out += this.run({ name: 'w:r', attrs: {}, children: [el] });
          break;
        default:
          if (INLINE_CONTAINERS.has(el.name)) out += this.inline(el);
          // Anything else (bookmarks, proofing marks, comment ranges, math, alternate content …) is skipped.
          break;
      }
    }
    return out;
  }

  private run(r: XmlElement): string {
    const rPr = child(r, 'w:rPr');
    const hidden = onOff(child(rPr, 'w:vanish'));
    const caps = onOff(child(rPr, 'w:caps'));
    let out = '';
    for (const el of elements(r)) {
      switch (el.name) {
        case 'w:fldChar': {
          const type = wAttr(el, 'fldCharType');
          if (type === 'begin') this.fields.push('code');
          else if (type === 'separate') {
            if (this.fields.length > 0) this.fields[this.fields.length - 1] = 'result';
          } else if (type === 'end') this.fields.pop();
          break;
        }
        case 'w:t':
          if (!hidden && !this.fields.includes('code')) {
            const t = textOf(el);
            out += caps ? t.toLocaleUpperCase('vi') : t;
          }
          break;
        case 'w:tab':
        case 'w:ptab':
          if (!hidden) out += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          if (!hidden) out += '\n';
          break;
        case 'w:noBreakHyphen':
          if (!hidden) out += '-';
          break;
        default:
          // w:softHyphen (invisible unless the line breaks there), w:sym (symbol-font glyphs),
          // w:drawing, w:instrText, w:delText, references … contribute no text.
          break;
      }
    }
    return out;
  }

  /**
   * Whether any border of the table is visible: its table style (and the styles it is based on), its own
   * w:tblBorders, row exceptions and cell borders. A table without any is a layout table — the two-column
   * header block (issuer | motto, number | date) or the closing block (Nơi nhận | signer).
   */
  private hasBorders(tbl: XmlElement): boolean {
    const tblPr = child(tbl, 'w:tblPr');
    const chain: Map<string, boolean>[] = [];
    const seen = new Set<string>();
    for (let id = wAttr(child(tblPr, 'w:tblStyle'), 'val') ?? this.sheet.defaultTable; id !== undefined;) {
      const st = this.sheet.tableStyles.get(id);
      if (!st || seen.has(id)) break;
      seen.add(id);
      chain.unshift(st.borders);
      id = st.basedOn;
    }
    const sides = new Map<string, boolean>();
    for (const b of [...chain, borderSides(child(tblPr, 'w:tblBorders'))])
      for (const [k, v] of b) sides.set(k, v);
    if ([...sides.values()].some(Boolean)) return true;
    for (const tr of flatten(tbl, 'w:tr')) {
      const ex = borderSides(child(child(tr, 'w:tblPrEx'), 'w:tblBorders'));
      if ([...ex.values()].some(Boolean)) return true;
      for (const tc of flatten(tr, 'w:tc')) {
        const cb = borderSides(child(child(tc, 'w:tcPr'), 'w:tcBorders'));
        if ([...cb.values()].some(Boolean)) return true;
      }
    }
    return false;
  }

  /** A layout table: every cell's paragraphs as blocks of their own, row by row, left to right. */
  private layoutTable(tbl: XmlElement, out: string[]): void {
    for (const tr of flatten(tbl, 'w:tr')) {
      if (child(child(tr, 'w:trPr'), 'w:del')) continue;
      for (const tc of flatten(tr, 'w:tc')) this.blocks(tc, out);
    }
  }

  /**
   * A data table, one row per line, cells parted by " | ". A cell merged down (w:vMerge) carries the
   * value of the cell it continues; a cell spanning columns (w:gridSpan) gives its value to each of
   * them, except a row-wide heading (a group row), written once.
   */
  private table(tbl: XmlElement): string[] {
    const lines: string[] = [];
    const above = new Map<number, string>(); // grid column → value of the cell merged down from
    for (const tr of flatten(tbl, 'w:tr')) {
      if (child(child(tr, 'w:trPr'), 'w:del')) continue; // deleted row (tracked change)
      const tcs = flatten(tr, 'w:tc');
      const spans = tcs.map((tc) => Number(wAttr(child(child(tc, 'w:tcPr'), 'w:gridSpan'), 'val') ?? 1) || 1);
      const width = spans.reduce((a, b) => a + b, 0);
      const cells: string[] = [];
      let col = 0;
      tcs.forEach((tc, i) => {
        const tcPr = child(tc, 'w:tcPr');
        const span = spans[i]!;
        const hMerge = child(tcPr, 'w:hMerge');
        if (hMerge && wAttr(hMerge, 'val') !== 'restart') {
          col += span;
          return; // legacy horizontal merge: shown once
        }
        const vMerge = child(tcPr, 'w:vMerge');
        let value: string;
        if (vMerge && wAttr(vMerge, 'val') !== 'restart') {
          this.blocks(tc, []); // keep numbering counters in step with what Word shows
          value = above.get(col) ?? '';
        } else {
          const parts: string[] = [];
          this.blocks(tc, parts);
          value = parts.join(' ').replace(/\s+/g, ' ').trim().replace(/\|/g, '/');
          if (vMerge) above.set(col, value);
          else above.delete(col);
        }
        const rowWide = col <= 1 && col + span >= width && span > 1;
        for (let k = 0; k < (rowWide ? 1 : span); k++) cells.push(value);
        col += span;
      });
      if (cells.some((c) => c !== '')) lines.push(cells.join(' | '));
    }
    return lines;
  }
}

/** Children named `name`, looking through content-control and custom-XML wrappers. */
function flatten(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of elements(el)) {
    if (c.name === name) out.push(c);
    else if (c.name === 'w:sdt') out.push(...flatten(child(c, 'w:sdtContent') ?? c, name));
    else if (c.name === 'w:customXml' || c.name === 'w:sdtContent') out.push(...flatten(c, name));
  }
  return out;
}

function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  return s;
}

/** Trims a paragraph: no trailing spaces on its lines, no blank lines at its ends. */
function cleanParagraph(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+$/, ''))
    .join('\n')
    .replace(/^[\s\u00a0]+|\s+$/g, '');
}

// ---------------------------------------------------------------------------------------------------
// Package.

const invalid = (why: string) => new Error(`Tệp .docx không hợp lệ: ${why}`);

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes); // strips a UTF-8 BOM
}

/** Resolves a relationship target relative to the folder of the part that owns the .rels file. */
function resolveTarget(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function relTarget(rels: XmlElement | undefined, type: string, baseDir: string): string | undefined {
  const root = rels ? child(rels, 'rel:Relationships') : undefined;
  if (!root) return undefined;
  for (const r of elements(root)) {
    const t = r.attrs.Type ?? '';
    if (
      r.name === 'rel:Relationship' &&
      (t.endsWith(`/${type}`) || t === type) &&
      r.attrs.TargetMode !== 'External'
    ) {
      const target = r.attrs.Target;
      if (target) return resolveTarget(baseDir, target);
    }
  }
  return undefined;
}

export interface DocxTextOptions {
  /**
   * Tables without any visible border are layout (the header and signature blocks of administrative
   * documents are usually such tables). "paragraphs" (default): their cells' paragraphs become ordinary
   * paragraphs, row by row, left to right. "rows": rendered like any other table.
   */
  layoutTables?: 'paragraphs' | 'rows';
}

/**
 * Reads a Word .docx file and returns its text: paragraphs separated by blank lines, numbering labels
 * rendered, table rows as "cell | cell | cell" (layout tables without borders as paragraphs, see
 * DocxTextOptions). NFC-normalised. Throws an Error with a Vietnamese message when the data is not a
 * Word document.
 */
export function docxToTextSync(data: Uint8Array, options: DocxTextOptions = {}): string {
  if (data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    throw invalid(
      'đây là tệp Word cũ (.doc) hoặc tệp .docx đã đặt mật khẩu. Hãy mở bằng Word và lưu lại dưới dạng .docx (không đặt mật khẩu).',
    );
  }
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
    throw invalid('nội dung không phải là tệp Word (.docx).');
  }
  let files: Record<string, Uint8Array>;
  try {
    files = readZip(data, (name) => /\.(xml|rels)$/i.test(name));
  } catch (e) {
    if (e instanceof ZipError) throw e.isLimit ? e : invalid(e.message);
    throw invalid('không giải nén được (tệp bị hỏng hoặc không đầy đủ).');
  }
  const xmlOf = (name: string | undefined): XmlElement | undefined => {
    const bytes = name === undefined ? undefined : files[name];
    return bytes ? parseXml(decodeText(bytes)) : undefined;
  };

  const mainName = relTarget(xmlOf('_rels/.rels'), 'officeDocument', '') ?? 'word/document.xml';
  const docName = files[mainName] ? mainName : 'word/document.xml';
  const doc = xmlOf(docName);
  const body = child(child(doc, 'w:document'), 'w:body');
  if (!doc || !body) throw invalid('không tìm thấy nội dung văn bản (word/document.xml).');

  const slash = docName.lastIndexOf('/');
  const dir = slash < 0 ? '' : docName.slice(0, slash + 1);
  const docRels = xmlOf(`${dir}_rels/${docName.slice(slash + 1)}.rels`);
  const stylesXml = xmlOf(relTarget(docRels, 'styles', dir) ?? `${dir}styles.xml`);
  const numberingXml = xmlOf(relTarget(docRels, 'numbering', dir) ?? `${dir}numbering.xml`);

  const sheet = readStyles(stylesXml);
  const layout = options.layoutTables ?? 'paragraphs';
  const extractor = new Extractor(new Numbering(numberingXml, sheet.styles), sheet, layout);
  const blocks: string[] = [];
  extractor.blocks(body, blocks);
  // Footnotes (often where the cited documents are) follow the text, one per line: "[1] …". Their
  // markers in the text are left out.
  const footnotes = child(
    xmlOf(relTarget(docRels, 'footnotes', dir) ?? `${dir}footnotes.xml`),
    'w:footnotes',
  );
  if (footnotes) {
    // Only the footnotes the text refers to, in the order it refers to them.
    const refs: string[] = [];
    const walk = (el: XmlElement) => {
      for (const c of elements(el)) {
        if (c.name === 'w:footnoteReference') {
          const id = wAttr(c, 'id');
          if (id && !refs.includes(id)) refs.push(id);
        } else walk(c);
      }
    };
    walk(body);
    const byId = new Map(
      elements(footnotes)
        .filter((fn) => fn.name === 'w:footnote' && !wAttr(fn, 'type'))
        .map((fn) => [wAttr(fn, 'id') ?? '', fn] as const),
    );
    let k = 0;
    for (const id of refs) {
      const fn = byId.get(id);
      if (!fn) continue;
      const parts: string[] = [];
      extractor.blocks(fn, parts);
      const t = parts.join(' ').replace(/\s+/g, ' ').trim();
      if (t) blocks.push(`[${++k}] ${t}`);
    }
  }
  const text = blocks.join('\n\n').normalize('NFC');
  return text === '' ? '' : `${text}\n`;
}

export async function docxToText(data: Uint8Array, options: DocxTextOptions = {}): Promise<string> {
  return docxToTextSync(data, options);
}
