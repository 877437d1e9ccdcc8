/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie.
 * Every failure becomes an `ApiError` carrying the server's `{code, message, details}`.
 */
import type { ErrorCode } from '../shared/errors';

/** Codes the client gives a failure the server did not answer with its own `{code, message}`. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'INVALID_RESPONSE' | `HTTP_${number}`;
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Is `e` an API error (with that code)? A code the server does not have fails to compile. */
export function isApiError(e: unknown, code?: ApiErrorCode): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** A user-facing Vietnamese message for any error thrown by a request or by our own code. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return 'Đã có lỗi xảy ra, vui lòng thử lại';
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Dữ liệu gửi lên không hợp lệ',
  401: 'Vui lòng đăng nhập',
  403: 'Bạn không có quyền thực hiện thao tác này',
  404: 'Không tìm thấy',
  409: 'Dữ liệu đã bị thay đổi, vui lòng tải lại',
  413: 'Dữ liệu gửi lên quá lớn',
  429: 'Bạn thao tác quá nhanh, vui lòng thử lại sau',
  502: 'Máy chủ tạm thời không phản hồi, vui lòng thử lại sau',
  503: 'Hệ thống tạm thời không sẵn sàng, vui lòng thử lại sau',
};

function fallbackMessage(status: number): string {
  return (
    STATUS_MESSAGES[status] ??
    (status >= 500 ? 'Lỗi hệ thống, vui lòng thử lại sau' : `Lỗi không xác định (mã ${status})`)
  );
}

/** The server's error body. Its `code` is one of the server's `ErrorCode`s (src/http/app.ts sends no other). */
function isErrorBody(v: unknown): v is { code: ErrorCode; message: string; details?: unknown } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { code?: unknown }).code === 'string' &&
    typeof (v as { message?: unknown }).message === 'string'
  );
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as-is with the given content type (e.g. CSV text). */
  text?: { body: string; contentType: string };
  /** Raw bytes (an uploaded file), sent as `application/octet-stream`. */
  bytes?: Blob;
  signal?: AbortSignal;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | Blob | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.text) {
    headers['Content-Type'] = opts.text.contentType;
    body = opts.text.body;
  } else if (opts.bytes) {
    headers['Content-Type'] = 'application/octet-stream';
    body = opts.bytes;
  }

  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'Không kết nối được tới máy chủ, vui lòng kiểm tra mạng và thử lại',
    );
  }

  const raw = await res.text();
  let data: unknown = undefined;
  if (raw) {
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
  }

  if (!res.ok) {
    if (isErrorBody(data)) throw new ApiError(res.status, data.code, data.message, data.details);
    throw new ApiError(res.status, `HTTP_${res.status}`, fallbackMessage(res.status));
  }
  if (raw && data === undefined) {
    throw new ApiError(res.status, 'INVALID_RESPONSE', 'Máy chủ trả về dữ liệu không đọc được');
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, json?: unknown) => request<T>(path, { method: 'POST', json }),
  patch: <T>(path: string, json: unknown) => request<T>(path, { method: 'PATCH', json }),
  put: <T>(path: string, json: unknown) => request<T>(path, { method: 'PUT', json }),
  postText: <T>(path: string, body: string, contentType: string) =>
    request<T>(path, { method: 'POST', text: { body, contentType } }),
  postBytes: <T>(path: string, bytes: Blob, query?: Query) =>
    request<T>(path, { method: 'POST', bytes, query }),
};
