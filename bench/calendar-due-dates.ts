/**
 * Due-date computations per second on the national working calendar (announced 2025/2026 schedules,
 * 2027 by the rules), against a same-run reference: a plain loop of Date arithmetic that adds the same
 * number of 24-hour days and skips weekends only (what a naive calculator does).
 *
 *   npx tsx bench/calendar-due-dates.ts        (or: npm run bench -- calendar)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeDueDate, type Duration, type Pause, WorkingCalendar, type YearSchedule } from '@mot-cua/core';

const schedule = (y: number) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../data/calendar/schedules/${y}.json`, import.meta.url)), 'utf8'),
  ) as YearSchedule;

const calendar = new WorkingCalendar({ fromYear: 2025, toYear: 2027, schedules: [schedule(2025), schedule(2026)] });

// A fixed pseudo-random workload: receipt instants over 2025–2027 and the time limits commune procedures use.
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const START = Date.UTC(2025, 0, 1);
const SPAN = Date.UTC(2027, 10, 1) - START;
const durations: Duration[] = [
  { value: 0.5, unit: 'working_days' },
  { value: 1, unit: 'working_days' },
  { value: 3, unit: 'working_days' },
  { value: 5, unit: 'working_days' },
  { value: 10, unit: 'working_days' },
  { value: 20, unit: 'working_days' },
  { value: 8, unit: 'working_hours' },
  { value: 15, unit: 'calendar_days' },
];
const N = 20_000;
const work = Array.from({ length: N }, () => ({
  receivedAt: new Date(START + Math.floor(rand() * SPAN)),
  duration: durations[Math.floor(rand() * durations.length)]!,
  withPause: rand() < 0.2,
}));

function engineRun(): number {
  let checksum = 0;
  for (const w of work) {
    const pauses: Pause[] = w.withPause
      ? [
          {
            startedAt: new Date(w.receivedAt.getTime() + 3_600_000),
            endedAt: new Date(w.receivedAt.getTime() + 3 * 86_400_000),
          },
        ]
      : [];
    const r = computeDueDate({ receivedAt: w.receivedAt, duration: w.duration, calendar, pauses });
    checksum += r.dueAt ? r.dueAt.getTime() % 1000 : 0;
  }
  return checksum;
}

/** A fresh calendar for every computation, as an API request does after loading it (cold day cache). */
function coldRun(): number {
  let checksum = 0;
  const schedules = [schedule(2025), schedule(2026)];
  for (const w of work.slice(0, N / 10)) {
    const fresh = new WorkingCalendar({ fromYear: 2025, toYear: 2027, schedules });
    const r = computeDueDate({ receivedAt: w.receivedAt, duration: w.duration, calendar: fresh });
    checksum += r.dueAt ? r.dueAt.getTime() % 1000 : 0;
  }
  return checksum * 10;
}

function naiveRun(): number {
  let checksum = 0;
  for (const w of work) {
    const d = new Date(w.receivedAt.getTime());
    let days = Math.ceil(w.duration.unit === 'working_hours' ? w.duration.value / 8 : w.duration.value);
    while (days > 0) {
      d.setTime(d.getTime() + 86_400_000);
      const wd = d.getUTCDay();
      if (wd !== 0 && wd !== 6) days--;
    }
    checksum += d.getTime() % 1000;
  }
  return checksum;
}

function measure(name: string, fn: () => number, rounds = 5, count = N) {
  fn(); // warm-up (also fills the calendar's day cache)
  const rates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    rates.push(count / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;
  console.log(`${name.padEnd(58)} ${Math.round(median).toLocaleString('en-US').padStart(12)} /s (median of ${rounds})`);
  return median;
}

console.log(`node ${process.version}, ${N.toLocaleString('en-US')} computations per round`);
const engine = measure('computeDueDate (holidays, cut-off, lunch, 20% with a pause)', engineRun);
measure('computeDueDate on a fresh calendar each time (cold)', coldRun, 5, N / 10);
const naive = measure('reference: Date loop adding days, weekends only', naiveRun);
console.log(`engine / reference: ${(engine / naive).toFixed(2)}×`);
