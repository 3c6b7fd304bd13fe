import { z } from 'zod';
import { PriorityRule, QueueGroupKind } from './queue.js';

/** Administration of a front desk (queue.manage): groups, the groups each counter serves, rules and hours. */
export const QueueGroupSettings = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: QueueGroupKind,
  fieldCodes: z.array(z.string()),
  numberBase: z.number().int(),
  position: z.number().int(),
  isActive: z.boolean(),
});
export type QueueGroupSettings = z.infer<typeof QueueGroupSettings>;
export const CounterGroupTier = z.object({ groupId: z.uuid(), tier: z.number().int().min(1).max(9) });
export const QueueCounterSettings = z.object({
  id: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  groups: z.array(CounterGroupTier),
});
export type QueueCounterSettings = z.infer<typeof QueueCounterSettings>;

export const QueueSettingsFields = z.object({
  priorityRules: z.array(PriorityRule).max(4),
  notices: z.array(z.string().trim().min(1).max(300)).max(10),
  slotMinutes: z.number().int().min(5).max(240),
  nearTurnAhead: z.number().int().min(0).max(20),
  openBeforeMinutes: z.number().int().min(0).max(120),
  closeBeforeMinutes: z.number().int().min(0).max(120),
});
export type QueueSettingsFields = z.infer<typeof QueueSettingsFields>;

export const QueueSettingsView = QueueSettingsFields.extend({
  centerId: z.uuid(),
  centerName: z.string(),
  unitCode: z.string(),
  groups: z.array(QueueGroupSettings),
  counters: z.array(QueueCounterSettings),
  /** Procedure fields offered for a group (the fields of the catalog's procedures in force). */
  fields: z.array(z.string()),
}).meta({ id: 'QueueSettingsView' });
export type QueueSettingsView = z.infer<typeof QueueSettingsView>;

export const QueueGroupInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{1,4}$/),
  name: z.string().trim().min(2).max(120),
  kind: QueueGroupKind,
  fieldCodes: z.array(z.string().trim().min(1).max(200)).max(40),
  numberBase: z.number().int().min(0).max(99_000),
  position: z.number().int().min(0).max(99),
  isActive: z.boolean(),
});
export type QueueGroupInput = z.infer<typeof QueueGroupInput>;

export const CounterGroupsRequest = z.object({ groups: z.array(CounterGroupTier).max(30) });
export type CounterGroupsRequest = z.infer<typeof CounterGroupsRequest>;
