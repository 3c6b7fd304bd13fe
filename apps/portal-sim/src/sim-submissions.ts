import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** A file a citizen uploaded with an online dossier (content as base64). */
export const SubmittedFile = z.object({
  TenTep: z.string().min(1).max(255),
  /** Component of the procedure the file answers (the portal's code of the component). */
  MaThanhPhan: z.string().max(50).default(''),
  LoaiTep: z.string().min(1).max(100),
  NoiDung: z.string().max(14_000_000),
  /** Reused from data the administration already holds (digitised before). */
  DuocTaiSuDung: z.boolean().default(false),
  /** Taken from the citizen's personal data store on the portal. */
  DuocLayTuKhoDMQG: z.boolean().default(false),
});

/** What the public page (or a test) submits. */
export const SubmissionInput = z.object({
  MaTTHC: z.string().min(1).max(50),
  /** Commune (or province) code where the dossier is submitted; old codes from before 1 July 2025 happen. */
  MaDonVi: z.string().min(1).max(20),
  ChuHoSo: z.object({
    HoTen: z.string().min(1).max(200),
    SoDinhDanh: z.string().max(20).default(''),
    SoDienThoai: z.string().max(20).default(''),
    Email: z.string().max(200).default(''),
    DiaChi: z.string().max(500).default(''),
  }),
  DaXacThucVNeID: z.boolean().default(false),
  DaThanhToanTrucTuyen: z.boolean().default(false),
  TepDinhKem: z.array(SubmittedFile).max(20).default([]),
});
export type SubmissionInput = z.infer<typeof SubmissionInput>;

/** An online dossier held by the portal, offered to the provincial system in `seq` order. */
export type Submission = SubmissionInput & {
  seq: number;
  /** The national dossier code (mã hồ sơ trên Cổng DVCQG). */
  MaHoSoQG: string;
  NgayNop: string;
};

/**
 * The portal's time stamp (yyyyMMddHHmmss) in Vietnam time. The simulator stands alone (it imports none of the
 * project's packages, as the real portal would not), so it asks the IANA zone rather than `@mot-cua/contracts`.
 */
const VN_STAMP = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function vnStamp(d: Date): string {
  const part = Object.fromEntries(VN_STAMP.formatToParts(d).map((p) => [p.type, p.value]));
  return `${part.year}${part.month}${part.day}${part.hour}${part.minute}${part.second}`;
}

/**
 * Online dossiers submitted on the simulated portal: `submissions.jsonl` in the simulator's folder (one line
 * each, a torn last line after a crash ignored), or memory only. The sequence number is the cursor the
 * provincial system pulls with.
 */
export async function openSubmissionStore(dir: string | null, opts: { codePrefix?: string } = {}) {
  const prefix = opts.codePrefix ?? 'G22.99';
  const items: Submission[] = [];
  /** Codes of dossiers the citizen withdrew on the portal (gone from the lookup by code). */
  const withdrawn = new Set<string>();
  const path = dir ? join(dir, 'submissions.jsonl') : null;
  if (dir && path) {
    await mkdir(dir, { recursive: true });
    const text = await readFile(path, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const r = JSON.parse(line) as Submission | { withdrawn: string };
        if ('withdrawn' in r) withdrawn.add(r.withdrawn);
        else items.push(r);
      } catch {
        // torn line: that submission was never acknowledged
      }
    }
  }
  let chain = Promise.resolve();
  return {
    async add(input: SubmissionInput, now = new Date()): Promise<Submission> {
      const seq = items.length + 1;
      const stamp = vnStamp(now);
      const s: Submission = {
        ...input,
        seq,
        MaHoSoQG: `${prefix}-${stamp.slice(2, 8)}-${String(seq).padStart(6, '0')}`,
        NgayNop: stamp,
      };
      items.push(s);
      const line = `${JSON.stringify(s)}\n`;
      chain = chain.then(() => (path ? appendFile(path, line) : undefined));
      await chain;
      return s;
    },
    /** Submissions after the cursor (a seq), oldest first. */
    page(after: number, limit: number) {
      const rest = items.filter((s) => s.seq > after).slice(0, limit);
      return { items: rest, nextCursor: rest.length ? rest[rest.length - 1]!.seq : after };
    },
    find: (code: string) => items.find((s) => s.MaHoSoQG === code),
    /** The portal's "get dossier by code": undefined when unknown or withdrawn. */
    lookup: (code: string) => (withdrawn.has(code) ? undefined : items.find((s) => s.MaHoSoQG === code)),
    /** The citizen withdraws a dossier on the portal: the lookup by code no longer finds it. */
    async withdraw(code: string): Promise<boolean> {
      if (!items.some((s) => s.MaHoSoQG === code) || withdrawn.has(code)) return false;
      withdrawn.add(code);
      const line = `${JSON.stringify({ withdrawn: code })}\n`;
      chain = chain.then(() => (path ? appendFile(path, line) : undefined));
      await chain;
      return true;
    },
    recent: (n: number) => items.slice(-n).reverse(),
    async clear() {
      items.length = 0;
      withdrawn.clear();
      if (path) await writeFile(path, '');
    },
  };
}
export type SubmissionStore = Awaited<ReturnType<typeof openSubmissionStore>>;
