import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import {
  PasswordReset,
  User,
  UserCreateBody,
  UserCreated,
  UserListQuery,
  UserPage,
  UserPatchBody,
  UserRef,
} from '../../contract/users.js';
import {
  createUser,
  getUser,
  listUsers,
  resetUserPassword,
  setUserActive,
  updateUser,
} from './users.service.js';

export const userRoutes: RoutePlugin = async (app, { deps }) => {
  app.addSchema(User);
  const tags = ['users'];

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Danh sách người dùng (quản trị)',
        querystring: UserListQuery,
        response: responses({ 200: UserPage }),
      },
    },
    async (req) => listUsers(deps, req.ctx, req.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Tạo người dùng; trả về mật khẩu dùng một lần (chỉ hiện một lần)',
        body: UserCreateBody,
        response: responses({ 201: UserCreated }),
      },
    },
    async (req, reply) => {
      const r = await createUser(deps, req.ctx, req.body);
      return reply.code(201).send({ user: r.user, oneTimePassword: r.oneTimePassword! });
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết người dùng',
        params: IdParams,
        response: responses({ 200: UserRef }),
      },
    },
    async (req) => getUser(deps, req.ctx, req.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Sửa người dùng',
        params: IdParams,
        body: UserPatchBody,
        response: responses({ 200: UserRef }),
      },
    },
    async (req) => updateUser(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/users/:id/disable',
    { schema: { tags, summary: 'Khóa tài khoản', params: IdParams, response: responses({ 200: UserRef }) } },
    async (req) => setUserActive(deps, req.ctx, req.params.id, false),
  );

  app.post(
    '/api/users/:id/enable',
    {
      schema: { tags, summary: 'Mở khóa tài khoản', params: IdParams, response: responses({ 200: UserRef }) },
    },
    async (req) => setUserActive(deps, req.ctx, req.params.id, true),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu dùng một lần',
        params: IdParams,
        response: responses({ 200: PasswordReset }),
      },
    },
    async (req) => resetUserPassword(deps, req.ctx, req.params.id),
  );
};
