/** Sign-in, sign-out, the signed-in user and the password change: requests and responses. */
import { Type, type Static } from '@sinclair/typebox';
import { RefTo, Text } from './common.js';
import { AccountFields } from './users.js';
import { PASSWORD_MAX } from '../domain/password-limits.js';

/** The signed-in user, as the web app needs it. Registered once (`$id`), referenced as `MeRef`. */
export const Me = Type.Object(
  {
    ...AccountFields,
    mustChangePassword: Type.Boolean(),
  },
  { $id: 'Me', title: 'Me' },
);
export type Me = Static<typeof Me>;
export const MeRef = RefTo(Me);

export const MeResponse = Type.Object({ user: MeRef });
export type MeResponse = Static<typeof MeResponse>;

export const LoginBody = Type.Object(
  { username: Text(100, 1), password: Text(PASSWORD_MAX, 1) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const PasswordChangeBody = Type.Object(
  { currentPassword: Text(PASSWORD_MAX, 1), newPassword: Text(PASSWORD_MAX, 1) },
  { additionalProperties: false },
);
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;
