import type { RoutePlugin } from '../../http/types.js';
import { IdParams, responses } from '../../contract/common.js';
import * as contract from '../../contract/users.js';
import * as service from './users.service.js';

export const userRoutes: RoutePlugin = async (app, { deps }) => {
  app.addSchema(contract.User);
  const tags = ['users'];

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Danh sách người dùng (quản trị)',
        querystring: contract.UserListQuery,
        response: responses({ 200: contract.UserPage }),
      },
    },
    async (req) => service.listUsers(deps, req.ctx, req.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Tạo người dùng; trả về mật khẩu dùng một lần (chỉ hiện một lần)',
        body: contract.UserCreateBody,
        response: responses({ 201: contract.UserCreated }),
      },
    },
    async (req, reply) => {
      const r = await service.createUser(deps, req.ctx, req.body);
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
        response: responses({ 200: contract.UserRef }),
      },
    },
    async (req) => service.getUser(deps, req.ctx, req.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Sửa người dùng',
        params: IdParams,
        body: contract.UserPatchBody,
        response: responses({ 200: contract.UserRef }),
      },
    },
    async (req) => service.updateUser(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/users/:id/disable',
    {
      schema: {
        tags,
        summary: 'Khóa tài khoản',
        params: IdParams,
        response: responses({ 200: contract.UserRef }),
      },
    },
    async (req) => service.setUserActive(deps, req.ctx, req.params.id, false),
  );

  app.post(
    '/api/users/:id/enable',
    {
      schema: {
        tags,
        summary: 'Mở khóa tài khoản',
        params: IdParams,
        response: responses({ 200: contract.UserRef }),
      },
    },
    async (req) => service.setUserActive(deps, req.ctx, req.params.id, true),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu dùng một lần',
        params: IdParams,
        response: responses({ 200: contract.PasswordReset }),
      },
    },
    async (req) => service.resetUserPassword(deps, req.ctx, req.params.id),
  );
};
