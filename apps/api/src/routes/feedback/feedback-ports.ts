import { createFeedbackPorts, type Database } from '@mot-cua/db';
import type { AppDeps } from '../../context.js';

/** The feedback use cases' ports over a transaction, with the site's address for the submitter's links. */
export const feedbackPortsOf = (deps: AppDeps) => (trx: Database['db'], requestId: string) =>
  createFeedbackPorts(trx, requestId, { publicUrl: deps.config.publicUrl });
