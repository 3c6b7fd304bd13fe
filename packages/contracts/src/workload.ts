import { z } from 'zod';
import { ExportFormatParam } from './service-index.js';

const UnitCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{2,12}$/);
const CivilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const WorkloadQuery = z.object({
  provinceCode: UnitCode.optional().describe('One province (default: the caller’s province, or the nation)'),
  unitCode: UnitCode.optional().describe('One commune'),
  from: CivilDate.optional().describe('First day (Vietnam), default the first of this month'),
  to: CivilDate.optional().describe('Last day included (Vietnam), default today'),
  format: ExportFormatParam,
  table: z
    .enum(['units', 'backlog', 'steps', 'noOnlineApprover', 'certificateGaps', 'moves'])
    .default('units')
    .describe('With format=xlsx|pdf: which table is written to the file (default the per-unit table)'),
});
export type WorkloadQuery = z.infer<typeof WorkloadQuery>;

export const WorkloadUnit = z.object({
  unitCode: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  received: z.number().int().describe('Dossiers that entered at the unit in the period'),
  officials: z.number().int().describe('Officials holding a handling role at the unit at some time in the period'),
  open: z.number().int().describe('Of the unit’s dossiers, those still open now'),
  perOfficialPerDay: z.number().nullable(),
  overload: z.enum(['above_threshold', 'no_staff']).nullable(),
});
export type WorkloadUnit = z.infer<typeof WorkloadUnit>;

export const Workload = z
  .object({
    scope: z.object({ code: z.string(), name: z.string(), level: z.enum(['nation', 'province', 'unit']) }),
    from: z.string(),
    to: z.string(),
    workingDays: z.number().int(),
    threshold: z.number().describe('Dossiers per official per working day above which demand outgrows staff'),
    unitsLevel: z
      .enum(['province', 'unit'])
      .describe(
        'What the rows of `units` are: the provinces for the nation (each the sum of its units; officials counted once per province; drill into one with provinceCode), else the units where dossiers entered',
      ),
    units: z.array(WorkloadUnit),
    backlog: z.object({
      points: z.array(z.object({ day: z.string(), open: z.number().int() })),
      first: z.number().int(),
      last: z.number().int(),
      change: z.number().int(),
      perDay: z.number().nullable(),
    }),
    steps: z.array(z.object({ step: z.number().int(), completed: z.number().int(), medianHours: z.number() })),
    noOnlineApprover: z.object({
      total: z.number().int(),
      items: z.array(z.object({ code: z.string(), fullName: z.string(), provinceCode: z.string() })),
      byProvince: z
        .array(
          z.object({
            provinceCode: z.string(),
            name: z.string(),
            communes: z.number().int(),
            without: z.number().int().describe('Communes where nobody can approve online'),
            withoutCertificate: z
              .number()
              .int()
              .describe('Communes where no leader holds a signature certificate valid today'),
          }),
        )
        .describe('For the nation: the communes counted per province (items is then empty: drill into a province)'),
    }),
    certificateGaps: z
      .object({
        total: z.number().int(),
        items: z.array(
          z.object({
            unitCode: z.string(),
            unitName: z.string(),
            provinceCode: z.string(),
            userId: z.string(),
            fullName: z.string(),
            gap: z.enum(['missing', 'expired']),
            certificateValidTo: z.string().nullable(),
          }),
        ),
        byProvince: z
          .array(
            z.object({
              provinceCode: z.string(),
              name: z.string(),
              missing: z.number().int(),
              expired: z.number().int(),
            }),
          )
          .describe('For the nation: the leaders counted per province (items is then empty: drill into a province)'),
      })
      .describe('Leaders of the communes (online approvers) whose signature certificate is missing or expired today'),
    moves: z.array(
      z.object({
        userId: z.string(),
        fullName: z.string(),
        unitCode: z.string(),
        fromUnitCode: z.string().nullable(),
        kind: z.enum(['transfer', 'secondment']),
        validFrom: z.string(),
        validTo: z.string().nullable(),
        decisionNumber: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Workload' });
export type Workload = z.infer<typeof Workload>;

export const WorkloadSettings = z
  .object({ dossiersPerOfficialPerDay: z.number().positive().max(1000) })
  .meta({ id: 'WorkloadSettings' });
export type WorkloadSettings = z.infer<typeof WorkloadSettings>;
