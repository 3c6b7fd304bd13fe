import type { FeedbackChannel, FeedbackKind, FeedbackRating, FeedbackStatus } from '@mot-cua/contracts';
import type { UnitVersion } from '../admin-units/unit-model.js';
import type { AuditPort } from '../audit.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Pause } from '../deadlines/due-date.js';
import type { FeedbackNotificationPort } from './feedback-notifications.js';
import type { EarlierFeedback } from './repeats.js';
import type { RoutingRuleFacts } from './routing.js';

/** A feedback as the use cases see it (locked for the transaction when acted on). */
export type FeedbackRecord = Readonly<{
  id: string;
  code: string;
  token: string;
  status: FeedbackStatus;
  kind: FeedbackKind;
  title: string;
  content: string;
  unitCode: string;
  provinceCode: string;
  departmentId: string | null;
  receivedAt: Date;
  pauses: ReadonlyArray<Pause>;
  answerDraft: string | null;
  answeredAt: Date | null;
  publishIntended: boolean;
  stepsOnTime: boolean;
  submitterName: string | null;
  submitterPhone: string | null;
  submitterEmail: string | null;
  rating: FeedbackRating | null;
}>;

export type NewFeedbackRow = Readonly<{
  code: string;
  token: string;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  title: string;
  content: string;
  field: string | null;
  communeCode: string | null;
  provinceCode: string;
  unitCode: string;
  departmentId: string | null;
  dossierCode: string | null;
  anonymous: boolean;
  submitterName: string | null;
  submitterPhone: string | null;
  submitterEmail: string | null;
  submitterUserId: string | null;
  contactKeys: string[];
  address: string | null;
  lat: number | null;
  long: number | null;
  mediaUrl: string | null;
  counterId: string | null;
  officialUserId: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  repeatOf: string | null;
  routedBy: string;
}>;

export type FeedbackPatch = Partial<{
  status: FeedbackStatus;
  unitCode: string;
  departmentId: string | null;
  dueAt: Date | null;
  pauses: ReadonlyArray<Pause>;
  refusalReason: string;
  infoRequest: string;
  answerDraft: string | null;
  answer: string;
  answeredAt: Date;
  publishIntended: boolean;
  publicQuestion: string;
  publishedAt: Date;
  stepsOnTime: boolean;
  rating: FeedbackRating;
  ratingComment: string | null;
  ratedAt: Date;
}>;

export type FeedbackEventRow = Readonly<{
  feedbackId: string;
  action: string;
  fromStatus: FeedbackStatus | null;
  toStatus: FeedbackStatus | null;
  note: string | null;
  actorUserId: string | null;
  at: Date;
  onTime: boolean | null;
}>;

/** A photo already in the file store (checked by its first bytes and size when stored), named by its sha256. */
export type FeedbackPhoto = Readonly<{ fileName: string; contentType: string; sha256: string; sizeBytes: number }>;

/** Ports of the feedback use cases (packages/db binds them to one transaction). */
export interface FeedbackPorts {
  findUnit(code: string, onDate: string): Promise<UnitVersion | undefined>;
  findDepartment(id: string): Promise<{ id: string; unitCode: string } | undefined>;
  /** The unit holding a dossier (its competent unit) by the dossier's code. */
  findDossierUnit(code: string): Promise<{ unitCode: string; provinceCode: string } | undefined>;
  listRoutingRules(provinceCode: string): Promise<RoutingRuleFacts[]>;
  calendarOf(
    unit: { unitCode: string; provinceCode: string },
    fromYear: number,
    toYear: number,
  ): Promise<WorkingCalendar>;
  /** Earlier feedback of any of these contacts or of this dossier, received since then. */
  earlierFeedback(keys: ReadonlyArray<string>, dossierCode: string | null, since: Date): Promise<EarlierFeedback[]>;
  nextCode(provinceCode: string, receivedAt: Date): Promise<string>;
  newToken(): string;
  insertFeedback(row: NewFeedbackRow): Promise<string>;
  insertPhoto(feedbackId: string, photo: FeedbackPhoto): Promise<void>;
  lockFeedback(id: string): Promise<FeedbackRecord | undefined>;
  lockFeedbackByToken(token: string): Promise<FeedbackRecord | undefined>;
  updateFeedback(id: string, patch: FeedbackPatch): Promise<void>;
  /** Appends the step to the history; answers its id (unique: the key of the step's notifications). */
  appendEvent(e: FeedbackEventRow): Promise<string>;
  /** The submitter's e-mails and SMS (outbox rows in the same transaction) and the tracking link. */
  notifications: FeedbackNotificationPort;
  audit: AuditPort;
}
