import { z } from 'zod';

/** Field schemas the feedback contracts share (not exported from the package: `UnitCode` differs from admin-units'). */

export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,15}$/, 'phone');
/** An admin unit code: a commune (5 digits), a province (2 digits). */
export const UnitCode = z.string().regex(/^[0-9A-Za-z]{2,10}$/, 'unit code');
export const Text = (max: number) => z.string().trim().min(1).max(max);
export const DossierCode = z.string().trim().min(5).max(40);
