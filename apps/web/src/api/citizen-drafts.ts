import { CitizenDraft, CitizenDraftList } from '@mot-cua/contracts';
import { useQuery } from '@tanstack/react-query';
import { lighten, postForm, type Uploads } from './citizens.js';
import { api, send } from './client.js';

/** The citizen's server-side drafts of online submissions, and e-forms as read back from a dossier. */

const draftUrl = (code: string) => `/api/citizen/drafts/${encodeURIComponent(code)}`;

/** My draft for a procedure, or null when there is none. */
export const useMyDraft = (procedureCode: string, enabled: boolean) =>
  useQuery({
    queryKey: ['citizen', 'draft', procedureCode],
    queryFn: () => api(CitizenDraft.nullable(), draftUrl(procedureCode)),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const useMyDrafts = () =>
  useQuery({ queryKey: ['citizen', 'drafts'], queryFn: () => api(CitizenDraftList, '/api/citizen/drafts') });

/** `draftId`: the draft being edited; the server refuses the save (409) once that draft was sent as a dossier. */
export const saveDraft = (procedureCode: string, data: Record<string, unknown>, draftId: string | null = null) =>
  api(CitizenDraft, draftUrl(procedureCode), { method: 'PUT', body: { data, draftId } });

export const discardDraft = (procedureCode: string) => send(draftUrl(procedureCode), { method: 'DELETE' });

export const removeDraftFile = (procedureCode: string, fileId: string) =>
  api(CitizenDraft, `${draftUrl(procedureCode)}/files/${fileId}`, { method: 'DELETE' });

/** Upload chosen files to the draft at once (photos lightened on slow networks): they survive a change of device. */
export async function uploadDraftFiles(procedureCode: string, uploads: Uploads, csrfToken: string) {
  const form = new FormData();
  for (const [key, files] of Object.entries(uploads))
    for (const f of files) {
      const light = await lighten(f);
      form.append(key, light, light.name);
    }
  return postForm(`${draftUrl(procedureCode)}/files`, form, csrfToken, CitizenDraft);
}
