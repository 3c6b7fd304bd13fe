/** Vietnam keeps UTC+7 all year (no daylight saving). All civil dates of the product are in this zone. */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The civil date (YYYY-MM-DD) in Vietnam of an instant, independent of the server's time zone. */
export function vnDate(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}
