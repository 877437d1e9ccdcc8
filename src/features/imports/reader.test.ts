import { describe, expect, it } from 'vitest';
import { ImportError } from '../../domain/importer/normalize.js';
import { zipBombDocx } from '../../../test/support/docx.js';
import { readAndParse } from './reader.js';

const PLAN = 'KẾ HOẠCH\nThử nghiệm\n\nI. NHIỆM VỤ\n\n1. Sở Tư pháp chủ trì tổ chức hội nghị.\n';

async function codeOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
}

describe('reading documents in a worker thread', () => {
  it('parses a document off the main thread and returns the parsed plan', async () => {
    const r = await readAndParse({ text: PLAN }, []);
    expect(r.format).toBe('text');
    expect(JSON.stringify(r.parsed)).toContain('Sở Tư pháp chủ trì tổ chức hội nghị');
  });

  it('passes the reader’s own refusals through with their codes', async () => {
    expect(await codeOf(readAndParse({ text: '  \n' }, []))).toBe('IMPORT_EMPTY');
    const { bomb } = zipBombDocx();
    expect(await codeOf(readAndParse({ bytes: bomb, filename: 'bom.docx' }, []))).toBe('IMPORT_DOCX_LIMIT');
  });

  it('stops a document that takes longer than the time limit', async () => {
    expect(await codeOf(readAndParse({ text: PLAN }, [], { timeoutMs: 1 }))).toBe('IMPORT_TOO_COMPLEX');
  });

  it('stops a document that needs more memory than the thread may have', async () => {
    const lines = Array.from(
      { length: 150_000 },
      (_, i) => `- Sở Tư pháp chủ trì việc số ${i} trước ngày 30/6/2026.`,
    );
    const text = `KẾ HOẠCH\nThử nghiệm\n\nI. NHIỆM VỤ\n\n${lines.join('\n')}\n`;
    expect(await codeOf(readAndParse({ text }, [], { heapMb: 16, timeoutMs: 60_000 }))).toBe(
      'IMPORT_TOO_COMPLEX',
    );
  });

  it('lets documents wait their turn, and refuses when the wait is too long', async () => {
    const slow = { parallel: 1, queueMs: 50 };
    const [a, b] = await Promise.all([
      codeOf(readAndParse({ text: PLAN }, [], slow)),
      codeOf(readAndParse({ text: PLAN }, [], slow)),
    ]);
    expect([a, b].sort()).toEqual(['IMPORT_BUSY', null].sort());
    const patient = { parallel: 1, queueMs: 30_000 };
    const both = await Promise.all([
      readAndParse({ text: PLAN }, [], patient),
      readAndParse({ text: PLAN }, [], patient),
    ]);
    expect(both.map((r) => r.format)).toEqual(['text', 'text']);
  });
});
