/**
 * What an official brings in: pasted text, or an uploaded .txt, .md, .docx or .pdf file (up to 10 MB;
 * a scanned PDF is read by OCR). Turns it into text for the parser, refusing what cannot be read.
 */
import type { ImportFormat } from '../../contract/imports.js';
import { docxToText } from '../../domain/importer/docx.js';
import { ZipError } from '../../domain/importer/zip.js';
import type { ParsedDocument, Span } from '../../domain/importer/types.js';
import { parseDocument, type ParseOptions } from '../../domain/importer/parse.js';
import { markOcr } from '../../domain/importer/ocr-marks.js';
import { isPdf, pdfToText, type OcrLimits, type ReadProgress } from './pdf.js';
import {
  decodeTextBytes,
  checkText,
  ImportError,
  IMPORT_MESSAGES,
  MAX_IMPORT_BYTES,
} from '../../domain/importer/normalize.js';

export interface ImportInput {
  bytes?: Uint8Array;
  text?: string;
  filename?: string | null;
}

function isZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

export interface ReadInput {
  text: string;
  format: ImportFormat;
  /** Ranges of `text` read by OCR (a scanned PDF). */
  ocrSpans?: Span[];
}

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  ocr?: Partial<OcrLimits>;
}

/** The format an input will be read as, told from its first bytes and name (before reading it). */
export function formatOf(input: ImportInput): ImportFormat {
  const name = (input.filename ?? '').toLowerCase();
  if (input.bytes) {
    if (isPdf(input.bytes)) return 'pdf';
    if (name.endsWith('.docx') || isZip(input.bytes)) return 'docx';
  }
  return name.endsWith('.md') ? 'markdown' : 'text';
}

export async function readImportInput(input: ImportInput, opts: ReadOptions = {}): Promise<ReadInput> {
  const name = (input.filename ?? '').toLowerCase();
  if (input.bytes) {
    if (input.bytes.length > MAX_IMPORT_BYTES)
      throw new ImportError('IMPORT_TOO_LARGE', IMPORT_MESSAGES.IMPORT_TOO_LARGE);
    if (isPdf(input.bytes)) {
      const pdf = await pdfToText(input.bytes, opts);
      checkText(pdf.text);
      return { text: pdf.text, format: 'pdf', ocrSpans: pdf.ocrSpans };
    }
    if (name.endsWith('.pdf')) throw new ImportError('IMPORT_BAD_PDF', IMPORT_MESSAGES.IMPORT_BAD_PDF);
    if (name.endsWith('.docx') || isZip(input.bytes)) {
      let text: string;
      try {
        text = await docxToText(input.bytes);
      } catch (e) {
        if (e instanceof ZipError && e.isLimit)
          throw new ImportError('IMPORT_DOCX_LIMIT', IMPORT_MESSAGES.IMPORT_DOCX_LIMIT);
        throw new ImportError('IMPORT_BAD_DOCX', IMPORT_MESSAGES.IMPORT_BAD_DOCX);
      }
      checkText(text);
      return { text, format: 'docx' };
    }
    if (name.endsWith('.doc')) throw new ImportError('IMPORT_NOT_TEXT', IMPORT_MESSAGES.IMPORT_NOT_TEXT);
    const text = decodeTextBytes(input.bytes);
    return { text, format: name.endsWith('.md') || looksMarkdown(text) ? 'markdown' : 'text' };
  }
  const text = input.text ?? '';
  checkText(text);
  return { text, format: name.endsWith('.md') || looksMarkdown(text) ? 'markdown' : 'text' };
}

function looksMarkdown(text: string): boolean {
  return /^#{1,6}\s/m.test(text) || /^\|.*\|\s*$/m.test(text);
}

/** The parsed document of what was read, its OCR'd nodes marked (the reader thread and the CLI). */
export function parseRead(read: ReadInput, units: ParseOptions['units']): ParsedDocument {
  const parsed = parseDocument(read.text, { units });
  return read.ocrSpans?.length ? markOcr(parsed, read.ocrSpans) : parsed;
}
