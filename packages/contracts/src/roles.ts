import { z } from 'zod';

/** Roles of the one-stop mechanism. An official may hold several, each in one jurisdiction. */
export const Role = z.enum([
  'citizen',
  'reception',
  'specialist',
  'department_head',
  'leader',
  'center_director',
  'supervisor',
  'system_admin',
]);
export type Role = z.infer<typeof Role>;

/** The admin unit code that stands for the whole country in a jurisdiction. */
export const NATIONAL_SCOPE = 'VN';

export const RoleGrant = z.object({
  role: Role,
  /** Admin unit code the role is exercised in: a commune (5 digits), a province (2 digits) or 'VN'. */
  unitCode: z.string().min(2).max(10),
});
export type RoleGrant = z.infer<typeof RoleGrant>;
