/** Sign-in and session: the request and answers of /api/auth (zod schemas). */
import * as z from 'zod/mini';
import { BAD_CHARS } from './limits';
import type { ValidationKey } from './messages';
import { ROLES } from './roles';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

const cleanString = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !BAD_CHARS.test(s), 'badChars' satisfies ValidationKey),
  );

export const LoginRequest = z.object({
  email: cleanString(320),
  password: cleanString(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({
  email: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

/** `expiresAt` (ISO) is informative; the server may also end a session earlier (logout). */
export const LoginResponse = z.object({
  token: z.string(),
  user: SessionUser,
  expiresAt: z.optional(z.string()),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** GET /api/auth/me */
export const MeResponse = z.object({ user: SessionUser, expiresAt: z.optional(z.string()) });
export type MeResponse = z.infer<typeof MeResponse>;
