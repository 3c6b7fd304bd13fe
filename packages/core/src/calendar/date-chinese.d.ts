// The package ships types under ./types but its "exports" map hides them from Bundler resolution.
declare module 'date-chinese' {
  export class CalendarVietnamese {
    set(cycle: number, year: number, month: number, leap: number, day: number): this;
    toGregorian(gyear?: number): { year: number; month: number; day: number };
  }
}
