import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { inForceOn } from './in-force.js';

export type OfficialSummary = {
  id: string;
  username: string;
  fullName: string;
  isActive: boolean;
  hasPassword: boolean;
  certificateSerial: string | null;
  certificateValidTo: string | null;
  trainedFields: string[];
};

/** An official's account (users as u) and profile (official_profiles as p), as OfficialSummary before the defaults. */
const officialSummaryColumns = [
  'u.id',
  'u.username',
  'u.fullName',
  'u.isActive',
  sql<boolean>`u.password_hash IS NOT NULL`.as('hasPassword'),
  'p.certificateSerial',
  'p.certificateValidTo',
  'p.trainedFields',
] as const;

/**
 * Officials holding a `leader` grant in force at a commune in force (those who approve and sign online) with an
 * active account whose signature certificate is missing or valid only until before the date. The rule is core's
 * `certificateGap`; the SQL keeps the same words to cut the rows.
 */
function leadersWithoutValidCertificate(
  db: Kysely<DB>,
  opts: { onDate: string; provinceCode?: string; unitCode?: string },
) {
  return db
    .selectFrom('roleGrants as g')
    .innerJoin('adminUnits as u', 'u.code', 'g.unitCode')
    .innerJoin('users as us', 'us.id', 'g.userId')
    .leftJoin('officialProfiles as p', 'p.userId', 'g.userId')
    .where('g.role', '=', 'leader')
    .where(inForceOn(opts.onDate, 'g'))
    .where('u.level', '=', 'commune')
    .where(inForceOn(opts.onDate, 'u'))
    .where('us.isActive', '=', true)
    .$if(opts.provinceCode !== undefined, (q) => q.where('u.provinceCode', '=', opts.provinceCode!))
    .$if(opts.unitCode !== undefined, (q) => q.where('u.code', '=', opts.unitCode!))
    .where((eb) => eb.or([eb('p.certificateSerial', 'is', null), eb('p.certificateValidTo', '<', opts.onDate)]));
}

/**
 * The leaders of the commune `u` on the date whose signature certificate is valid then; `approver`: who can also
 * approve online (an active account with a password). For `exists` against a query of admin units aliased `u`.
 */
function onlineApprovers(db: Kysely<DB>, onDate: string, who: 'approver' | 'certificate') {
  return db
    .selectFrom('roleGrants as g')
    .innerJoin('users as us', 'us.id', 'g.userId')
    .innerJoin('officialProfiles as p', 'p.userId', 'g.userId')
    .select(sql`1`.as('one'))
    .where(sql<boolean>`g.unit_code = u.code`)
    .where('g.role', '=', 'leader')
    .where(inForceOn(onDate, 'g'))
    .$if(who === 'approver', (q) => q.where('us.isActive', '=', true).where('us.passwordHash', 'is not', null))
    .where('p.certificateSerial', 'is not', null)
    .where((eb) => eb.or([eb('p.certificateValidTo', 'is', null), eb('p.certificateValidTo', '>=', onDate)]));
}

