import { describe, expect, it } from 'vitest';
import { openDuePlan } from './open-due.js';

const at = (s: string) => new Date(s);
// Monday 2 March 2026, 09:00 in Vietnam
const now = at('2026-03-02T02:00:00Z');

describe('openDuePlan: which due days are whole and which are read one by one', () => {
  it('reads only today when no unit has a mark (nothing is due soon)', () => {
    expect(openDuePlan(now, [], true)).toEqual({
      today: '2026-03-02',
      soonBefore: '2026-03-03',
      boundary: [{ from: '2026-03-02', to: '2026-03-02' }],
    });
  });

  it('reads today and the mark day; nothing whole is due soon when the mark is tomorrow', () => {
    expect(openDuePlan(now, [at('2026-03-03T02:00:00Z')], true)).toEqual({
      today: '2026-03-02',
      soonBefore: '2026-03-03',
      boundary: [{ from: '2026-03-02', to: '2026-03-03' }],
    });
  });

  it('takes the days between today and the earliest mark as due soon, the marks’ days as boundary', () => {
    // Friday 6 March: one unit's mark on Monday 9 (weekend), another's on Wednesday 11 (a holiday on Monday)
    const friday = at('2026-03-06T02:00:00Z');
    const plan = openDuePlan(friday, [at('2026-03-11T02:00:00Z'), at('2026-03-09T02:00:00Z')], true);
    expect(plan).toEqual({
      today: '2026-03-06',
      soonBefore: '2026-03-09',
      boundary: [
        { from: '2026-03-06', to: '2026-03-06' },
        { from: '2026-03-09', to: '2026-03-11' },
      ],
    });
  });

  it('takes no whole day as due soon when a handling unit of the scope has no mark', () => {
    const friday = at('2026-03-06T02:00:00Z');
    expect(openDuePlan(friday, [at('2026-03-09T02:00:00Z')], false)).toEqual({
      today: '2026-03-06',
      soonBefore: '2026-03-07',
      boundary: [{ from: '2026-03-06', to: '2026-03-09' }],
    });
  });

  it('uses Vietnamese days: 17:00 UTC is the next day in Vietnam', () => {
    const late = at('2026-03-02T17:30:00Z'); // 00:30 on 3 March in Vietnam
    expect(openDuePlan(late, [at('2026-03-02T16:59:59Z')], true)).toEqual({
      today: '2026-03-03',
      soonBefore: '2026-03-04',
      boundary: [{ from: '2026-03-03', to: '2026-03-03' }],
    });
  });
});
