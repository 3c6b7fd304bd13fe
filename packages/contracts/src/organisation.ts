import { z } from 'zod';
import { AdminUnit, IsoDate } from './admin-units-over-time.js';

/** A unit's organisation: its departments, counters and service centers. */

export const DepartmentKind = z.enum([
  'office',
  'economic',
  'economic_infrastructure_urban',
  'culture_social',
  'planning_finance',
  'provincial_department',
  'other',
]);
export type DepartmentKind = z.infer<typeof DepartmentKind>;

export const Department = z
  .object({
    id: z.string(),
    unitCode: z.string(),
    kind: DepartmentKind,
    name: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof Department>;
export const DepartmentRequest = z
  .object({ kind: DepartmentKind, name: z.string().trim().min(2).max(200), validFrom: IsoDate.optional() })
  .meta({ id: 'DepartmentRequest' });
export type DepartmentRequest = z.infer<typeof DepartmentRequest>;
export const DepartmentPatch = z
  .object({ kind: DepartmentKind.optional(), name: z.string().trim().min(2).max(200).optional() })
  .meta({ id: 'DepartmentPatch' });
export type DepartmentPatch = z.infer<typeof DepartmentPatch>;
export const EndRequest = z.object({ lastDay: IsoDate }).meta({ id: 'EndRequest' });
export type EndRequest = z.infer<typeof EndRequest>;

export const Counter = z
  .object({
    id: z.string(),
    serviceCenterId: z.string(),
    unitCode: z.string(),
    number: z.number().int(),
    name: z.string(),
    fields: z.array(z.string()),
    isActive: z.boolean(),
  })
  .meta({ id: 'Counter' });
export type Counter = z.infer<typeof Counter>;
export const CounterRequest = z
  .object({
    number: z.number().int().min(1).max(999),
    name: z.string().trim().min(1).max(200),
    fields: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  })
  .meta({ id: 'CounterRequest' });
export type CounterRequest = z.infer<typeof CounterRequest>;
export const CounterPatch = z
  .object({
    number: z.number().int().min(1).max(999).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    fields: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'CounterPatch' });
export type CounterPatch = z.infer<typeof CounterPatch>;

export const ServiceCenter = z
  .object({
    id: z.string(),
    unitCode: z.string(),
    name: z.string(),
    isMain: z.boolean(),
    address: z.string().nullable(),
    directorUserId: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    counters: z.array(Counter),
  })
  .meta({ id: 'ServiceCenter' });
export type ServiceCenter = z.infer<typeof ServiceCenter>;
export const ServiceCenterRequest = z
  .object({
    name: z.string().trim().min(2).max(200),
    isMain: z.boolean().default(true),
    address: z.string().trim().max(300).nullable().optional(),
  })
  .meta({ id: 'ServiceCenterRequest' });
export type ServiceCenterRequest = z.infer<typeof ServiceCenterRequest>;
export const ServiceCenterPatch = z
  .object({
    name: z.string().trim().min(2).max(200).optional(),
    address: z.string().trim().max(300).nullable().optional(),
    directorUserId: z.string().uuid().nullable().optional(),
  })
  .meta({ id: 'ServiceCenterPatch' });
export type ServiceCenterPatch = z.infer<typeof ServiceCenterPatch>;

export const Organisation = z
  .object({
    unit: AdminUnit,
    onDate: z.string(),
    departments: z.array(Department),
    serviceCenters: z.array(ServiceCenter),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;
