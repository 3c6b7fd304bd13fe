import {
  CounterState,
  HeldResult,
  HoldResultRequest,
  LinkDossierRequest,
  MyCounter,
  TransferRequest,
} from '@mot-cua/contracts';
import {
  AppError,
  authorize,
  callNext,
  closeCounter,
  finishServing,
  holdResultAtCounter,
  linkDossierToTicket,
  markNoShow,
  openCounter,
  type QueueContext,
  type QueuePorts,
  recallTicket,
  startServing,
  transferTicket,
  vnDate,
} from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { IdParams, publicUrlOf, queueContext, queueRepo, queueWrite, queueWriteWithReturn, tags } from './shared.js';

const TicketActionParams = z.object({ id: z.uuid(), action: z.enum(['recall', 'no-show', 'start', 'finish']) });

/** A counter's screen for the official: open, call next, recall, no-show, start, finish, transfer, link a dossier. */
export const countersRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  async function stateOf(counterId: string) {
    const s = await queueRepo(deps).counterState(counterId, vnDate(deps.clock.now()), publicUrlOf(deps));
    if (!s) throw new AppError('QUEUE_COUNTER_NOT_FOUND', { details: { counterId } });
    return s;
  }
  /** Reads are for officials who may serve at the counter's center. */
  async function readable(req: Parameters<typeof requireActor>[0], counterId: string) {
    const actor = requireActor(req);
    const s = await stateOf(counterId);
    const scope = await queueRepo(deps).centerScope(s.centerId);
    authorize(actor, 'queue.serve', { kind: 'unit', unitCode: scope!.unitCode, provinceCode: scope!.provinceCode });
    return s;
  }
  const counterAction = (name: string, fn: (id: string, ctx: QueueContext, ports: QueuePorts) => Promise<unknown>) =>
    app.post(
      `/counters/:id/${name}`,
      { schema: { tags, summary: `Counter: ${name}`, params: IdParams, response: { 200: CounterState } } },
      async (req) => {
        requireActor(req);
        const ctx = queueContext(deps, req);
        await queueWrite(deps, req, (ports) => fn(req.params.id, ctx, ports));
        return stateOf(req.params.id);
      },
    );

  app.get(
    '/counters/mine',
    { schema: { tags, summary: 'The counter the signed-in official holds, if any', response: { 200: MyCounter } } },
    async (req) => ({ counterId: (await queueRepo(deps).counterHeldBy(requireActor(req).userId))?.counterId ?? null }),
  );

  app.get(
    '/counters/:id',
    { schema: { tags, summary: "A counter's state", params: IdParams, response: { 200: CounterState } } },
    async (req) => readable(req, req.params.id),
  );

  counterAction('open', openCounter);
  counterAction('close', closeCounter);
  counterAction('call-next', callNext);

  app.post(
    '/counters/:id/results',
    {
      schema: {
        tags,
        summary: 'Record that this counter holds the result of a dossier (pickup tickets for it are routed here)',
        params: IdParams,
        body: HoldResultRequest,
        response: { 200: HeldResult },
      },
    },
    async (req) => {
      requireActor(req);
      const ctx = queueContext(deps, req);
      const r = await queueWrite(deps, req, (ports) =>
        holdResultAtCounter(req.params.id, req.body.dossierCode, ctx, ports),
      );
      return { dossierCode: r.code, counterNumber: r.counterNumber };
    },
  );

  app.post(
    '/tickets/:id/:action',
    {
      schema: {
        tags,
        summary:
          'A ticket at the counter: recall, no-show, start serving, finish (links the dossiers received; a pickup ticket returns the result)',
        params: TicketActionParams,
        response: { 200: CounterState },
      },
    },
    async (req) => {
      requireActor(req);
      const ctx = queueContext(deps, req);
      const { id, action } = req.params;
      // Finishing a pickup ticket hands the result back (the dossier's `returned`, in the same transaction).
      const counterId =
        action === 'finish'
          ? await queueWriteWithReturn(deps, req, async (ports, pickupReturn) => {
              const before = await ports.lockTicket(id);
              await finishServing(id, ctx, ports, { pickupReturn });
              return before?.counterId ?? null;
            })
          : await queueWrite(deps, req, async (ports) => {
              const before = await ports.lockTicket(id);
              await { recall: recallTicket, 'no-show': markNoShow, start: startServing }[action](id, ctx, ports);
              return before?.counterId ?? null;
            });
      return stateOf(counterId!);
    },
  );

  app.post(
    '/tickets/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Send a ticket to another group or counter (the visitor keeps their place)',
        params: IdParams,
        body: TransferRequest,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const ctx = queueContext(deps, req);
      await queueWrite(deps, req, (ports) => transferTicket(req.params.id, req.body, ctx, ports));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/tickets/:id/dossiers',
    {
      schema: {
        tags,
        summary: 'Link a dossier (by code) to the ticket being served',
        params: IdParams,
        body: LinkDossierRequest,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const ctx = queueContext(deps, req);
      await queueWrite(deps, req, (ports) => linkDossierToTicket(req.params.id, req.body.dossierCode, ctx, ports));
      return reply.status(204).send(null);
    },
  );
};
