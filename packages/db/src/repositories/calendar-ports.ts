import type { AuditPort, CalendarSchedulesRepository, CalendarSettingsRepository } from '@mot-cua/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import { createAuditPort } from './audit.repository.js';
import { createCalendarRepository } from './calendar.repository.js';

/** Ports of the calendar write use cases (schedules, settings) over one transaction. */
export function createCalendarPorts(
  trx: Kysely<DB>,
  requestId: string | null = null,
): { schedules: CalendarSchedulesRepository; settings: CalendarSettingsRepository; audit: AuditPort } {
  const repo = createCalendarRepository(trx);
  return { schedules: repo, settings: repo, audit: createAuditPort(trx, requestId) };
}
