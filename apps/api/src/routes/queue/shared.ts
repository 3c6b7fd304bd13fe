import {
  AppError,
  authorizationActionFor,
  MAX_YEAR,
  MIN_YEAR,
  type PickupReturn,
  type QueueContext,
  type QueuePorts,
  ticketingWindow,
  vnDate,
} from '@mot-cua/core';
import { createQueuePorts, createQueueRepository, loadWorkingCalendar } from '@mot-cua/db';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { optionalActor, requireActor } from '../../http/auth.js';
import { authorizeOnDossier, dossierDeps } from '../dossiers/dossier-deps.js';
import { inTransaction } from '../write.js';

export const tags = ['queue'];
export const CenterParams = z.object({ centerId: z.uuid() });
export const IdParams = z.object({ id: z.uuid() });
export const TokenParams = z.object({ token: z.string().min(8).max(64) });
/** Public writes (kiosk, phone): generous for a kiosk in a busy hall, a brake on a script. */
export const publicRate = { config: { rateLimit: { max: 300, timeWindow: '1 minute' } } };

/** Who acts (null for the kiosk or a citizen), now, and today in Vietnam. */
export const queueContext = (deps: AppDeps, req: FastifyRequest): QueueContext => {
  const now = deps.clock.now();
  return { actor: optionalActor(req) ?? null, now, today: vnDate(now) };
};

/** Run a front-desk use case in one transaction with its audit row; then tell this process's displays. */
export async function queueWrite<T>(
  deps: AppDeps,
  req: FastifyRequest,
  fn: (ports: QueuePorts) => Promise<T>,
): Promise<T> {
  const out = await inTransaction(
    deps,
    req,
    (trx, requestId) => createQueuePorts(trx, requestId, { publicUrl: deps.config.publicUrl }),
    fn,
  );
  displayWakeup.emit();
  return out;
}

/**
 * A front-desk write that may also act on a dossier in the same transaction: finishing a pickup ticket records
 * the result returned through the dossiers' `returnResult`, authorized as the dossier routes do (`dossier.return`
 * on the locked dossier) and audited in this transaction.
 */
export async function queueWriteWithReturn<T>(
  deps: AppDeps,
  req: FastifyRequest,
  fn: (ports: QueuePorts, pickupReturn: PickupReturn) => Promise<T>,
): Promise<T> {
  const actor = requireActor(req);
  const name = req.session?.user.fullName ?? null;
  const out = await inTransaction(
    deps,
    req,
    (trx, requestId) => ({
      ports: createQueuePorts(trx, requestId, { publicUrl: deps.config.publicUrl }),
      dossiers: dossierDeps(trx, deps, undefined, requestId),
    }),
    ({ ports, dossiers }) =>
      fn(ports, {
        deps: dossiers,
        actor: (dossier, state) =>
          authorizeOnDossier(actor, name, authorizationActionFor('returned', state.phase, null), dossier),
      }),
  );
  displayWakeup.emit();
  return out;
}

/**
 * Wakes the display streams of this process right after a queue write commits, so a call reaches the hall at once;
 * streams also poll the center's version every second, which is how writes made by other API processes arrive.
 */
export const displayWakeup = (() => {
  const listeners = new Set<() => void>();
  return {
    on(fn: () => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    emit() {
      for (const fn of listeners) fn();
    },
  };
})();

export const queueRepo = (deps: AppDeps) => createQueueRepository(deps.database.db);
export const publicUrlOf = (deps: AppDeps) => deps.config.publicUrl;

/** A front desk as the kiosk shows it, with whether tickets are issued now (core's ticketingWindow). */
export async function requireCenterView(deps: AppDeps, centerId: string) {
  const now = deps.clock.now();
  const today = vnDate(now);
  const view = await queueRepo(deps).centerView(centerId, today);
  if (!view) throw new AppError('QUEUE_CENTER_NOT_FOUND', { details: { centerId } });
  const ports = createQueuePorts(deps.database.db);
  const center = (await ports.findCenter(centerId))!;
  const w = ticketingWindow(await ports.calendarOf(center, today), now, center);
  return {
    ...view,
    hours: { open: w.open, opensAt: w.opensAt?.toISOString() ?? null, closesAt: w.closesAt?.toISOString() ?? null },
  };
}

/** The working calendar of a center's unit (holidays, make-up days, local days off, office hours). */
export async function centerCalendar(deps: AppDeps, centerId: string, date: string) {
  const scope = await queueRepo(deps).centerScope(centerId);
  if (!scope) throw new AppError('QUEUE_CENTER_NOT_FOUND', { details: { centerId } });
  const year = Number(date.slice(0, 4));
  // The working calendar spans MIN_YEAR–MAX_YEAR: a day outside it has no office hours (a RangeError, 500, before).
  if (year < MIN_YEAR || year > MAX_YEAR) throw new AppError('VALIDATION_FAILED', { details: { date } });
  const thisYear = Number(vnDate(deps.clock.now()).slice(0, 4));
  return loadWorkingCalendar(deps.database.db, {
    ...scope,
    fromYear: Math.min(year, thisYear),
    toYear: Math.max(year, thisYear),
  });
}

export async function ticketOrFail(deps: AppDeps, where: { id?: string; token?: string }) {
  const t = await queueRepo(deps).ticketView(where, publicUrlOf(deps));
  if (!t) throw new AppError('QUEUE_TICKET_NOT_FOUND');
  return t;
}
