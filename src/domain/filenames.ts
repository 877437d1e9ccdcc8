/**
 * Names of downloaded files: Vietnamese words without diacritics, joined by "-", in ASCII
 * ("bao-cao-so-ket-quy-i-2026.docx"), so every browser and mail client keeps them. Pure.
 */
import { fold } from './text.js';

/** "Quý I/2026" → "quy-i-2026". */
export function fileSlug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The file name of a download: its Vietnamese words folded and joined, then the extension. */
export function downloadName(words: string[], ext: string): string {
  const stem = words.map(fileSlug).filter(Boolean).join('-');
  return `${stem || 'tep'}.${ext}`;
}

/**
 * The ASCII form of a name a user gave a file ("Biên bản đợt 1.pdf" → "Bien ban dot 1.pdf"), for the
 * plain `filename=` beside the UTF-8 `filename*=` of a download.
 */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[";\\]/g, '_');
}
