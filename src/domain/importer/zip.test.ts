import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readZip, ZipError, DOCX_ZIP_LIMITS, type ZipLimits } from './zip.js';
import { docxToTextSync } from './docx.js';
import { handZip, zipBombDocx } from '../../../test/support/docx.js';

const all = () => true;

function problemOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof ZipError) return e.problem;
    throw e;
  }
}

const small: ZipLimits = {
  maxEntries: 10,
  maxEntryBytes: 64 * 1024,
  maxTotalBytes: 96 * 1024,
  maxRatio: 50,
  ratioFloorBytes: 16 * 1024,
};

describe('readZip', () => {
  it('reads what fflate writes, deflated and stored, and only the entries asked for', () => {
    const z = zipSync({
      'a.xml': strToU8('<a>xin chào</a>'),
      'b.bin': [new Uint8Array([1, 2, 3]), { level: 0 }],
      'c/d.rels': strToU8('<r/>'),
    });
    const files = readZip(z, (n) => n.endsWith('.xml') || n.endsWith('.rels'));
    expect(Object.keys(files).sort()).toEqual(['a.xml', 'c/d.rels']);
    expect(new TextDecoder().decode(files['a.xml'])).toBe('<a>xin chào</a>');
    expect([...readZip(z, (n) => n === 'b.bin')['b.bin']!]).toEqual([1, 2, 3]);
  });

  it('stops an entry at its limit, counting the bytes that come out, not the sizes declared', () => {
    const big = new Uint8Array(200 * 1024).fill(0x61);
    for (const declared of [big.length, 100]) {
      expect(
        problemOf(() =>
          readZip(handZip('word/document.xml', big, declared), all, { ...small, maxRatio: 1e9 }),
        ),
      ).toBe('size');
    }
  });

  it('stops the total across entries', () => {
    let x = 2463534242;
    const part = new Uint8Array(60 * 1024).map(() => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
    const z = zipSync({ 'a.xml': part, 'b.xml': part });
    expect(problemOf(() => readZip(z, all, small))).toBe('size');
    expect(Object.keys(readZip(z, (n) => n === 'a.xml', small))).toEqual(['a.xml']);
  });

  it('refuses an abnormal compression ratio once past the floor', () => {
    const zeros = new Uint8Array(40 * 1024);
    expect(problemOf(() => readZip(zipSync({ 'a.xml': zeros }), all, small))).toBe('ratio');
  });

  it('refuses too many entries before inflating anything', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 11; i++) many[`p${i}.xml`] = strToU8('<p/>');
    expect(problemOf(() => readZip(zipSync(many), all, small))).toBe('entries');
  });

  it('says damaged for truncated or garbled packages, never throwing anything else', () => {
    const z = zipSync({ 'a.xml': strToU8('<a>'.repeat(1000)) });
    for (const cut of [4, 30, z.length - 30, z.length - 1]) {
      expect(['damaged', 'not-zip']).toContain(problemOf(() => readZip(z.subarray(0, cut), all)));
    }
    const garbled = z.slice();
    for (let i = 40; i < 60; i++) garbled[i] = 0xff;
    expect(problemOf(() => readZip(garbled, all))).toBe('damaged');
    expect(problemOf(() => readZip(strToU8('không phải zip'), all))).toBe('not-zip');
  });

  it('refuses a 0.7 MB .docx that inflates to ~200 MB of XML, in well under a second of work', () => {
    const { bomb, inflated: xmlLength } = zipBombDocx();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(xmlLength / bomb.length).toBeGreaterThan(DOCX_ZIP_LIMITS.maxRatio);
    let err: unknown;
    try {
      docxToTextSync(bomb);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ZipError);
    expect((err as ZipError).isLimit).toBe(true);
  });
});
