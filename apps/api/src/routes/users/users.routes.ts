import {
  CreateUserRequest,
  OneTimePasswordResponse,
  UserIdParam,
  UserList,
  UserListQuery,
  UserView,
} from '@mot-cua/contracts';
import { AppError, authorize, createOfficialAccount, jurisdictionFor, vnDate } from '@mot-cua/core';
import { createUserAdminRepository, type Database } from '@mot-cua/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { featurePlugin } from '../feature.js';
import { inTransaction } from '../write.js';
import { presentOfficials, userAdminPorts } from './ports.js';
import { userActionRoutes } from './user-actions.routes.js';

/** One account as the actor sees it, or 404 when it is not an official's or lies outside their jurisdictions. */
export async function viewOfficial(
  deps: AppDeps,
  db: Database['db'],
  actor: ReturnType<typeof requireActor>,
  userId: string,
): Promise<UserView> {
  const page = await createUserAdminRepository(db).listOfficials({
    scopes: jurisdictionFor(actor, 'user.manage'),
    userId,
    status: 'all',
    onDate: vnDate(deps.clock.now()),
    limit: 1,
    offset: 0,
  });
  const [view] = await presentOfficials(actor, page.items, db);
  if (!view) throw new AppError('USER_NOT_FOUND');
  return view;
}

/** /api/admin/users: officials' accounts within the administrator's jurisdictions. */
const userAccountRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Officials with a grant in the units one manages (search by username or name, accents ignored)',
        querystring: UserListQuery,
        response: { 200: UserList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scopes = jurisdictionFor(actor, 'user.manage');
      if (scopes.length === 0) authorize(actor, 'user.manage', { kind: 'global' });
      const page = await createUserAdminRepository(db).listOfficials({
        scopes,
        ...req.query,
        onDate: vnDate(deps.clock.now()),
      });
      return { items: await presentOfficials(actor, page.items, db), total: page.total };
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One official’s account and grants',
        params: UserIdParam,
        response: { 200: UserView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (jurisdictionFor(actor, 'user.manage').length === 0) authorize(actor, 'user.manage', { kind: 'global' });
      return viewOfficial(deps, db, actor, req.params.id);
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an official’s account with its grants; the one-time password is shown once (audited)',
        body: CreateUserRequest,
        response: { 201: OneTimePasswordResponse },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const r = await inTransaction(deps, req, userAdminPorts(deps), (ports) =>
        createOfficialAccount(actor, req.body, ports),
      );
      const user = await viewOfficial(deps, db, actor, r.userId);
      return reply.status(201).send({ user, oneTimePassword: r.oneTimePassword, expiresAt: r.expiresAt.toISOString() });
    },
  );
};

export const usersRoutes = featurePlugin([userAccountRoutes, userActionRoutes]);
