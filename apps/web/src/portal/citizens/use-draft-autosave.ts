import type { CitizenDraft } from '@mot-cua/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDraft } from '../../api/citizen-drafts.js';
import { ApiError } from '../../api/client.js';

export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Save the form to the citizen's server-side draft a moment after they stop typing (debounce), so it can be resumed
 * on another device. Nothing is saved before `ready` (the draft was read and the form filled from it) or while the
 * form is unchanged. `stop()` (before sending) cancels a pending save and waits for one in flight, so no save can
 * land after the submission has deleted the draft.
 */
export function useDraftAutosave(procedureCode: string, data: Record<string, unknown>, ready: boolean, delayMs = 1200) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const json = JSON.stringify(data);
  const last = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const stopped = useRef(false);
  useEffect(() => {
    if (!ready || stopped.current) return;
    if (last.current === null) {
      last.current = json; // the state the form was filled with
      return;
    }
    if (last.current === json) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      if (stopped.current) return;
      setStatus('saving');
      // The draft this form edits (read or saved before): once it was sent, the server refuses and saving stops.
      const current = qc.getQueryData<CitizenDraft | null>(['citizen', 'draft', procedureCode]);
      inFlight.current = saveDraft(procedureCode, JSON.parse(json), current?.id ?? null)
        .then((saved) => {
          last.current = json;
          qc.setQueryData<CitizenDraft | null>(['citizen', 'draft', procedureCode], saved);
          setSavedAt(new Date(saved.updatedAt));
          setStatus('saved');
        })
        .catch((e: unknown) => {
          if (e instanceof ApiError && e.problem.code === 'DRAFT_ALREADY_SUBMITTED') stopped.current = true;
          setStatus('error');
        })
        .finally(() => {
          inFlight.current = null;
        });
    }, delayMs);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [json, ready, procedureCode, delayMs, qc]);
  const stop = useCallback(async () => {
    stopped.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await inFlight.current;
  }, []);
  /** After a failed submission: saving resumes with the next change. */
  const resume = useCallback(() => {
    stopped.current = false;
  }, []);
  return { status, savedAt, stop, resume };
}
