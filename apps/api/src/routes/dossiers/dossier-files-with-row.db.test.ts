import type { DossierDetail } from '@mot-cua/contracts';
import { createDossiersRepository } from '@mot-cua/db';
import { describe, expect, it } from 'vitest';
import {
  A,
  app,
  atStepTwo,
  claimsOf,
  clock,
  database,
  post,
  reception,
  specialists,
  useActionTestApp,
} from './action-test-helpers.js';

useActionTestApp();

// The files are read with the row (readForAction) and an action's view presents them without reading again:
// safe because linking a file moves the row's version, so a write at the version read finds the same files.
describe("the dossier's files read with its row", () => {
  const attach = (id: string, name: string) => {
    const b = '----files-with-row';
    const payload = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="componentKey"\r\n\r\nc01\r\n`),
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from(`%PDF-1.7\n${id} ${name}\n%%EOF`),
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    return app.inject({
      method: 'POST',
      url: `/api/dossiers/${id}/attachments`,
      headers: { ...reception.headers, 'content-type': `multipart/form-data; boundary=${b}` },
      payload,
    });
  };

  it('linking a file moves the version: a write at the version read before it applies nothing', async () => {
    const id = await atStepTwo();
    const repo = createDossiersRepository(database.db);
    const before = (await repo.readForAction(id))!;
    expect(before.attachments).toEqual([]);
    const res = await attach(id, 'to-khai.pdf');
    expect(res.statusCode, res.body).toBe(200);
    const after = (await repo.readForAction(id))!;
    expect(after.version).not.toBe(before.version);
    expect(after.dossier.lastActionSeq).toBe(before.dossier.lastActionSeq);
    expect(after.attachments?.map((a) => [a.kind, a.componentKey, a.fileName])).toEqual([
      ['component', 'c01', 'to-khai.pdf'],
    ]);
    const applied = await repo.commitAction({
      dossier: before.dossier,
      version: before.version,
      actions: [
        {
          action: {
            type: 'claimed',
            stepOrder: 2,
            seq: 3,
            at: clock.now(),
            actorId: specialists[0]!.userId,
            actorName: null,
            actorRole: 'specialist',
            unitCode: A,
            note: null,
          },
          outbox: null,
          audit: null,
          notifications: [],
        },
      ],
      projection: {
        ...before.dossier,
        currentStepOrder: 2,
        currentAssigneeId: specialists[0]!.userId,
        lastActionSeq: 3,
      },
    });
    expect(applied).toBe(false);
    expect((await claimsOf(id)).claims).toEqual([]);
  });

  it("an action's view lists the files without reading them again, as a fresh read does", async () => {
    const id = await atStepTwo();
    for (const name of ['a.pdf', 'b.pdf']) expect((await attach(id, name)).statusCode).toBe(200);
    const claimed = await post(specialists[0]!, `/api/dossiers/${id}/claim`, { stepOrder: 2 });
    expect(claimed.statusCode, claimed.body).toBe(200);
    const view = claimed.json() as DossierDetail;
    const fresh = (
      await app.inject({ method: 'GET', url: `/api/dossiers/${id}`, headers: specialists[0]!.headers })
    ).json() as DossierDetail;
    expect(view.attachments.map((a) => a.fileName).sort()).toEqual(['a.pdf', 'b.pdf']);
    expect([...view.attachments].sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [...fresh.attachments].sort((x, y) => x.id.localeCompare(y.id)),
    );
    // An attachment and an action at once: both answered; the action's view never misses a file linked
    // before its write (had the file come between its read and write, the write would not have applied).
    const [file, handed] = await Promise.all([
      attach(id, 'c.pdf'),
      post(specialists[0]!, `/api/dossiers/${id}/complete-step`, { fromStep: 2 }),
    ]);
    expect(file.statusCode, file.body).toBe(200);
    expect(handed.statusCode, handed.body).toBe(200);
    const names = (handed.json() as DossierDetail).attachments.map((a) => a.fileName).sort();
    expect([
      ['a.pdf', 'b.pdf'],
      ['a.pdf', 'b.pdf', 'c.pdf'],
    ]).toContainEqual(names);
  });
});
