import type { CitizenDossierDetail, CitizenDossierSummary } from '@mot-cua/contracts';
import {
  type Actor,
  AppError,
  type CitizenIdentity,
  citizenGuidance,
  citizenMayAccess,
  type DossierAction,
  type DossierFee,
  type DossierRecord,
  type DossierState,
  dossierActionLabel,
  type OnlinePayment,
  outstandingObligation,
  requireOwnDossier,
} from '@mot-cua/core';
import { createCitizensRepository, type DB } from '@mot-cua/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { requireActor } from '../../http/auth.js';
import { PUBLIC_TIMELINE_ACTIONS, slipsOf } from '../dossiers/dossiers.presenter.js';
import { presentFee } from '../dossiers/fees.routes.js';

/** The signed-in citizen: actor, name and personal identification number (what ownership is decided on). */
export type CitizenCaller = CitizenIdentity & { actor: Actor; fullName: string };

/** A citizen's session, or 401 (not signed in) / 403 CITIZEN_ONLY (an official, or no identification number). */
export async function requireCitizen(req: FastifyRequest, db: Kysely<DB>): Promise<CitizenCaller> {
  const actor = requireActor(req);
  if (!actor.grants.some((g) => g.role === 'citizen')) throw new AppError('CITIZEN_ONLY');
  const idNumber = await createCitizensRepository(db).findCitizenIdNumber(actor.userId);
  if (!idNumber) throw new AppError('CITIZEN_ONLY');
  return { actor, userId: actor.userId, idNumber, fullName: req.session?.user.fullName ?? '' };
}

/** A dossier of this citizen (404 DOSSIER_NOT_FOUND for anyone else's). */
export const ownDossier = requireOwnDossier;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const statusLabel: Record<DossierState['status'], string> = {
  new: 'Chờ tiếp nhận',
  supplement_requested: 'Cần bổ sung',
  received: 'Đã tiếp nhận',
  processing: 'Đang giải quyết',
  awaiting_payment: 'Chờ nộp phí',
  result_ready: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối',
  withdrawn: 'Đã rút',
  stopped: 'Dừng xử lý',
};

/** Steps the applicant sees in their timeline: the public lookup's, their approval and their rating. */
const citizenVisible = new Set<DossierAction['type']>([...PUBLIC_TIMELINE_ACTIONS, 'approved', 'rated']);

export function presentCitizenSummary(
  c: CitizenIdentity,
  d: DossierRecord,
  status: DossierState['status'] = d.status,
): CitizenDossierSummary {
  return {
    id: d.id,
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    applicantName: d.applicant.fullName,
    relation: citizenMayAccess(c, d) ?? 'applicant',
    status,
    statusLabel: statusLabel[status],
    channel: d.channel,
    submittedAt: d.submittedAt.toISOString(),
    dueAt: iso(d.dueAt),
  };
}

export function presentCitizenDetail(input: {
  citizen: CitizenIdentity;
  dossier: DossierRecord;
  state: DossierState;
  actions: DossierAction[];
  unitName: (code: string) => string;
  attachments: Array<{
    id: string;
    kind: 'component' | 'result';
    componentKey: string | null;
    fileName: string;
    sizeBytes: number;
    mediaType: string;
  }>;
  payments: OnlinePayment[];
  /** The dossier's fee records (counter and online). */
  fees: DossierFee[];
  accessLog: CitizenDossierDetail['accessLog'];
}): CitizenDossierDetail {
  const { dossier: d, state: s } = input;
  const g = citizenGuidance(s);
  const pending = s.status === 'supplement_requested' ? s.pendingSupplement : [];
  return {
    ...presentCitizenSummary(input.citizen, d, s.status),
    dueAt: iso(s.dueAt),
    receivingUnitName: input.unitName(d.receivingUnitCode),
    receivedAt: iso(s.receivedAt),
    intakeDueAt: iso(s.intakeDueAt),
    finishedAt: iso(s.finishedAt),
    duration: d.duration,
    now: { text: g.text, byWhen: iso(g.byWhen), mustAct: g.mustAct },
    timeline: input.actions
      .filter((a) => citizenVisible.has(a.type))
      .map((a) => ({ at: a.at.toISOString(), label: dossierActionLabel[a.type] })),
    components: d.components.map((c) => ({ key: c.key, name: c.name, state: c.state })),
    pendingSupplement: pending.map((p) => ({
      key: p.key,
      name: p.name,
      reason: p.reason ?? null,
    })),
    attachments: input.attachments,
    slips: [
      ...slipsOf(input.actions).filter((k) => k !== 'control-sheet'),
      ...(input.fees.some((f) => f.channel === 'counter') ? (['fee-receipt'] as const) : []),
    ],
    accessLog: input.accessLog,
    canAnswerSupplement: s.status === 'supplement_requested',
    paymentDue: outstandingObligation(s, input.actions),
    paidOnline: d.paidOnline,
    rating: { canRate: s.status === 'returned' && !s.rating, level: s.rating?.level ?? null },
    payments: input.payments.map((p) => ({
      orderRef: p.orderRef,
      amount: p.amount,
      status: p.status,
      settledAt: iso(p.settledAt),
    })),
    fees: input.fees.map(presentFee),
  };
}
