import type { DossierDetail } from '@mot-cua/contracts';
import { actionsWithSideRecords } from '@mot-cua/core';
import { createDossiersRepository } from '@mot-cua/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { app, database, post, reception, registered, useActionTestApp } from './action-test-helpers.js';

useActionTestApp();

// After accept with a checklist, the 200's view and the status outbox row carry the accepted checklist (built
// from the command, not read again). The API runs accept in one statement; the locked path (seeds, the bench's
// base) is reached over HTTP by listing `received` among the actions with side records for one request.
describe('accept returns and publishes the checklist it accepted', () => {
  for (const path of ['one-statement', 'locked'] as const) {
    it(`${path} path: the view and the outbox payload show the accepted checklist, as a fresh read does`, async () => {
      const id = await registered(); // c01 present, c02 missing
      await sql`update dossier_components set reused = true where dossier_id = ${id}::uuid and key = 'c01'`.execute(
        database.db,
      );
      const locked = path === 'locked';
      if (locked) (actionsWithSideRecords as Set<string>).add('received');
      let res: Awaited<ReturnType<typeof post>>;
      try {
        res = await post(reception, `/api/dossiers/${id}/accept`, {
          components: [
            { key: 'c01', state: 'present' },
            { key: 'c02', state: 'present' },
          ],
        });
      } finally {
        if (locked) (actionsWithSideRecords as Set<string>).delete('received');
      }
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json() as DossierDetail;
      expect(view.status).toBe('received');
      expect(view.components.map((c) => [c.key, c.state])).toEqual([
        ['c01', 'present'],
        ['c02', 'present'],
        ['c03', 'not_applicable'],
      ]);
      // The same as what a read after the commit shows (components and the time limit the dossier runs with).
      const fresh = await app.inject({ method: 'GET', url: `/api/dossiers/${id}`, headers: reception.headers });
      expect(fresh.statusCode, fresh.body).toBe(200);
      const read = fresh.json() as DossierDetail;
      expect(view.components).toEqual(read.components);
      expect(view.duration).toEqual(read.duration);
      // The status message of the accept (national status 2) lists both components, c01 with its origin kept.
      const outbox = await createDossiersRepository(database.db).listOutbox(id);
      const last = outbox[outbox.length - 1]!.payload as {
        TrangThaiHoSo: number;
        HoSoCoThanhPhanSoHoa: number;
        TaiLieuNop: Array<{ MaThanhPhan: string; DuocTaiSuDung: number }>;
      };
      expect(last.TrangThaiHoSo).toBe(2);
      expect(last.TaiLieuNop.map((t) => [t.MaThanhPhan, t.DuocTaiSuDung])).toEqual([
        ['c01', 1],
        ['c02', 0],
      ]);
    });
  }
});
