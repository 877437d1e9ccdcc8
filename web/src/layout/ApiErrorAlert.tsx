import { Alert } from 'antd';
import { errorMessage, isApiError } from '../api/client';

interface DetailLine {
  key: string;
  text: string;
}

/** Per-field problems in a VALIDATION_FAILED `details`, whatever shape the server chose. */
function detailLines(details: unknown): DetailLine[] {
  const list: unknown = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null
      ? ((details as { errors?: unknown; issues?: unknown }).errors ??
        (details as { issues?: unknown }).issues)
      : undefined;
  if (!Array.isArray(list)) return [];
  return list.slice(0, 20).flatMap((d, i): DetailLine[] => {
    if (typeof d === 'string') return [{ key: String(i), text: d }];
    if (typeof d !== 'object' || d === null) return [];
    const o = d as Record<string, unknown>;
    const msg = typeof o.message === 'string' ? o.message : undefined;
    if (!msg) return [];
    const where = [o.field, o.path, o.instancePath, o.line].find(
      (v) => typeof v === 'string' || typeof v === 'number',
    );
    return [{ key: String(i), text: where !== undefined && where !== '' ? `${String(where)}: ${msg}` : msg }];
  });
}

export function ApiErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const lines = isApiError(error) ? detailLines(error.details) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16, ...style }}
      title={errorMessage(error)}
      description={
        lines.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {lines.map((l) => (
              <li key={l.key}>{l.text}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
