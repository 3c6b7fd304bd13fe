/** Numbers of the supervision dashboards in Vietnamese notation, as the other supervision pages ("11,8 %", "100 %", "1.234"). */
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A share 0–1 as a percentage with at most one decimal ("92,3 %", "100 %"), or a dash without a base. */
export const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${oneDecimal.format(Math.round(v * 1000) / 10)} %`;
/** A count ("12.345"). */
export const int = (v: number) => integer.format(v);
/** A figure with one decimal ("4,2"), or a dash. */
export const dec = (v: number | null | undefined) => (v === null || v === undefined ? '—' : oneDecimal.format(v));
