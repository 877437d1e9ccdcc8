import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../http/types.js';
import { Ok, responses } from '../../contract/common.js';
import { LoginBody, Me, MeResponse, PasswordChangeBody } from '../../contract/auth.js';
import { SESSION_COOKIE, changePassword, getMe, login, logout } from './auth.service.js';

function token(req: FastifyRequest): string | undefined {
  return req.cookies[SESSION_COOKIE];
}

export const authRoutes: RoutePlugin = async (app, { deps }) => {
  app.addSchema(Me);
  /** The session cookie's options, the same when it is set and when it is cleared. */
  const cookieOptions = (req: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // Secure when configured (COOKIE_SECURE=1) or when the request came over TLS (directly, or per
    // X-Forwarded-Proto from a proxy trusted by TRUST_PROXY).
    secure: deps.config.cookieSecure === true || req.protocol === 'https',
  });
  const clear = (req: FastifyRequest, reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, cookieOptions(req));

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        body: LoginBody,
        response: responses({ 200: MeResponse }),
      },
    },
    async (req, reply) => {
      const r = await login(deps, req.ctx, req.body);
      reply.setCookie(SESSION_COOKIE, r.token, { ...cookieOptions(req), expires: r.expiresAt });
      return { user: r.user };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { allowWhilePasswordChange: true },
      schema: { tags: ['auth'], summary: 'Đăng xuất', response: responses({ 200: Ok }) },
    },
    async (req, reply) => {
      await logout(deps, req.ctx, token(req));
      clear(req, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { allowWhilePasswordChange: true },
      schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: responses({ 200: MeResponse }) },
    },
    async (req) => ({ user: await getMe(deps, req.ctx) }),
  );

  app.post(
    '/api/account/password',
    {
      config: { allowWhilePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu',
        body: PasswordChangeBody,
        response: responses({ 200: Ok }),
      },
    },
    async (req) => {
      await changePassword(deps, req.ctx, req.body, token(req));
      return { ok: true as const };
    },
  );
};
