import { z } from 'zod';

/** Text fields of the dossier requests: trimmed, bounded; `optionalText` accepts null and absence. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullish();
/** A phone number as the dossier requests take it (digits, spaces, dots, dashes, an optional +); null or absent. */
export const optionalPhone = () =>
  z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{8,20}$/, 'A phone number: 8 to 20 digits (spaces, dots, dashes, a leading + allowed)')
    .nullish();
