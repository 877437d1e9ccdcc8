/** A short table's pagination: none up to `pageSize` rows, pages of `pageSize` beyond. */
export const pagesOf = (count: number, pageSize = 20) =>
  count > pageSize ? { pageSize, showSizeChanger: false } : (false as const);