/** Officials' profiles (digital signature certificate, trained fields) and who can approve online where. */
export function createOfficialProfilesRepository(db: Kysely<DB>) {
  return {
    async findOfficial(userId: string): Promise<OfficialSummary | undefined> {
      const r = await db
        .selectFrom('users as u')
        .leftJoin('officialProfiles as p', 'p.userId', 'u.id')
        .select(officialSummaryColumns)
        .where('u.id', '=', userId)
        .executeTakeFirst();
      return r ? { ...r, trainedFields: r.trainedFields ?? [] } : undefined;
    },

    async upsertProfile(
      userId: string,
      p: { certificateSerial?: string | null; certificateValidTo?: string | null; trainedFields?: string[] },
    ): Promise<void> {
      const values = {
        userId,
        certificateSerial: p.certificateSerial ?? null,
        certificateValidTo: p.certificateValidTo ?? null,
        trainedFields: JSON.stringify(p.trainedFields ?? []),
        updatedAt: new Date(),
      };
      const set: Record<string, unknown> = { updatedAt: values.updatedAt };
      if (p.certificateSerial !== undefined) set.certificateSerial = values.certificateSerial;
      if (p.certificateValidTo !== undefined) set.certificateValidTo = values.certificateValidTo;
      if (p.trainedFields !== undefined) set.trainedFields = values.trainedFields;
      await db
        .insertInto('officialProfiles')
        .values(values)
        .onConflict((oc) => oc.column('userId').doUpdateSet(set))
        .execute();
    },

    /**
     * Communes in force on a date where no official can approve online: nobody holds an effective `leader` grant
     * there with an active account, a password and a digital signature certificate valid on that date.
     */
    async listCommunesWithoutOnlineApprover(opts: {
      onDate: string;
      provinceCode?: string;
      limit: number;
      offset: number;
    }) {
      const base = db
        .selectFrom('adminUnits as u')
        .where('u.level', '=', 'commune')
        .where(inForceOn(opts.onDate, 'u'))
        .$if(opts.provinceCode !== undefined, (q) => q.where('u.provinceCode', '=', opts.provinceCode!))
        .where(({ not, exists }) => not(exists(onlineApprovers(db, opts.onDate, 'approver'))));
      const [rows, total, leaders] = await Promise.all([
        base
          .select(['u.code', 'u.fullName', 'u.provinceCode'])
          .orderBy('u.provinceCode')
          .orderBy('u.code')
          .limit(opts.limit)
          .offset(opts.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        db
          .selectFrom('adminUnits as u')
          .where('u.level', '=', 'commune')
          .where(inForceOn(opts.onDate, 'u'))
          .$if(opts.provinceCode !== undefined, (q) => q.where('u.provinceCode', '=', opts.provinceCode!))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items: rows, total: Number(total.n), communes: Number(leaders.n) };
    },

    /** The leaders without a valid certificate (leadersWithoutValidCertificate), per commune: a page and the total. */
    async listLeadersWithoutValidCertificate(opts: {
      onDate: string;
      provinceCode?: string;
      unitCode?: string;
      limit: number;
    }) {
      const base = leadersWithoutValidCertificate(db, opts);
      const [rows, total] = await Promise.all([
        base
          .select([
            'u.code as unitCode',
            'u.fullName as unitName',
            'u.provinceCode',
            'us.id as userId',
            'us.fullName',
            'p.certificateSerial',
            'p.certificateValidTo',
          ])
          .distinct()
          .orderBy('u.provinceCode')
          .orderBy('u.code')
          .orderBy('us.fullName')
          .orderBy('us.id')
          .limit(opts.limit)
          .execute(),
        base.select(sql<number>`count(distinct (u.code, us.id))`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows, total: Number(total.n) };
    },

    /**
     * The same leaders counted per province (the nation's view: a province's list is a few hundred rows at most, the
     * nation's one per commune): missing is no serial (core's certificateGap), expired the others the rule cuts.
     */
    async countLeadersWithoutValidCertificateByProvince(onDate: string) {
      const r = await leadersWithoutValidCertificate(db, { onDate })
        .select([
          'u.provinceCode',
          sql<number>`count(distinct (u.code, us.id)) filter (where coalesce(p.certificate_serial, '') = '')`.as(
            'missing',
          ),
          sql<number>`count(distinct (u.code, us.id)) filter (where coalesce(p.certificate_serial, '') <> '')`.as(
            'expired',
          ),
        ])
        .groupBy('u.provinceCode')
        .orderBy('u.provinceCode')
        .execute();
      return r.map((x) => ({ provinceCode: x.provinceCode, missing: Number(x.missing), expired: Number(x.expired) }));
    },

    /**
     * The nation's readiness per province (its list is one row per commune): communes in force on the date, those
     * where nobody can approve online (listCommunesWithoutOnlineApprover's rule), and those where no leader holds a
     * signature certificate valid on the date.
     */
    async countCommunesWithoutOnlineApproverByProvince(onDate: string) {
      const r = await db
        .selectFrom('adminUnits as u')
        .where('u.level', '=', 'commune')
        .where(inForceOn(onDate, 'u'))
        .select(({ exists }) => [
          'u.provinceCode',
          sql<number>`count(*)`.as('communes'),
          sql<number>`count(*) filter (where not ${exists(onlineApprovers(db, onDate, 'approver'))})`.as('without'),
          sql<number>`count(*) filter (where not ${exists(onlineApprovers(db, onDate, 'certificate'))})`.as(
            'withoutCertificate',
          ),
        ])
        .groupBy('u.provinceCode')
        .orderBy('u.provinceCode')
        .execute();
      return r.map((x) => ({
        provinceCode: x.provinceCode,
        communes: Number(x.communes),
        without: Number(x.without),
        withoutCertificate: Number(x.withoutCertificate),
      }));
    },

    /** Why each official of a commune can or cannot approve online. */
    async listReadinessOfUnit(unitCode: string, onDate: string) {
      return db
        .selectFrom('roleGrants as g')
        .innerJoin('users as u', 'u.id', 'g.userId')
        .leftJoin('officialProfiles as p', 'p.userId', 'g.userId')
        .select([...officialSummaryColumns, 'g.role'])
        .where('g.unitCode', '=', unitCode)
        .where(inForceOn(onDate, 'g'))
        .orderBy('u.fullName')
        .execute();
    },
  };
}
