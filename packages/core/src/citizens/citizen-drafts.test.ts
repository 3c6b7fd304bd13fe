import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../audit.js';
import {
  type CitizenDraft,
  type CitizenDraftsPort,
  deleteCitizenDraft,
  purgeStaleDrafts,
  saveCitizenDraft,
} from './citizen-drafts.js';

/** Drafts in memory, with the marks of submitted ones. */
function memoryDrafts() {
  const drafts = new Map<string, CitizenDraft>();
  const marks = new Map<string, { userId: string; dossierId: string; submittedAt: Date }>();
  const k = (u: string, p: string) => `${u}/${p}`;
  const port: CitizenDraftsPort = {
    findDraft: async (u, p) => drafts.get(k(u, p)),
    listDrafts: async (u) => [...drafts.values()].filter((d) => d.userId === u),
    upsertDraft: async (d) => {
      const prev = drafts.get(k(d.userId, d.procedureCode));
      const next = { ...d, id: prev?.id ?? d.id, files: prev?.files ?? [] };
      drafts.set(k(d.userId, d.procedureCode), next);
      return next;
    },
    deleteDraft: async (u, p) => drafts.delete(k(u, p)),
    deleteExpired: async () => 0,
    storeFile: async () => {},
    addDraftFile: async () => {},
    removeDraftFile: async () => false,
    findSubmitted: async (u, id) => {
      const m = marks.get(id);
      return m && m.userId === u ? m : undefined;
    },
    recordSubmitted: async (r) => {
      marks.set(r.draftId, { userId: r.userId, dossierId: r.dossierId, submittedAt: r.at });
    },
    purgeUntouchedSince: async (cutoff) => {
      let n = 0;
      for (const [key, d] of drafts) if (d.updatedAt < cutoff && drafts.delete(key)) n++;
      let m = 0;
      for (const [key, x] of marks) if (x.submittedAt < cutoff && marks.delete(key)) m++;
      return { drafts: n, files: 0, submittedMarks: m };
    },
  };
  return { port, drafts, marks };
}

const at = (iso: string) => new Date(iso);
let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

describe('a draft once submitted', () => {
  it('refuses a later save naming it (409), whoever else saves a new one', async () => {
    const m = memoryDrafts();
    const audit: AuditRecord[] = [];
    const deps = {
      drafts: m.port,
      audit: { record: async (r: AuditRecord) => void audit.push(r) },
      now: at('2026-11-30T01:00:00Z'),
      newId,
    };
    const d = await saveCitizenDraft(deps, { userId: 'u1', procedureCode: 'P', data: { a: 1 } });
    await deleteCitizenDraft(deps, { userId: 'u1', procedureCode: 'P', reason: 'submitted', dossierId: 'D1' });
    await expect(
      saveCitizenDraft(deps, { userId: 'u1', procedureCode: 'P', data: { a: 2 }, draftId: d.id }),
    ).rejects.toMatchObject({ code: 'DRAFT_ALREADY_SUBMITTED' });
    // Another citizen naming that id is not told anything about it: their save is an ordinary one.
    await expect(
      saveCitizenDraft(deps, { userId: 'u2', procedureCode: 'P', data: {}, draftId: d.id }),
    ).resolves.toMatchObject({ userId: 'u2' });
    const fresh = await saveCitizenDraft(deps, { userId: 'u1', procedureCode: 'P', data: { a: 3 } });
    expect(fresh.id).not.toBe(d.id);
    expect(audit.find((a) => a.action === 'citizen.draft_deleted')?.data).toMatchObject({
      reason: 'submitted',
      dossierId: 'D1',
    });
  });
});

describe('the purge of stale drafts', () => {
  it('removes drafts and marks older than N days, audits once, and nothing when nothing is stale', async () => {
    const m = memoryDrafts();
    const audit: AuditRecord[] = [];
    const rec = { record: async (r: AuditRecord) => void audit.push(r) };
    await saveCitizenDraft(
      { drafts: m.port, now: at('2026-10-01T00:00:00Z'), newId },
      { userId: 'u1', procedureCode: 'P', data: {} },
    );
    await saveCitizenDraft(
      { drafts: m.port, now: at('2026-11-25T00:00:00Z'), newId },
      { userId: 'u2', procedureCode: 'P', data: {} },
    );
    const r = await purgeStaleDrafts(
      { drafts: m.port, audit: rec, now: at('2026-11-30T00:00:00Z') },
      { afterDays: 30 },
    );
    expect(r).toMatchObject({ drafts: 1, submittedMarks: 0 });
    expect(r.cutoff.toISOString()).toBe('2026-10-31T00:00:00.000Z');
    expect([...m.drafts.values()].map((d) => d.userId)).toEqual(['u2']);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'citizen.drafts_purged',
        actorUserId: null,
        data: expect.objectContaining({ drafts: 1, afterDays: 30 }),
      }),
    ]);
    await purgeStaleDrafts({ drafts: m.port, audit: rec, now: at('2026-11-30T00:00:00Z') }, { afterDays: 30 });
    expect(audit).toHaveLength(1);
    await expect(purgeStaleDrafts({ drafts: m.port, now: new Date() }, { afterDays: 0 })).rejects.toThrow(RangeError);
  });
});
