/** A value's Vietnamese label and the colour of its tag (see `InfoTag`). */
export interface TagInfo {
  label: string;
  color: string;
}

/** The entry of `table` for `key`; a value the web app does not know shows as itself, in grey. */
export function infoOf(table: Record<string, TagInfo>, key: string | null | undefined): TagInfo {
  return (
    (key && Object.hasOwn(table, key) ? table[key] : undefined) ?? { label: key || '—', color: 'default' }
  );
}
