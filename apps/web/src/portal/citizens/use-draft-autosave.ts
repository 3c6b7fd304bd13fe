import type { CitizenDraft } from '@mot-cua/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { saveDraft } from '../../api/citizen-drafts.js';

export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Save the form to the citizen's server-side draft a moment after they stop typing (debounce), so it can be resumed
 * on another device. Nothing is saved before `ready` (the draft was read and the form filled from it) or while the
 * form is unchanged.
 */
export function useDraftAutosave(procedureCode: string, data: Record<string, unknown>, ready: boolean, delayMs = 1200) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const json = JSON.stringify(data);
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    if (last.current === null) {
      last.current = json; // the state the form was filled with
      return;
    }
    if (last.current === json) return;
    const timer = setTimeout(async () => {
      setStatus('saving');
      try {
        const saved = await saveDraft(procedureCode, JSON.parse(json));
        last.current = json;
        qc.setQueryData<CitizenDraft | null>(['citizen', 'draft', procedureCode], saved);
        setSavedAt(new Date(saved.updatedAt));
        setStatus('saved');
      } catch {
        setStatus('error');
      }
    }, delayMs);
    return () => clearTimeout(timer);
  }, [json, ready, procedureCode, delayMs, qc]);
  return { status, savedAt };
}
