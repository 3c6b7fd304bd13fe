/** Source of the current instant. Core never calls Date.now(); it is handed a Clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock frozen at one instant, that tests can move forward. */
export function fixedClock(at: Date | string): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * The system time moved by an offset: time still flows (sessions, displays, polling behave as in production), but a
 * browser journey or a bench can run "in office hours" at any hour by moving the clock to the next opening.
 */
export function shiftedClock(): Clock & { shiftTo(at: Date): void; offsetMs(): number } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    shiftTo: (at) => {
      offset = at.getTime() - Date.now();
    },
    offsetMs: () => offset,
  };
}

/** Move a shifted clock an hour past the next opening of a front desk's kiosk when it is closed now. */
export function shiftIntoTicketingHours(
  clock: { shiftTo(at: Date): void },
  hours: { open: boolean; opensAt: string | null },
): void {
  if (!hours.open && hours.opensAt) clock.shiftTo(new Date(Date.parse(hours.opensAt) + 3_600_000));
}
