import {
  AppointmentView,
  BookAppointmentRequest,
  CheckInRequest,
  RescheduleRequest,
  SlotList,
  SlotsQuery,
  TicketView,
} from '@mot-cua/contracts';
import {
  AppError,
  bookAppointment,
  cancelAppointment,
  checkInAppointment,
  rescheduleAppointment,
  slotsOf,
} from '@mot-cua/core';
import { createQueuePorts } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import {
  CenterParams,
  centerCalendar,
  publicRate,
  queueContext,
  queueRepo,
  queueWrite,
  TokenParams,
  tags,
  ticketOrFail,
} from './shared.js';

/** Appointments booked by citizens (no sign-in; the token in the booking's QR is the key), and QR check-in. */
export const appointmentsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  async function view(token: string) {
    const a = await queueRepo(deps).appointmentView(token, deps.clock.now());
    if (!a) throw new AppError('QUEUE_APPOINTMENT_NOT_FOUND');
    return a;
  }

  app.get(
    '/centers/:centerId/slots',
    {
      schema: {
        tags,
        summary: 'Appointment slots of a group on a date (office hours of the working calendar, bookings held)',
        params: CenterParams,
        querystring: SlotsQuery,
        response: { 200: SlotList },
      },
    },
    async (req) => {
      const ports = createQueuePorts(deps.database.db);
      const center = await ports.findCenter(req.params.centerId);
      if (!center) throw new AppError('QUEUE_CENTER_NOT_FOUND');
      const calendar = await centerCalendar(deps, center.id, req.query.date);
      const r = await slotsOf(ports, center, req.query.groupId, req.query.date, calendar, deps.clock.now());
      return { date: req.query.date, ...r };
    },
  );

  app.post(
    '/centers/:centerId/appointments',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'Book an appointment',
        params: CenterParams,
        body: BookAppointmentRequest,
        response: { 201: AppointmentView },
      },
    },
    async (req, reply) => {
      const ctx = queueContext(deps, req);
      const calendar = await centerCalendar(deps, req.params.centerId, req.body.date);
      const token = await queueWrite(deps, req, (ports) =>
        bookAppointment(req.params.centerId, req.body, calendar, ctx, ports),
      );
      return reply.status(201).send(await view(token));
    },
  );

  app.get(
    '/appointments/:token',
    {
      schema: { tags, summary: 'An appointment by its token', params: TokenParams, response: { 200: AppointmentView } },
    },
    async (req) => view(req.params.token),
  );

  app.delete(
    '/appointments/:token',
    {
      ...publicRate,
      schema: { tags, summary: 'Cancel an appointment', params: TokenParams, response: { 200: AppointmentView } },
    },
    async (req) => {
      const ctx = queueContext(deps, req);
      await queueWrite(deps, req, (ports) => cancelAppointment(req.params.token, ctx, ports));
      return view(req.params.token);
    },
  );

  app.patch(
    '/appointments/:token',
    {
      ...publicRate,
      schema: {
        tags,
        summary: 'Move an appointment to another slot',
        params: TokenParams,
        body: RescheduleRequest,
        response: { 200: AppointmentView },
      },
    },
    async (req) => {
      const ctx = queueContext(deps, req);
      const current = await view(req.params.token);
      const calendar = await centerCalendar(deps, current.centerId, req.body.date);
      await queueWrite(deps, req, (ports) => rescheduleAppointment(req.params.token, req.body, calendar, ctx, ports));
      return view(req.params.token);
    },
  );

  app.post(
    '/check-in',
    {
      ...publicRate,
      schema: {
        tags,
        summary: "Check in at the kiosk with the booking's QR: a priority ticket of its group",
        body: CheckInRequest,
        response: { 201: TicketView },
      },
    },
    async (req, reply) => {
      const ctx = queueContext(deps, req);
      const t = await queueWrite(deps, req, (ports) => checkInAppointment(req.body.token, ctx, ports));
      return reply.status(201).send(await ticketOrFail(deps, { id: t.id }));
    },
  );
};
