import fastifySse from '@fastify/sse';
import { DisplayState } from '@mot-cua/contracts';
import { AppError, vnDate } from '@mot-cua/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { createDisplayHub } from './display-hub.js';
import { CenterParams, queueRepo, tags } from './shared.js';

/** The hall's TV: the state as JSON (polling fallback) and as a Server-Sent Events stream. */
export const displayRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  await app.register(fastifySse, { heartbeatInterval: 15_000 });
  const hub = createDisplayHub(deps);
  app.addHook('onClose', async () => hub.close());

  app.get(
    '/centers/:centerId/display',
    {
      schema: {
        tags,
        summary: 'What the hall display shows, now',
        params: CenterParams,
        response: { 200: DisplayState },
      },
    },
    async (req) => {
      const now = deps.clock.now();
      const s = await queueRepo(deps).displayState(req.params.centerId, vnDate(now), now);
      if (!s) throw new AppError('QUEUE_CENTER_NOT_FOUND', { details: { centerId: req.params.centerId } });
      return s;
    },
  );

  app.get(
    '/centers/:centerId/display/stream',
    {
      sse: { kind: 'only' },
      schema: {
        tags,
        summary: 'Server-Sent Events: a `state` event (DisplayState) at once and on every change; reconnect any time',
        params: CenterParams,
      },
    },
    async (req, reply) => {
      if ((await queueRepo(deps).version(req.params.centerId)) === undefined) {
        throw new AppError('QUEUE_CENTER_NOT_FOUND', { details: { centerId: req.params.centerId } });
      }
      reply.sse.keepAlive();
      // Commit the response as SSE now: a display joining while the center's first state is being read gets that
      // state only after this handler returns, and Fastify would otherwise answer an empty 200 and end the stream
      // (the bench's "missed" displays, docs/benchmarks.md).
      reply.sse.sendHeaders();
      const unsubscribe = await hub.subscribe(req.params.centerId, (state) => {
        if (!reply.sse.isConnected) return;
        void reply.sse.send({ id: String(state.version), event: 'state', data: state, retry: 2000 }).catch(() => {});
      });
      // Gone while subscribing: the close callbacks have already run.
      if (reply.sse.isConnected) reply.sse.onClose(unsubscribe);
      else unsubscribe();
    },
  );
};
