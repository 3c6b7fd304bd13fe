import { describe, expect, it } from 'vitest';
import { resolveTimeLimit } from './time-limit.js';

const none = { value: 0, unit: 'none' } as const;
const three = { value: 3, unit: 'working_days' } as const;

describe('resolveTimeLimit', () => {
  it('keeps the procedure’s own limit and refuses another one', () => {
    expect(resolveTimeLimit({ procedure: three, required: true })).toEqual(three);
    expect(() =>
      resolveTimeLimit({ procedure: three, supplied: { value: 5, unit: 'working_days' }, required: true }),
    ).toThrow(expect.objectContaining({ code: 'DOSSIER_TIME_LIMIT_FIXED' }));
  });

  it('without one: the supplied limit, else the recorded one, else required when the clock starts', () => {
    expect(
      resolveTimeLimit({ procedure: none, supplied: { value: 4, unit: 'working_hours' }, required: true }),
    ).toEqual({ value: 4, unit: 'working_hours' });
    expect(resolveTimeLimit({ procedure: none, recorded: three, required: true })).toEqual(three);
    expect(resolveTimeLimit({ procedure: none, recorded: none, required: false })).toEqual(none);
    expect(() => resolveTimeLimit({ procedure: none, recorded: none, required: true })).toThrow(
      expect.objectContaining({ code: 'DOSSIER_TIME_LIMIT_REQUIRED' }),
    );
  });

  it.each([
    { value: 0, unit: 'working_days' },
    { value: Number.NaN, unit: 'working_days' },
    { value: 261, unit: 'working_days' },
    { value: 367, unit: 'calendar_days' },
    { value: 2, unit: 'none' },
  ])('refuses %o', (supplied) => {
    expect(() =>
      // biome-ignore lint/suspicious/noExplicitAny: an invalid unit on purpose
      resolveTimeLimit({ procedure: none, supplied: supplied as any, required: true }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
