import {
  IssueTicketRequest,
  PickupTicketRequest,
  QueueCenterList,
  QueueCenterView,
  TicketView,
} from '@mot-cua/contracts';
import { issuePickupTicket, issueTicket } from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { renderQueueTicket } from '../../slips/queue-ticket.js';
import {
  CenterParams,
  publicRate,
  queueContext,
  queueRepo,
  queueWrite,
  requireCenterView,
  TokenParams,
  tags,
  ticketOrFail,
} from './shared.js';

/** Centers, tickets from the kiosk, the information desk and the receipt slip's QR, and the ticket a phone follows. */
export const ticketsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/centers',
    { schema: { tags, summary: 'Service centers with a front desk', response: { 200: QueueCenterList } } },
    async () => ({ items: await queueRepo(deps).listCenters() }),
  );

  app.get(
    '/centers/:centerId',
    {
      schema: {
        tags,
        summary: 'A front desk: groups with waiting count and expected wait, counters, priority rules, notices',
        params: CenterParams,
        response: { 200: QueueCenterView },
      },
    },
    async (req) => requireCenterView(deps, req.params.centerId),
  );

  app.post(
    '/centers/:centerId/tickets',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'Take a ticket at the kiosk (no sign-in)',
        params: CenterParams,
        body: IssueTicketRequest,
        response: { 201: TicketView },
      },
    },
    async (req, reply) => {
      const ctx = queueContext(deps, req);
      const body = {
        groupId: req.body.groupId,
        ...(req.body.priorityKind ? { priorityKind: req.body.priorityKind } : {}),
        ...(req.body.phone ? { phone: req.body.phone } : {}),
      };
      const t = await queueWrite(deps, req, (ports) => issueTicket(req.params.centerId, body, 'kiosk', ctx, ports));
      return reply.status(201).send(await ticketOrFail(deps, { id: t.id }));
    },
  );

  app.post(
    '/centers/:centerId/desk-tickets',
    {
      schema: {
        tags,
        summary: 'Issue a ticket at the information desk, with the procedure pre-checked against its checklist',
        params: CenterParams,
        body: IssueTicketRequest,
        response: { 201: TicketView },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const ctx = queueContext(deps, req);
      const t = await queueWrite(deps, req, (ports) =>
        issueTicket(req.params.centerId, req.body, 'information_desk', ctx, ports),
      );
      return reply.status(201).send(await ticketOrFail(deps, { id: t.id }));
    },
  );

  app.post(
    '/centers/:centerId/pickup-tickets',
    {
      ...publicRate,
      schema: {
        tags,
        summary:
          'A result-pickup ticket from the code on a receipt slip (its QR), routed to the counter that received it',
        params: CenterParams,
        body: PickupTicketRequest,
        response: { 201: TicketView },
      },
    },
    async (req, reply) => {
      const ctx = queueContext(deps, req);
      const t = await queueWrite(deps, req, (ports) =>
        issuePickupTicket(req.params.centerId, req.body.dossierCode, ctx, ports),
      );
      return reply.status(201).send(await ticketOrFail(deps, { id: t.id }));
    },
  );

  app.get(
    '/tickets/:token',
    {
      schema: {
        tags,
        summary: "Follow one's place by the ticket's QR: status, people ahead, expected wait, counter when called",
        params: TokenParams,
        response: { 200: TicketView },
      },
    },
    async (req) => ticketOrFail(deps, { token: req.params.token }),
  );

  app.get(
    '/tickets/:token/print',
    {
      schema: {
        tags,
        summary: 'The ticket as PDF for a thermal printer (58 or 80 mm wide)',
        params: TokenParams,
        querystring: z.object({
          width: z.coerce
            .number()
            .pipe(z.union([z.literal(58), z.literal(80)]))
            .default(80),
        }),
      },
    },
    async (req, reply) => {
      const t = await ticketOrFail(deps, { token: req.params.token });
      const pdf = await renderQueueTicket(t, req.query.width as 58 | 80);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="so-${t.number}.pdf"`)
        .send(pdf);
    },
  );
};
