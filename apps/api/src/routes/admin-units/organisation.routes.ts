import {
  CounterPatch,
  CounterRequest,
  Department,
  DepartmentPatch,
  DepartmentRequest,
  EndRequest,
  OnDateQuery,
  Organisation,
  ServiceCenterPatch,
  ServiceCenterRequest,
} from '@mot-cua/contracts';
import {
  addCounter,
  addDepartment,
  addServiceCenter,
  createDefaultOrganisation,
  endDepartment,
  type OrganisationPorts,
  renameDepartment,
  updateCounter,
  updateServiceCenter,
} from '@mot-cua/core';
import { createAdminUnitsRepository, createOrganisationPorts, createOrganisationRepository } from '@mot-cua/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { inTransaction } from '../write.js';
import { CodeParams, IdParams, tags, todayOf, writeContext } from './shared.js';

const Created = z.object({ id: z.string() });

/** A unit's departments, service centers and counters: read by anyone, written by its organisation managers. */
export const organisationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const today = todayOf(deps);

  const write = <T>(req: FastifyRequest, fn: (ports: OrganisationPorts) => Promise<T>) =>
    inTransaction(deps, req, createOrganisationPorts, fn);

  async function organisationOf(code: string, onDate: string) {
    const unit = await createAdminUnitsRepository(db).getUnit(code, onDate);
    const org = createOrganisationRepository(db);
    const centers = await org.listServiceCenters(unit.code, onDate);
    return {
      unit,
      onDate,
      departments: await org.listDepartments(unit.code, onDate),
      serviceCenters: await Promise.all(centers.map(async (c) => ({ ...c, counters: await org.listCounters(c.id) }))),
    };
  }
  const departmentView = async (id: string) => (await createOrganisationRepository(db).findDepartment(id))!;

  app.get(
    '/units/:code/organisation',
    {
      schema: {
        tags,
        summary: "A unit's departments, service centers and counters as of a date",
        params: CodeParams,
        querystring: OnDateQuery,
        response: { 200: Organisation },
      },
    },
    async (req) => organisationOf(req.params.code, req.query.onDate ?? today()),
  );

  app.post(
    '/units/:code/organisation/default',
    {
      schema: {
        tags,
        summary: 'Create the default organisation of a unit (Decree 150/2025) when it has none',
        params: CodeParams,
        response: { 200: Organisation },
      },
    },
    async (req) => {
      const ctx = writeContext(deps, req);
      const unit = await write(req, (ports) => createDefaultOrganisation(req.params.code, ctx, ports));
      return organisationOf(unit.code, ctx.today);
    },
  );

  app.post(
    '/units/:code/departments',
    {
      schema: {
        tags,
        summary: 'Add a department',
        params: CodeParams,
        body: DepartmentRequest,
        response: { 201: Department },
      },
    },
    async (req, reply) => {
      const ctx = writeContext(deps, req);
      const id = await write(req, (ports) => addDepartment(req.params.code, req.body, ctx, ports));
      return reply.status(201).send(await departmentView(id));
    },
  );

  app.patch(
    '/departments/:id',
    {
      schema: {
        tags,
        summary: 'Rename a department',
        params: IdParams,
        body: DepartmentPatch,
        response: { 200: Department },
      },
    },
    async (req) => {
      const ctx = writeContext(deps, req);
      await write(req, (ports) => renameDepartment(req.params.id, req.body, ctx, ports));
      return departmentView(req.params.id);
    },
  );

  app.post(
    '/departments/:id/end',
    {
      schema: {
        tags,
        summary: 'End a department (history kept)',
        params: IdParams,
        body: EndRequest,
        response: { 200: Department },
      },
    },
    async (req) => {
      const ctx = writeContext(deps, req);
      await write(req, (ports) => endDepartment(req.params.id, req.body, ctx, ports));
      return departmentView(req.params.id);
    },
  );

  app.post(
    '/units/:code/service-centers',
    {
      schema: {
        tags,
        summary: 'Add a service center or reception point',
        params: CodeParams,
        body: ServiceCenterRequest,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const ctx = writeContext(deps, req);
      const id = await write(req, (ports) => addServiceCenter(req.params.code, req.body, ctx, ports));
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/service-centers/:id',
    {
      schema: {
        tags,
        summary: 'Update a service center',
        params: IdParams,
        body: ServiceCenterPatch,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const ctx = writeContext(deps, req);
      await write(req, (ports) => updateServiceCenter(req.params.id, req.body, ctx, ports));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/service-centers/:id/counters',
    {
      schema: {
        tags,
        summary: 'Add a counter',
        params: IdParams,
        body: CounterRequest,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const ctx = writeContext(deps, req);
      const id = await write(req, (ports) => addCounter(req.params.id, req.body, ctx, ports));
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/counters/:id',
    {
      schema: {
        tags,
        summary: 'Update or close a counter',
        params: IdParams,
        body: CounterPatch,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const ctx = writeContext(deps, req);
      await write(req, (ports) => updateCounter(req.params.id, req.body, ctx, ports));
      return reply.status(204).send(null);
    },
  );
};
