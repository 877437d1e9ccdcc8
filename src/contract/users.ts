/** User administration: requests and responses of /api/users. */
import { Type, type Static } from '@sinclair/typebox';
import {
  ActiveFilter,
  Email,
  Limit,
  Nullable,
  Offset,
  Page,
  RefTo,
  Role,
  Search,
  Text,
  Uuid,
} from './common.js';
import { LIMITS } from '../domain/limits.js';

const Username = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$' });

/** Who an account is: the fields the signed-in user (`Me`) and the administrator's view (`User`) share. */
export const AccountFields = {
  id: Uuid,
  username: Type.String(),
  fullName: Type.String(),
  email: Nullable(Type.String()),
  role: Role,
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
};

/** An account, as the administrator sees it. Registered once (`$id`), referenced as `UserRef`. */
export const User = Type.Object(
  {
    ...AccountFields,
    active: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User', title: 'User' },
);
export type User = Static<typeof User>;
export const UserRef = RefTo(User);

export const UserPage = Page(UserRef);
export type UserPage = Static<typeof UserPage>;

export const UserListQuery = Type.Object({
  q: Search,
  role: Type.Optional(Role),
  unitId: Type.Optional(Uuid),
  active: ActiveFilter,
  limit: Limit(500, 50),
  offset: Offset,
});
export type UserListQuery = Static<typeof UserListQuery>;

export const UserCreateBody = Type.Object(
  {
    username: Username,
    fullName: Text(LIMITS.fullName, 1),
    email: Type.Optional(Email),
    role: Role,
    unitId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type UserCreateBody = Static<typeof UserCreateBody>;

export const UserPatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    fullName: Type.Optional(Text(LIMITS.fullName, 1)),
    email: Type.Optional(Email),
    role: Type.Optional(Role),
    unitId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type UserPatchBody = Static<typeof UserPatchBody>;

/** The one-time password the administrator hands over; shown only in this response. */
const OneTimePassword = Type.String({ description: 'Mật khẩu dùng một lần (chỉ hiện một lần)' });

export const UserCreated = Type.Object({ user: UserRef, oneTimePassword: OneTimePassword });
export type UserCreated = Static<typeof UserCreated>;

export const PasswordReset = Type.Object({ oneTimePassword: OneTimePassword });
export type PasswordReset = Static<typeof PasswordReset>;
