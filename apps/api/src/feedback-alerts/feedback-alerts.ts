import type { Clock } from '@mot-cua/core';
import { sendFeedbackAlerts } from '@mot-cua/core';
import { createFeedbackAlertPorts, type Database } from '@mot-cua/db';

/** How often the reminder and escalation sweep runs (deadlines are in working days: minutes are plenty). */
export const FEEDBACK_ALERT_INTERVAL_MS = 5 * 60_000;

/**
 * The periodic sweep of feedback reminders and escalations (core `sendFeedbackAlerts`), one transaction a run.
 * Safe with several API processes: each alert is recorded under a primary key before anyone is told.
 */
export function feedbackAlerter(input: {
  database: Database;
  clock: Clock;
  publicUrl: string;
  intervalMs?: number;
  onError?: (e: unknown) => void;
}) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const tick = () =>
    input.database.db
      .transaction()
      .execute((trx) =>
        sendFeedbackAlerts(
          input.clock.now(),
          createFeedbackAlertPorts(trx, 'feedback-alerts', { publicUrl: input.publicUrl }),
        ),
      );
  const loop = () => {
    running = tick()
      .catch((e) => input.onError?.(e))
      .finally(() => {
        running = null;
        if (timer !== null) timer = setTimeout(loop, input.intervalMs ?? FEEDBACK_ALERT_INTERVAL_MS).unref();
      });
  };
  return {
    tick,
    start() {
      if (timer !== null) return;
      timer = setTimeout(loop, 1000).unref();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
