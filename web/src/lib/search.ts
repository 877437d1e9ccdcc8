import { foldText } from '../shared/domain';

/** A Select filter that ignores case and Vietnamese diacritics ("so tu phap" finds "Sở Tư pháp"). */
export function foldFilter(input: string, option?: { label?: unknown }): boolean {
  return foldText(String(option?.label ?? '')).includes(foldText(input.trim()));
}
