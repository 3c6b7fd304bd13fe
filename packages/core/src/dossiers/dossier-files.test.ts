import { describe, expect, it } from 'vitest';
import type { ActionPayload } from './dossier-actions.js';
import { attachComponentFiles } from './dossier-files.js';
import { log, received } from './dossier-test-helpers.js';
import type { DossierDeps } from './perform-dossier-action.js';
import type { DossierRecord, DossiersRepository } from './ports.js';

// No files on a closed dossier (returned, refused, withdrawn, stopped) or one whose result is issued; an open
// one takes them. Pure: the use case on an in-memory repository.
const dossier = {
  id: '00000000-0000-4000-8000-000000000003',
  provinceCode: '79',
  competentUnitCode: '26743',
  components: [{ key: 'c01', name: 'Đơn', state: 'present' }],
} as unknown as DossierRecord;
const file = { fileName: 'them.pdf', sha256: 'a'.repeat(64), sizeBytes: 10, mediaType: 'application/pdf' };
const result: ActionPayload = { type: 'result_issued', documents: [{ name: 'kq.pdf', sha256: 'b'.repeat(64) }] };

const histories: Record<string, ActionPayload[]> = {
  refused: [
    { type: 'submitted', channel: 'online' },
    { type: 'refused', reasons: ['x'] },
  ],
  withdrawn: [received(), { type: 'withdrawn', reason: 'x' }],
  stopped: [received(), { type: 'stopped', reason: 'x' }],
  result_ready: [received(), { type: 'approved' }, result],
  returned: [received(), { type: 'approved' }, result, { type: 'returned', method: 'counter' }],
};

function deps(payloads: ActionPayload[], linked: string[]): DossierDeps {
  const dossiers = {
    lockDossier: async () => dossier,
    listActions: async () => log(...payloads),
    storeFile: async () => {},
    addAttachment: async (a: { fileName: string }) => {
      linked.push(a.fileName);
    },
  } as Partial<DossiersRepository> as DossiersRepository;
  return { dossiers } as Partial<DossierDeps> as DossierDeps;
}

const actor = { userId: 'u', name: null, role: 'reception' as const, unitCode: '26743' };

describe('attachComponentFiles', () => {
  for (const [status, payloads] of Object.entries(histories)) {
    it(`a ${status} dossier takes no file (DOSSIER_CLOSED), nothing linked`, async () => {
      const linked: string[] = [];
      const err = await attachComponentFiles(deps(payloads, linked), {
        dossierId: dossier.id,
        actor,
        componentKey: 'c01',
        files: [file],
      }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'DOSSIER_CLOSED', details: { status } });
      expect(linked).toEqual([]);
    });
  }

  it('an open dossier takes the file', async () => {
    const linked: string[] = [];
    await attachComponentFiles(deps([received()], linked), {
      dossierId: dossier.id,
      actor,
      componentKey: 'c01',
      files: [file],
    });
    expect(linked).toEqual(['them.pdf']);
  });
});
