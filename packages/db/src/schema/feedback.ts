import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface FeedbackRoutingRulesTable {
  id: Generated<number>;
  provinceCode: string;
  communeCode: string | null;
  field: string | null;
  kind: string | null;
  unitCode: string;
  departmentId: string | null;
  priority: number;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export interface FeedbackItemsTable {
  id: Generated<string>;
  code: string;
  token: string;
  kind: string;
  channel: string;
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
  contactKeys: JSONColumnType<string[], string, string>;
  address: string | null;
  lat: number | null;
  long: number | null;
  /** Migration 0281: a picture an Open311 client hosts itself (kept as a link, never fetched). */
  mediaUrl: Generated<string | null>;
  counterId: string | null;
  officialUserId: string | null;
  routedBy: string;
  status: Generated<string>;
  receivedAt: Timestamp;
  dueAt: NullableTimestamp;
  pauses: JSONColumnType<Array<{ startedAt: string; endedAt: string | null }>, string, string>;
  stepsOnTime: Generated<boolean>;
  refusalReason: string | null;
  infoRequest: string | null;
  answerDraft: string | null;
  answer: string | null;
  answeredAt: NullableTimestamp;
  publishIntended: Generated<boolean>;
  publicQuestion: string | null;
  publishedAt: NullableTimestamp;
  rating: string | null;
  ratingComment: string | null;
  ratedAt: NullableTimestamp;
  repeatOf: string | null;
  updatedAt: Generated<Date>;
}

export interface FeedbackEventsTable {
  id: Generated<number>;
  feedbackId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  actorUserId: string | null;
  at: Timestamp;
  onTime: boolean | null;
}

export interface FeedbackPhotosTable {
  id: Generated<string>;
  feedbackId: string;
  fileName: string;
  contentType: string;
  /** The content in the file store (`stored_files`, migration 0191). */
  sha256: string;
  createdAt: Generated<Date>;
}

export interface FeedbackAlertsTable {
  feedbackId: string;
  kind: string;
  dueAt: Timestamp;
  sentAt: Timestamp;
  recipients: Generated<number>;
}

export interface Open311ApiKeysTable {
  keyHash: string;
  name: string;
  createdAt: Generated<Date>;
  revokedAt: NullableTimestamp;
  /** Migration 0280. */
  id: Generated<string>;
  keyPrefix: string | null;
  createdBy: string | null;
}

/** Row types of the feedback tables (migrations 0090–0099, 0135–0139). */
export interface FeedbackTables {
  feedbackRoutingRules: FeedbackRoutingRulesTable;
  feedbackItems: FeedbackItemsTable;
  feedbackEvents: FeedbackEventsTable;
  feedbackPhotos: FeedbackPhotosTable;
  feedbackAlerts: FeedbackAlertsTable;
  open311ApiKeys: Open311ApiKeysTable;
}
