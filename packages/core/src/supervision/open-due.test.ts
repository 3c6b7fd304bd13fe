import { describe, expect, it } from 'vitest';
import { openDuePlan } from './open-due.js';

const at = (s: string) => new Date(s);
// Friday 6 March 2026, 09:00 in Vietnam
const friday = at('2026-03-06T02:00:00Z');

describe('openDuePlan: which due days are read one by one', () => {
  it('reads only today when no unit has a mark (nothing is due soon)', () => {
    expect(openDuePlan(friday, [])).toEqual({ today: '2026-03-06', lastBoundary: '2026-03-06' });
  });

  it('reads up to the latest mark’s day: Monday over the weekend, later for a unit with a holiday', () => {
    expect(openDuePlan(friday, [at('2026-03-09T02:00:00Z')])).toEqual({
      today: '2026-03-06',
      lastBoundary: '2026-03-09',
    });
    expect(openDuePlan(friday, [at('2026-03-11T02:00:00Z'), at('2026-03-09T02:00:00Z')]).lastBoundary).toBe(
      '2026-03-11',
    );
  });

  it('ignores marks before today (no dossier due from now on is before them)', () => {
    expect(openDuePlan(friday, [at('2026-03-04T02:00:00Z')]).lastBoundary).toBe('2026-03-06');
  });

  it('uses Vietnamese days: 17:00 UTC is the next day in Vietnam', () => {
    const late = at('2026-03-02T17:30:00Z'); // 00:30 on 3 March in Vietnam
    expect(openDuePlan(late, [at('2026-03-03T16:59:59Z'), at('2026-03-03T17:00:00Z')])).toEqual({
      today: '2026-03-03',
      lastBoundary: '2026-03-04',
    });
  });
});
