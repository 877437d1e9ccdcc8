import type { ReactNode } from 'react';
import { Table, type TableColumnType, type TableProps } from 'antd';
import { pagesOf } from '../lib/pagination';
import { formatDateTime, formatIsoDate } from '../lib/format';
import { ApiErrorAlert } from './ApiErrorAlert';

export type ListTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'locale'> & {
  rows: readonly T[];
  /** Rows a page, paging only beyond that many (`pagesOf`); `false`: one page, however long. */
  pageSize?: number | false;
  /** What the table says when there are no rows. */
  empty?: ReactNode;
  /** The query the rows come from: its error is shown above the table, its fetching as loading. */
  query?: { isError: boolean; error: unknown; isFetching: boolean };
};

/**
 * A list shown as a table, with the app's defaults: small rows, scrolling sideways when the columns
 * do not fit, pages of `pageSize` rows only when there are more, `empty` when there are none. Any
 * `Table` prop given (a `size`, a `scroll`, a `pagination` kept on the server) replaces the default;
 * `scroll={undefined}` keeps the table within its box. With `query`, the query's error shows above it.
 */
export function ListTable<T extends object>({
  rows,
  pageSize = 20,
  empty,
  query,
  ...table
}: ListTableProps<T>) {
  return (
    <>
      {query?.isError && <ApiErrorAlert error={query.error} />}
      <Table<T>
        size="small"
        scroll={{ x: true }}
        pagination={pageSize === false ? false : pagesOf(rows.length, pageSize)}
        locale={empty === undefined ? undefined : { emptyText: empty }}
        loading={query?.isFetching}
        {...table}
        dataSource={rows}
      />
    </>
  );
}

/**
 * A column of dates, each kept on one line: `'day'` for calendar days (`YYYY-MM-DD`), `'moment'`
 * for instants shown in Vietnam's time; a missing one shows "—".
 */
export function dateColumn<T>(
  title: string,
  dataIndex: keyof T & string,
  kind: 'day' | 'moment',
  more?: Omit<TableColumnType<T>, 'title' | 'dataIndex' | 'render'>,
): TableColumnType<T> {
  const format = kind === 'day' ? formatIsoDate : formatDateTime;
  return {
    title,
    dataIndex,
    ...more,
    render: (v: string | null) => <span className="nowrap">{format(v)}</span>,
  };
}
