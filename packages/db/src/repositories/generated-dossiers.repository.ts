import type { DossierAction, DossierProjection, DossierRecord, NewDossier } from '@mot-cua/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema/index.js';
import { actionRow, dossierRow, projectionRow } from './dossier-rows.js';
import { inForceOn } from './in-force.js';

/**
 * Bulk writes of generated dossiers (npm run generate): dossiers with their action logs in batches, the
 * aggregate triggers switched off for the transaction (the generator recounts at the end), and the lookups the
 * generator needs. The same rows as the dossier path writes (dossier-rows.ts), so reads cannot tell them apart.
 */
export type GeneratedDossier = {
  dossier: NewDossier & { id: string; submittedAt: Date };
  projection: DossierProjection;
  actions: DossierAction[];
};

const DOSSIERS_PER_STATEMENT = 1_000; // ~35 parameters a row, under the 65,535 of the protocol
const ACTIONS_PER_STATEMENT = 5_000; // 11 parameters a row

export function createGeneratedDossiersRepository(db: Kysely<DB>) {
  return {
    /** Communes in force on a date, optionally of some provinces (codes ordered). */
    async listCommunes(onDate: string, provinceCodes: string[] | null) {
      const r = await sql<{ code: string; provinceCode: string; fullName: string }>`
        select code, province_code, full_name from admin_units
        where level = 'commune' and ${inForceOn(onDate)}
          ${provinceCodes ? sql`and province_code in (${sql.join(provinceCodes)})` : sql``}
        order by code`.execute(db);
      return r.rows;
    },

    /** Procedures a commune handles, with their field and time limit in working days (when the catalog sets one). */
    async listCommuneProcedures() {
      const r = await sql<{ code: string; name: string; field: string; days: number | null }>`
        select code, name, field,
          case when time_limit ->> 'unit' = 'working_days' then (time_limit ->> 'value')::float8 end as days
        from procedures where 'commune' = any(levels) and withdrawn_on is null order by code`.execute(db);
      return r.rows;
    },

    /** One batch in one transaction, without the per-row aggregate triggers. */
    async writeBatch(batch: readonly GeneratedDossier[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await sql`select set_config('motcua.aggregates_off', 'on', true)`.execute(trx);
        for (let i = 0; i < batch.length; i += DOSSIERS_PER_STATEMENT) {
          const part = batch.slice(i, i + DOSSIERS_PER_STATEMENT);
          await trx
            .insertInto('dossiers')
            .values(part.map((g) => ({ ...dossierRow(g.dossier), ...projectionRow(g.projection) })))
            .execute();
        }
        const actions = batch.flatMap((g) =>
          g.actions.map((a) => actionRow(g.dossier as Pick<DossierRecord, 'id' | 'provinceCode'>, a)),
        );
        for (let i = 0; i < actions.length; i += ACTIONS_PER_STATEMENT) {
          await trx
            .insertInto('dossierActions')
            .values(actions.slice(i, i + ACTIONS_PER_STATEMENT))
            .execute();
        }
      });
    },
  };
}
