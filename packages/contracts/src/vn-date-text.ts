/**
 * Dates as Vietnamese readers write them: dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, ddmmyyyy), and the
 * ISO yyyy-mm-dd the API speaks (pasted or typed by someone used to it). A browser's native date field shows the
 * operating system's format (mm/dd/yyyy on an English one); the pages use these instead.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' → 'DD/MM/YYYY'; anything else → ''. */
export function formatVnDay(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** A typed date → 'YYYY-MM-DD', or null when it is not a real calendar day (31/02, 00/01, …) of years 1900–2100. */
export function parseVnDay(text: string): string | null {
  const s = text.trim();
  let d: number;
  let m: number;
  let y: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (compact) [d, m, y] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
  else return null;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}
