import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage, isApiError } from '../api/client';
import { PageSpin } from './FullPageSpin';

/**
 * A page that shows one record: a spinner while it loads, a "not found" result on 404 (or 400: a
 * malformed id means "no such record" to the reader too), an error result otherwise, then the page.
 */
export function QueryPage<T>({
  query,
  what,
  errorTitle = `Không tải được ${what}`,
  back,
  children,
}: {
  query: UseQueryResult<T>;
  /** What the page shows, for the titles "Không tìm thấy đơn vị", "Không tải được đơn vị". */
  what: string;
  /** Another title for an error than "Không tải được …". */
  errorTitle?: string;
  /** The button under the result, e.g. `{ to: '/don-vi', label: 'Về danh mục đơn vị' }`. */
  back: { to: string; label: string };
  children: (data: T) => ReactNode;
}) {
  const navigate = useNavigate();
  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    const status = isApiError(query.error) ? query.error.status : 0;
    const notFound = status === 404 || status === 400;
    return (
      <Result
        status={notFound ? '404' : status === 403 ? '403' : 'error'}
        title={notFound ? `Không tìm thấy ${what}` : errorTitle}
        subTitle={errorMessage(query.error)}
        extra={<Button onClick={() => navigate(back.to)}>{back.label}</Button>}
      />
    );
  }
  return children(query.data);
}
