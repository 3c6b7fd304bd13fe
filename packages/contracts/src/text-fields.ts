import { z } from 'zod';

/** Text fields of the dossier requests: trimmed, bounded; `optionalText` accepts null and absence. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullish();
