import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../audit.js';
import {
  delegatedTaskSummary,
  importDelegatedTasks,
  isTemplateHeader,
  parseDelegatedTaskRow,
} from './delegated-tasks.js';

const row = (n: number, over: Partial<Record<number, unknown>> = {}) => ({
  row: n,
  cells: Object.assign(
    [
      `NV-${n}`,
      'Đất đai',
      'Thẩm định hồ sơ',
      'Trung ương',
      'Xã',
      'Nghị định 151/2025/NĐ-CP',
      'Bộ Nông nghiệp và Môi trường',
      'Thực hiện được',
      null,
      '31/12/2025',
    ],
    over,
  ),
});

describe('parseDelegatedTaskRow', () => {
  it('reads the template’s words with accents and case folded, and dd/mm/yyyy dates', () => {
    const p = parseDelegatedTaskRow(row(2, { 3: 'trung uong', 7: 'CẦN VĂN BẢN HƯỚNG DẪN' }));
    expect(p).toEqual({
      task: expect.objectContaining({
        code: 'NV-2',
        sourceLevel: 'central',
        targetLevel: 'commune',
        feasibility: 'needs_guidance',
        deadline: '2025-12-31',
        notes: null,
      }),
    });
  });
  it('names every problem of the row in Vietnamese with its row number', () => {
    const p = parseDelegatedTaskRow(row(7, { 1: '', 4: 'Huyện', 7: 'được', 9: '31/02/2025' }));
    expect('errors' in p && p.errors).toEqual([
      'Dòng 7: thiếu "Lĩnh vực".',
      'Dòng 7: "Cấp nhận" là "Huyện", phải là một trong: Trung ương, Tỉnh, Xã.',
      'Dòng 7: "Khả năng thực hiện" là "được", phải là một trong: Thực hiện được, Cần văn bản hướng dẫn, Cần điều chỉnh thẩm quyền.',
      'Dòng 7: "Hạn hoàn thành" không phải ngày (dd/mm/yyyy).',
    ]);
    expect(parseDelegatedTaskRow(row(3, { 4: 'Trung ương' }))).toEqual({
      errors: ['Dòng 3: cấp chuyển đi và cấp nhận trùng nhau.'],
    });
  });
  it('recognises the template header', () => {
    expect(
      isTemplateHeader([
        'Mã nhiệm vụ',
        'Lĩnh vực',
        'Nhiệm vụ',
        'Cấp chuyển đi',
        'Cấp nhận',
        'Căn cứ pháp lý',
        'Bộ, ngành phụ trách',
        'Khả năng thực hiện',
        'Ghi chú',
        'Hạn hoàn thành',
      ]),
    ).toBe(true);
    expect(isTemplateHeader(['Mã', 'Lĩnh vực'])).toBe(false);
  });
});

describe('delegatedTaskSummary', () => {
  it('reproduces the ministry’s 584 / 355 / 10 of 949 shares (domain.md §0)', () => {
    const tasks = [
      ...Array.from({ length: 584 }, (_, i) => ({
        field: i % 2 ? 'Đất đai' : 'Tư pháp',
        feasibility: 'feasible' as const,
      })),
      ...Array.from({ length: 355 }, () => ({ field: 'Đất đai', feasibility: 'needs_guidance' as const })),
      ...Array.from({ length: 10 }, () => ({ field: 'Xây dựng', feasibility: 'needs_authority_adjusted' as const })),
    ];
    const s = delegatedTaskSummary(tasks);
    expect(s.total).toBe(949);
    expect(s.byFeasibility).toEqual([
      { feasibility: 'feasible', count: 584, share: 0.6154 },
      { feasibility: 'needs_guidance', count: 355, share: 0.3741 },
      { feasibility: 'needs_authority_adjusted', count: 10, share: 0.0105 },
    ]);
    expect(s.byField[0]).toEqual({
      field: 'Đất đai',
      total: 647,
      feasible: 292,
      needsGuidance: 355,
      needsAuthorityAdjusted: 0,
      feasibleShare: 0.4513,
    });
  });
});

describe('importDelegatedTasks', () => {
  const admin = { userId: 'u1', grants: [{ role: 'system_admin' as const, unitCode: 'VN' }] };
  const ports = () => {
    const written: unknown[] = [];
    const audits: AuditRecord[] = [];
    return {
      written,
      audits,
      existingCodes: async () => new Set(['NV-2']),
      recordImport: async () => {},
      upsertTasks: async (t: unknown[]) => void written.push(...t),
      audit: { record: async (e: AuditRecord) => void audits.push(e) },
    };
  };
  it('all or nothing: one bad row or a repeated code refuses the sheet with each row’s errors', async () => {
    const p = ports();
    const err = await importDelegatedTasks(
      admin,
      { importId: 'i1', fileName: 'a.xlsx', rows: [row(2), row(3, { 7: '?' }), { ...row(4), cells: row(2).cells }] },
      p,
      new Date(),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DELEGATED_TASKS_INVALID' });
    expect((err as { fieldErrors: Array<{ field: string }> }).fieldErrors.map((e) => e.field)).toEqual([
      'row:3',
      'row:4',
    ]);
    expect(p.written).toEqual([]);
    expect(p.audits).toEqual([]);
  });
  it('writes every row, counts created and replaced, and audits', async () => {
    const p = ports();
    const r = await importDelegatedTasks(
      admin,
      { importId: 'i2', fileName: 'a.xlsx', rows: [row(2), row(3)] },
      p,
      new Date(),
    );
    expect(r).toEqual({ importId: 'i2', rows: 2, created: 1, updated: 1 });
    expect(p.written).toHaveLength(2);
    expect(p.audits[0]).toMatchObject({ action: 'delegated_tasks.import', entityId: 'i2', actorUserId: 'u1' });
  });
  it('only a system administrator imports', async () => {
    const supervisor = { userId: 'u2', grants: [{ role: 'supervisor' as const, unitCode: 'VN' }] };
    await expect(
      importDelegatedTasks(supervisor, { importId: 'i3', fileName: 'a.xlsx', rows: [row(2)] }, ports(), new Date()),
    ).rejects.toThrow();
  });
});
