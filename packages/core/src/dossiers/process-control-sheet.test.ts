import { describe, expect, it } from 'vitest';
import { hours, log, received } from './dossier-test-helpers.js';
import { buildProcessControlSheet } from './process-control-sheet.js';

describe('process control sheet', () => {
  it('lists one row per hand-over with each step’s on-time outcome', () => {
    const actions = log(
      { ...received(), at: hours(0) },
      { type: 'claimed', stepOrder: 1, at: hours(1) },
      { type: 'step_completed', fromStep: 1, toStep: 2, stepDueAt: hours(30), at: hours(2) },
      { type: 'assigned', stepOrder: 2, assigneeId: 'u-s', assigneeName: 'Lê Văn Hùng', actorId: 'u-h', at: hours(3) },
      { type: 'step_completed', fromStep: 2, toStep: 3, stepDueAt: hours(40), at: hours(35), actorName: 'Lê Văn Hùng' },
      { type: 'approved', at: hours(36), actorName: 'Nguyễn Văn Minh' },
      { type: 'result_issued', documents: [], at: hours(37) },
      { type: 'returned', method: 'counter', at: hours(38) },
    );
    const sheet = buildProcessControlSheet(actions, { now: hours(40), unitName: () => 'Phường Bến Thành' });
    expect(sheet.rows.map((r) => r.action)).toEqual([
      'received',
      'claimed',
      'step_completed',
      'assigned',
      'step_completed',
      'approved',
      'result_issued',
      'returned',
    ]);
    expect(sheet.rows[0]).toMatchObject({ from: 'Người nộp hồ sơ', to: 'Trần Thị Lan (Phường Bến Thành)' });
    // Step 1 was due at hours(4) and handed over at hours(2): on time (less than a day early).
    expect(sheet.rows[2]).toMatchObject({ stepName: 'Tiếp nhận', stepDueAt: hours(4), outcome: 'on_time' });
    expect(sheet.rows[3]).toMatchObject({ to: 'Lê Văn Hùng' });
    // Step 2 was due at hours(30) and handed over at hours(35): late.
    expect(sheet.rows[4]).toMatchObject({ stepName: 'Thẩm định', outcome: 'late' });
    expect(sheet.rows[7]).toMatchObject({ to: 'Người nộp hồ sơ' });
    expect(sheet.progress).toBe('early'); // finished at 37h, due at 72h
    expect(sheet.dueAt).toEqual(hours(72));
  });

  it('shows an open dossier as undue or overdue', () => {
    expect(buildProcessControlSheet(log(received()), { now: hours(1) }).progress).toBe('undue');
    expect(buildProcessControlSheet(log(received()), { now: hours(100) }).progress).toBe('overdue');
  });
});
