import { z } from 'zod';

export const YearParam = z.object({ year: z.coerce.number().int() });
