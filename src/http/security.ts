/**
 * Cross-site request refusal (CSRF) and the security headers of every response.
 *
 * CSRF. A state-changing request (POST, PUT, PATCH, DELETE) is refused with 403 `CROSS_SITE_REQUEST`
 * when the browser says it comes from another site:
 * - `Origin` present: it must be the app's own origin. The own origin is `PUBLIC_URL` when set
 *   (comma-separated for several names); otherwise the origin the request was addressed to:
 *   `Host` and the connection's scheme, or, with `TRUST_PROXY`, `X-Forwarded-Host` / `X-Forwarded-Proto`
 *   (Fastify's `request.host` and `request.protocol`). `Origin: null` (sandboxed frames, privacy redirects)
 *   is refused.
 * - no `Origin`: `Sec-Fetch-Site` must be `same-origin` or `none` when present (`same-site` is refused:
 *   a sibling sub-domain is another application).
 * - neither header: allowed. Browsers send `Origin` on every cross-origin request whose method is not
 *   GET or HEAD (forms and fetch alike), and modern ones add `Sec-Fetch-Site`; a request with neither
 *   comes from a program (curl, the CLI, the tests), which holds the session itself and gains nothing
 *   by forging a request.
 *
 * Headers come from @fastify/helmet (see `helmetOptions`), plus `Permissions-Policy`, which helmet no
 * longer sets. HSTS is sent only on a secure connection (TLS, or `X-Forwarded-Proto: https` from a
 * trusted proxy) or when `COOKIE_SECURE=1` declares the deployment HTTPS-only.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import { AppError } from '../errors.js';

export interface SecurityOptions {
  /** The app's public address(es), e.g. `https://thucthi.hanoi.gov.vn`; comma-separated for several. */
  publicUrl?: string | null;
  /** The deployment is HTTPS-only (`COOKIE_SECURE=1`): HSTS on every response. */
  httpsOnly?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `scheme://host[:port]` in canonical form (lower case, default port dropped), or null. */
export function canonicalOrigin(value: string): string | null {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** Parses `PUBLIC_URL`; throws a clear message on a value that is not an http(s) address. */
export function parsePublicUrls(value: string | null | undefined): string[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const o = canonicalOrigin(s);
      if (!o) throw new Error(`PUBLIC_URL phải là địa chỉ http(s)://… (nhận được "${s}")`);
      return o;
    });
}

/** The origin the request was addressed to (behind a trusted proxy: the forwarded host and scheme). */
function requestOrigin(req: FastifyRequest): string | null {
  if (!req.host) return null;
  return canonicalOrigin(`${req.protocol}://${req.host}`);
}

/** Refuses a state-changing request a browser sent from another site. */
export function makeCsrfCheck(opts: SecurityOptions) {
  const configured = parsePublicUrls(opts.publicUrl);
  return (req: FastifyRequest): void => {
    if (SAFE_METHODS.has(req.method)) return;
    const origin = req.headers.origin;
    if (typeof origin === 'string') {
      const got = canonicalOrigin(origin);
      const own = configured.length ? configured : [requestOrigin(req)];
      if (got && own.includes(got)) return;
      throw new AppError('CROSS_SITE_REQUEST', { origin });
    }
    const site = req.headers['sec-fetch-site'];
    if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
      throw new AppError('CROSS_SITE_REQUEST', { secFetchSite: site });
    }
  };
}

/**
 * Content-Security-Policy of every response (the web app and /docs alike; both load only their own
 * scripts, checked in test/api/security.test.ts and test/e2e/security.browser.test.ts):
 * - `script-src 'self'`: no inline script, no eval. Vite's build has none (one module script by URL).
 * - `style-src 'self' 'unsafe-inline'`: Ant Design's CSS-in-JS inserts `<style>` elements at run time,
 *   and React, ECharts and Swagger UI write `style="…"` attributes, which no nonce can cover. Inline
 *   style cannot run code; the risk left is CSS-based data exfiltration, bounded by `img-src`/`font-src`/
 *   `connect-src 'self'`.
 * - `img-src 'self' data: blob:` (icons as data: URIs, chart exports), `font-src 'self' data:`.
 * - `frame-ancestors 'none'` (and `X-Frame-Options: DENY` for old browsers), `form-action 'self'`,
 *   `object-src 'none'`, `base-uri 'self'`.
 * `upgrade-insecure-requests` only when HTTPS-only: on a plain-HTTP intranet it would break every request.
 */
export function helmetOptions(opts: SecurityOptions): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(opts.httpsOnly ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // Downloads (.docx, evidence files) are opened by other programs, not embedded: same-origin is fine.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  };
}

/** Features the app never uses, refused for the page and anything it might embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** After helmet's hook: Permissions-Policy, and HSTS kept only where it is meaningful. */
export function makeHeaderHook(opts: SecurityOptions) {
  return (req: FastifyRequest, reply: FastifyReply): void => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (!opts.httpsOnly && req.protocol !== 'https') reply.raw.removeHeader('strict-transport-security');
  };
}
