/**
 * Property test: documents built from random sections, groups, lettered sub-groups, bullets and
 * sub-bullets parse back to the same tree, and re-joining the spans reproduces the text.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse.js';
import { coverageProblems, rebuiltWithoutWhitespace } from './lossless.js';
import type { DocNode } from './types.js';
import { prng } from '../../../test/support/prng.js';

const WORDS =
  'tăng cường công tác tuyên truyền phổ biến giáo dục pháp luật xây dựng hoàn thiện thể chế nâng cao hiệu quả kiểm tra giám sát cải cách hành chính chuyển đổi số cán bộ đảng viên nhân dân thủ đô chính quyền các cấp'.split(
    ' ',
  );
const CAPS = ['Tăng', 'Đẩy', 'Xây', 'Hoàn', 'Nâng', 'Tổ', 'Rà', 'Ưu', 'Đổi', 'Phát'];
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h'];
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI'];

interface Spec {
  kind: DocNode['kind'];
  marker: string;
  text: string;
  children: Spec[];
}

function sentence(r: () => number, upper = false): string {
  const n = 4 + Math.floor(r() * 14);
  const w = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]!);
  const first = CAPS[Math.floor(r() * CAPS.length)]!;
  const body = `${first} ${w.join(' ')}`;
  return (upper ? body.toUpperCase() : body) + (upper ? '' : r() < 0.5 ? '.' : ';');
}

function randomDoc(r: () => number): Spec[] {
  const sections: Spec[] = [];
  const nSec = 1 + Math.floor(r() * 4);
  for (let s = 0; s < nSec; s++) {
    const groups: Spec[] = [];
    const nG = Math.floor(r() * 4);
    for (let g = 0; g < nG; g++) {
      const kids: Spec[] = [];
      if (r() < 0.3) {
        const nSub = 1 + Math.floor(r() * 3);
        for (let k = 0; k < nSub; k++)
          kids.push({ kind: 'subgroup', marker: LETTERS[k]!, text: sentence(r), children: bullets(r) });
      } else kids.push(...bullets(r));
      groups.push({ kind: 'group', marker: String(g + 1), text: sentence(r), children: kids });
    }
    sections.push({ kind: 'section', marker: ROMANS[s]!, text: sentence(r, true), children: groups });
  }
  return sections;
}

function bullets(r: () => number): Spec[] {
  const out: Spec[] = [];
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const subs: Spec[] =
      r() < 0.25
        ? Array.from({ length: 1 + Math.floor(r() * 2) }, () => ({
            kind: 'bullet' as const,
            marker: '+',
            text: sentence(r),
            children: [],
          }))
        : [];
    out.push({ kind: 'bullet', marker: '-', text: sentence(r), children: subs });
  }
  return out;
}

function render(specs: Spec[], r: () => number): string {
  const out: string[] = ['KẾ HOẠCH', '', 'Thực hiện chương trình công tác năm 2026 như sau:', ''];
  const emit = (s: Spec) => {
    const sep = r() < 0.3 ? '\n' : '\n\n';
    const m =
      s.kind === 'section'
        ? `${s.marker}. `
        : s.kind === 'group'
          ? `${s.marker}. `
          : s.kind === 'subgroup'
            ? `${s.marker}) `
            : `${s.marker} `;
    out.push(m + s.text + sep);
    s.children.forEach(emit);
  };
  specs.forEach(emit);
  return out.join('\n');
}

function shape(n: DocNode): Spec {
  return { kind: n.kind, marker: n.marker, text: n.text, children: n.children.map(shape) };
}

describe('parser properties', () => {
  it('parses 300 random documents back to the same tree, losslessly', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = prng(seed);
      const specs = randomDoc(r);
      if (!specs.some((s) => s.children.length))
        specs[0]!.children.push({ kind: 'group', marker: '1', text: sentence(r), children: [] });
      const text = render(specs, r);
      const doc = parseDocument(text);
      expect(doc.sections.map(shape), `seed ${seed}\n${text}`).toEqual(specs);
      expect(coverageProblems(doc), `seed ${seed}`).toEqual([]);
      expect(rebuiltWithoutWhitespace(doc), `seed ${seed}`).toBe(text.replace(/\s+/g, ''));
    }
  });
});
