import { z } from 'zod';

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable error code'),
    detail: z.string().describe('Message in the language chosen by Accept-Language (Vietnamese by default)'),
    message: z.object({ vi: z.string(), en: z.string() }),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          message: z
            .string()
            .describe("The field's error in the language chosen by Accept-Language (Vietnamese by default)"),
          messages: z.object({ vi: z.string(), en: z.string() }),
        }),
      )
      .optional()
      .describe('Field-level validation errors'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
