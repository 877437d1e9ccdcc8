import { useEffect, useRef, type CSSProperties } from 'react';
import { Alert } from 'antd';
import type { ApiError } from '../api/client';
import type { VersionConflictDetails } from '../api/types';
import { formatDateTime } from '../lib/format';
import { ApiErrorAlert } from './ApiErrorAlert';

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
 * What goes above a versioned edit form (see `useVersionedSave`): the reload notice after a version
 * conflict, then the save's error.
 */
export function FormAlerts({
  conflict,
  error,
  errorStyle,
}: {
  conflict: string | null;
  error: unknown;
  errorStyle?: CSSProperties;
}) {
  return (
    <>
      {conflict && <ConflictAlert text={conflict} />}
      {error != null && <ApiErrorAlert error={error} style={errorStyle} />}
    </>
  );
}
