import {
  CitizenDossierDetail,
  CitizenDossierList,
  CitizenProfile,
  type CitizenSubmitRequest,
  CSRF_HEADER,
  Problem,
} from '@mot-cua/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from '../i18n/index.js';
import { ApiError, api, send } from './client.js';

/** Is the signed-in person a citizen (signed in through the electronic identity)? */
export { isCitizen } from './session.js';

/** Where the citizen's sign-in starts: a full navigation to the identity provider, then back to `returnTo`. */
export const citizenSignInUrl = (returnTo: string) => `/api/auth/oidc/start?${new URLSearchParams({ returnTo })}`;

export const useCitizenProfile = (enabled: boolean) =>
  useQuery({ queryKey: ['citizen', 'me'], queryFn: () => api(CitizenProfile, '/api/citizen/me'), enabled });

export const useMyDossiers = (offset: number) =>
  useQuery({
    queryKey: ['citizen', 'dossiers', offset],
    queryFn: () => api(CitizenDossierList, `/api/citizen/dossiers?limit=20&offset=${offset}`),
  });

export const useMyDossier = (id: string) =>
  useQuery({
    queryKey: ['citizen', 'dossier', id],
    queryFn: () => api(CitizenDossierDetail, `/api/citizen/dossiers/${id}`),
    retry: false,
  });

export function useInvalidateMine() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['citizen'] });
}

/** Multipart post (the JSON client does not send FormData): CSRF header, language, problem errors. */
export async function postForm<T>(
  path: string,
  form: FormData,
  csrfToken: string,
  schema: { parse(data: unknown): T },
): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: csrfToken, 'accept-language': i18n.language === 'en' ? 'en' : 'vi' },
  });
  const data = await res.json().catch(() => undefined);
  if (!res.ok) {
    const p = Problem.safeParse(data);
    throw new ApiError(
      p.success
        ? p.data
        : {
            type: 'about:blank',
            title: 'HTTP',
            status: res.status,
            code: 'INTERNAL_ERROR',
            detail: res.statusText,
            message: { vi: res.statusText, en: res.statusText },
          },
    );
  }
  return schema.parse(data);
}

export type Uploads = Record<string, File[]>;

export function submitOnline(data: CitizenSubmitRequest, uploads: Uploads, csrfToken: string) {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const [key, files] of Object.entries(uploads)) for (const f of files) form.append(key, f, f.name);
  return postForm('/api/citizen/dossiers', form, csrfToken, CitizenDossierDetail);
}

/** Rate the service of one of my returned dossiers (once); the dossier is re-read afterwards. */
export const rateMyDossier = (id: string, body: { level: number; comment?: string }) =>
  send(`/api/citizen/dossiers/${id}/rate`, { method: 'POST', body });

export function answerSupplement(id: string, uploads: Uploads, note: string, csrfToken: string) {
  const form = new FormData();
  if (note.trim()) form.append('note', note.trim());
  for (const [key, files] of Object.entries(uploads)) for (const f of files) form.append(key, f, f.name);
  return postForm(`/api/citizen/dossiers/${id}/supplement`, form, csrfToken, CitizenDossierDetail);
}

export const myFileUrl = (id: string, attachmentId: string) =>
  `/api/citizen/dossiers/${id}/attachments/${attachmentId}`;
export const mySlipUrl = (id: string, kind: string) => `/api/citizen/dossiers/${id}/slips/${kind}`;

/** A slow or data-saving connection, as the browser reports it (Network Information API, where there is one). */
function slowNetwork(): boolean {
  const c = (navigator as Navigator & { connection?: { effectiveType?: string; saveData?: boolean } }).connection;
  return Boolean(c && (c.saveData || ['slow-2g', '2g', '3g'].includes(c.effectiveType ?? '')));
}

/**
 * A photo made lighter before upload on a slow network: at most 1600 px on its longer side, JPEG at 80 %.
 * PDFs, small images and fast networks are left as they are (the server checks every file by its bytes anyway).
 */
export async function lighten(file: File, force = false): Promise<File> {
  if (!/^image\/(jpeg|png)$/.test(file.type) || (!force && !slowNetwork()) || file.size < 300_000) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.8));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.\w+$/, '.jpg'), { type: 'image/jpeg' });
  } catch {
    return file;
  }
}

/** Start paying the awaited obligation: the server answers the gateway page to go to. */
export async function startPayment(id: string, csrfToken: string): Promise<string> {
  const res = await fetch(`/api/citizen/dossiers/${id}/payments`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: csrfToken, 'accept-language': i18n.language === 'en' ? 'en' : 'vi' },
  });
  const data = (await res.json().catch(() => undefined)) as { payUrl?: string } | undefined;
  if (!res.ok || !data?.payUrl) {
    const p = Problem.safeParse(data);
    if (p.success) throw new ApiError(p.data);
    throw new Error(res.statusText);
  }
  return data.payUrl;
}
