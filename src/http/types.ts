import type {} from '@fastify/cookie';
import type { FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ctx } from '../features/context.js';
import type { Deps } from '../features/deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** No session needed (login, health). */
    public?: boolean;
    /** Allowed while the user still has to change a one-time password. */
    allowWhilePasswordChange?: boolean;
  }
}

export type RoutePlugin = FastifyPluginAsync<{ deps: Deps }, RawServerDefault, TypeBoxTypeProvider>;
