import type { DisplayState } from '@mot-cua/contracts';
import { vnDate } from '@mot-cua/core';
import type { AppDeps } from '../../context.js';
import { displayWakeup, queueRepo } from './shared.js';

type Subscriber = (state: DisplayState) => void;
type CenterFeed = { subscribers: Set<Subscriber>; last: DisplayState | undefined; busy: boolean; again: boolean };

/**
 * One feed per center shared by every display connected to this process: it polls the center's version (one
 * indexed read) every `pollMs` and whenever a queue write of this process commits, and only when the version moved
 * reads the display state once and sends it to all the center's displays. Polling with a cursor rather than
 * LISTEN/NOTIFY: it is the same code on PGlite and PostgreSQL, needs no connection held outside the pool, and
 * catch-up after a drop is the same read (a reconnecting display gets the current state at once).
 */
export function createDisplayHub(deps: AppDeps, pollMs = 1000) {
  const feeds = new Map<string, CenterFeed>();
  const repo = queueRepo(deps);

  async function refresh(centerId: string, feed: CenterFeed) {
    if (feed.busy) {
      feed.again = true;
      return;
    }
    feed.busy = true;
    try {
      do {
        feed.again = false;
        const version = await repo.version(centerId);
        if (version === undefined || version === feed.last?.version) continue;
        const now = deps.clock.now();
        const state = await repo.displayState(centerId, vnDate(now), now);
        if (!state) continue;
        feed.last = state;
        for (const s of feed.subscribers) s(state);
      } while (feed.again);
    } catch {
      // The database is away (restart, saturation): keep the last state, try again at the next tick.
    } finally {
      feed.busy = false;
    }
  }

  const refreshAll = () => {
    for (const [id, feed] of feeds) void refresh(id, feed);
  };
  const timer = setInterval(refreshAll, pollMs);
  timer.unref();
  const off = displayWakeup.on(refreshAll);

  return {
    /** Receive the center's state now (when known) and on every change; returns the unsubscribe. */
    async subscribe(centerId: string, send: Subscriber): Promise<() => void> {
      let feed = feeds.get(centerId);
      if (!feed) {
        feed = { subscribers: new Set(), last: undefined, busy: false, again: false };
        feeds.set(centerId, feed);
      }
      feed.subscribers.add(send);
      if (feed.last) send(feed.last);
      else await refresh(centerId, feed);
      const f = feed;
      return () => {
        f.subscribers.delete(send);
        if (f.subscribers.size === 0) feeds.delete(centerId);
      };
    },
    connections: () => [...feeds.values()].reduce((n, f) => n + f.subscribers.size, 0),
    close() {
      clearInterval(timer);
      off();
      feeds.clear();
    },
  };
}
