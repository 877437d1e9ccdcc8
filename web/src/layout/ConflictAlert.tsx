import { useEffect, useRef } from 'react';
import { Alert } from 'antd';
import { isApiError, type ApiError } from '../api/client';
import type { VersionConflictDetails } from '../api/types';
import { formatDateTime } from '../lib/format';

/**
 * Explains a 409 VERSION_CONFLICT after the form has been reloaded. The server's message usually
 * says who changed the record and when; if it does not, the details are used.
 */
export function conflictText(e: ApiError): string {
  const d = (e.details ?? {}) as VersionConflictDetails;
  let text = e.message.trim();
  if (d.updatedAt && !text.includes(formatDateTime(d.updatedAt).slice(0, 10))) {
    const who = d.updatedBy && !/^[0-9a-f-]{36}$/i.test(d.updatedBy) ? ` bởi ${d.updatedBy}` : '';
    text = `${text.replace(/[.!]$/, '')}. Bản ghi đã được cập nhật${who} lúc ${formatDateTime(d.updatedAt)}.`;
  }
  if (!/[.!?]$/.test(text)) text += '.';
  return `${text} Biểu mẫu đã được nạp lại dữ liệu mới nhất; vui lòng kiểm tra rồi lưu lại thay đổi của bạn.`;
}

/** The reload notice after a version conflict; scrolls itself into view in a long form. */
export function ConflictAlert({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [text]);
  return (
    <div ref={ref}>
      <Alert type="warning" showIcon title={text} style={{ marginBottom: 16 }} role="alert" />
    </div>
  );
}

/**
 * After a failed save: if it was a 409 VERSION_CONFLICT, reloads the record, puts the latest values
 * in the form and sets the notice. Returns whether it handled the error.
 */
export async function recoverFromConflict<T>(
  e: unknown,
  opts: {
    reload: () => Promise<T | undefined>;
    apply: (latest: T) => void;
    setConflict: (text: string) => void;
  },
): Promise<boolean> {
  if (!isApiError(e, 'VERSION_CONFLICT')) return false;
  const latest = await opts.reload();
  if (latest) opts.apply(latest);
  opts.setConflict(conflictText(e));
  return true;
}
