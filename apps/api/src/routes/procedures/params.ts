import { PROCEDURE_CODE_PATTERN } from '@mot-cua/contracts';
import { z } from 'zod';

export const CodeParam = z.object({ code: z.string().regex(PROCEDURE_CODE_PATTERN) });
export const UnitParam = z.object({ unitCode: z.string().regex(/^[0-9A-Z]{2,10}$/) });
export const UnitCodeParams = UnitParam.extend({ code: z.string().regex(PROCEDURE_CODE_PATTERN) });
