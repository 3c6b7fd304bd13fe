import { Readable } from 'node:stream';
import {
  FEEDBACK_PHOTO_MAX_BYTES,
  type FeedbackAction,
  type FeedbackDetail,
  type FeedbackPhotoUpload,
  type FeedbackSummary,
  vnDate,
} from '@mot-cua/contracts';
import {
  type Actor,
  AppError,
  availableFeedbackActions,
  deadlineMark,
  decide,
  escalationLevel,
  type FeedbackPhoto,
  feedbackResource,
  type WorkingCalendar,
} from '@mot-cua/core';
import { type Database, loadWorkingCalendar } from '@mot-cua/db';
import type { FileStore, PutRules } from '../../files/file-store.js';

type Db = Database['db'];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** What a feedback photo may be: JPEG or PNG by its first bytes, non-empty, at most FEEDBACK_PHOTO_MAX_BYTES. */
export const PHOTO_RULES: PutRules = {
  maxBytes: FEEDBACK_PHOTO_MAX_BYTES,
  sniff: (head) =>
    head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff
      ? 'image/jpeg'
      : PNG.every((b, i) => head[i] === b)
        ? 'image/png'
        : undefined,
};

/**
 * Store an uploaded photo in the file store (the attachments' content-addressed store), checked by its first
 * bytes and size as it is written; anything else is refused with a stable code (a full disk stays STORAGE_FULL).
 */
export async function storePhoto(store: FileStore, p: FeedbackPhotoUpload): Promise<FeedbackPhoto> {
  const bytes = Buffer.from(p.dataBase64, 'base64');
  try {
    const blob = await store.put(Readable.from([bytes]), PHOTO_RULES);
    return { fileName: p.fileName, contentType: blob.mediaType, sha256: blob.sha256, sizeBytes: blob.sizeBytes };
  } catch (e) {
    if (e instanceof AppError && e.code !== 'STORAGE_FULL') throw new AppError('FEEDBACK_PHOTO_INVALID');
    throw e;
  }
}

/** Working calendars of the units seen in one request, loaded once each. */
export function calendarsFor(db: Db, now: Date) {
  const cache = new Map<string, Promise<WorkingCalendar>>();
  const year = Number(vnDate(now).slice(0, 4));
  return (unitCode: string, provinceCode: string) => {
    let c = cache.get(unitCode);
    if (!c) {
      c = loadWorkingCalendar(db, { unitCode, provinceCode, fromYear: year - 1, toYear: year + 1 });
      cache.set(unitCode, c);
    }
    return c;
  };
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

type ItemRow = {
  id: string;
  code: string;
  kind: string;
  channel: string;
  status: string;
  title: string;
  field: string | null;
  communeCode: string | null;
  unitCode: string;
  provinceCode: string;
  unitName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  dossierCode: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  answerDraft: string | null;
  repeatOf: string | null;
  rating: string | null;
};

export async function presentSummary(
  r: ItemRow,
  now: Date,
  calendarOf: ReturnType<typeof calendarsFor>,
): Promise<FeedbackSummary> {
  const due = r.dueAt ? new Date(r.dueAt) : null;
  const calendar = due ? await calendarOf(r.unitCode, r.provinceCode) : null;
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as FeedbackSummary['kind'],
    channel: r.channel as FeedbackSummary['channel'],
    status: r.status as FeedbackSummary['status'],
    title: r.title,
    field: r.field,
    communeCode: r.communeCode,
    unitCode: r.unitCode,
    unitName: r.unitName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    dossierCode: r.dossierCode,
    receivedAt: new Date(r.receivedAt).toISOString(),
    dueAt: iso(due),
    mark: calendar ? deadlineMark(now, due, calendar) : 'none',
    escalation: calendar ? escalationLevel(now, due, calendar) : 0,
    hasDraft: r.answerDraft !== null,
    repeatOf: r.repeatOf,
    rating: r.rating as FeedbackSummary['rating'],
  };
}

type DetailRow = ItemRow & {
  content: string;
  submitterName: string | null;
  submitterPhone: string | null;
  submitterEmail: string | null;
  anonymous: boolean;
  address: string | null;
  lat: number | null;
  long: number | null;
  refusalReason: string | null;
  infoRequest: string | null;
  answer: string | null;
  publishIntended: boolean;
};

export async function presentDetail(
  d: {
    row: DetailRow;
    events: Array<{
      action: string;
      fromStatus: string | null;
      toStatus: string | null;
      note: string | null;
      at: Date;
      onTime: boolean | null;
      actorName: string | null;
    }>;
    photos: Array<{ id: string; fileName: string }>;
  },
  actor: Actor,
  now: Date,
  calendarOf: ReturnType<typeof calendarsFor>,
): Promise<FeedbackDetail> {
  const r = d.row;
  const resource = feedbackResource(r);
  const actions: FeedbackAction[] = availableFeedbackActions(
    { status: r.status as FeedbackSummary['status'], hasDraft: r.answerDraft !== null },
    (policy) => decide(actor, policy, resource).allowed,
  );
  return {
    ...(await presentSummary(r, now, calendarOf)),
    content: r.content,
    submitterName: r.submitterName,
    submitterPhone: r.submitterPhone,
    submitterEmail: r.submitterEmail,
    anonymous: r.anonymous,
    address: r.address,
    lat: r.lat,
    long: r.long,
    refusalReason: r.refusalReason,
    infoRequest: r.infoRequest,
    answerDraft: r.answerDraft,
    answer: r.answer,
    publishIntended: r.publishIntended,
    photos: d.photos.map((p) => ({ id: p.id, fileName: p.fileName, url: `/api/feedback/photos/${p.id}` })),
    events: d.events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus as FeedbackSummary['status'] | null,
      toStatus: e.toStatus as FeedbackSummary['status'] | null,
      note: e.note,
      actorName: e.actorName,
      at: new Date(e.at).toISOString(),
      onTime: e.onTime,
    })),
    allowedActions: actions,
  };
}
