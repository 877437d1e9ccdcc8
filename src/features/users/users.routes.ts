import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../../http/types.js';
import {
  ActiveFilter,
  IdParams,
  Limit,
  Offset,
  Text,
  Uuid,
  responses,
  Email,
  Nullable,
} from '../../contract/common.js';
import { ROLES } from '../../domain/roles.js';
import { LIMITS } from '../../domain/limits.js';
import {
  createUser,
  getUser,
  listUsers,
  resetUserPassword,
  setUserActive,
  updateUser,
} from './users.service.js';

const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
const Username = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$' });

const UserSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    fullName: Type.String(),
    email: Nullable(Type.String()),
    role: Role,
    unitId: Nullable(Type.String()),
    unitName: Nullable(Type.String()),
    active: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User', title: 'User' },
);
const UserRef = Type.Ref('User');

const CreateBody = Type.Object(
  {
    username: Username,
    fullName: Text(LIMITS.fullName, 1),
    email: Type.Optional(Email),
    role: Role,
    unitId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
const PatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    fullName: Type.Optional(Text(LIMITS.fullName, 1)),
    email: Type.Optional(Email),
    role: Type.Optional(Role),
    unitId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: LIMITS.search })),
  role: Type.Optional(Role),
  unitId: Type.Optional(Uuid),
  active: ActiveFilter,
  limit: Limit(500, 50),
  offset: Offset,
});

export const userRoutes: RoutePlugin = async (app, { deps }) => {
  app.addSchema(UserSchema);
  const tags = ['users'];

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Danh sách người dùng (quản trị)',
        querystring: ListQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(UserRef), total: Type.Integer() }) }),
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
        body: CreateBody,
        response: responses({ 201: Type.Object({ user: UserRef, oneTimePassword: Type.String() }) }),
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
        body: PatchBody,
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
        response: responses({ 200: Type.Object({ oneTimePassword: Type.String() }) }),
      },
    },
    async (req) => resetUserPassword(deps, req.ctx, req.params.id),
  );
};
