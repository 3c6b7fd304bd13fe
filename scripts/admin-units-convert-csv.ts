/**
 * Convert a CSV of old (pre-2025-07-01) addresses to the communes and provinces in force on a date:
 *
 *   npm run convert-addresses -- in.csv out.csv [--on-date 2026-01-01] [--column address]
 *
 * The input needs a header row with a column `address` (free text), or `old_code` / `oldCode` / `ma_xa` (old
 * commune code); `--column` names another address column. Every input column is copied to the output, followed by
 * status, confidence, new commune and province (the best candidate), the number of candidates and all candidates
 * ("code name (province) score share", separated by " | "). A split commune has status needs_detail and every
 * new commune it went to. Streams row by row (a 100,000-row file needs a few megabytes of memory) and shows a
 * progress bar on stderr. Uses the shipped master data (data/admin-units), not a database.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { vnToday } from '@mot-cua/contracts';
import { AddressConverter, AdminUnitIndex, buildMasterDataset, type ConversionResult } from '@mot-cua/core';
import { readShippedAdminUnits } from '@mot-cua/db';
import { SingleBar } from 'cli-progress';
import { parse } from 'csv-parse';

export const OUTPUT_COLUMNS = [
  'status',
  'confidence',
  'new_commune_code',
  'new_commune',
  'new_province_code',
  'new_province',
  'candidate_count',
  'candidates',
  'warnings',
] as const;

const CODE_COLUMNS = ['old_code', 'oldCode', 'ma_xa', 'code'];
/** Output lines per write. */
const WRITE_BATCH = 512;

/** One CSV field, quoted when it needs to be (RFC 4180). */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function describeResult(r: ConversionResult): Record<(typeof OUTPUT_COLUMNS)[number], string | number> {
  const top = r.status === 'not_found' ? undefined : r.candidates[0];
  return {
    status: r.status,
    confidence: r.confidence,
    // A split commune has no single answer: the candidates column lists them all.
    new_commune_code: r.status === 'needs_detail' ? '' : (top?.newUnit.code ?? ''),
    new_commune: r.status === 'needs_detail' ? '' : (top?.newUnit.fullName ?? ''),
    new_province_code: top?.newProvince.code ?? '',
    new_province: top?.newProvince.fullName ?? '',
    candidate_count: r.candidates.length,
    candidates: r.candidates
      .map((c) => `${c.newUnit.code} ${c.newUnit.fullName} (${c.newProvince.fullName}) ${c.score} ${c.share}`)
      .join(' | '),
    // "district_mismatch: Huyện Thạnh Phú (Tỉnh Bến Tre) has no commune Tân Phú".
    warnings: r.warnings
      .map(
        (w) =>
          `${w.code}: ${w.district.fullName}${w.province ? ` (${w.province.fullName})` : ''} has no commune ${w.communeName}`,
      )
      .join(' | '),
  };
}

let cached: AddressConverter | undefined;
/** The converter over the shipped data (built once, about a second). */
export function shippedConverter(): AddressConverter {
  if (!cached) {
    const { raw, changes } = readShippedAdminUnits();
    cached = new AddressConverter(new AdminUnitIndex(buildMasterDataset(raw, changes)));
  }
  return cached;
}

export type ConvertCsvOptions = {
  onDate: string;
  column?: string;
  /** Show a progress bar on stderr (default: when stderr is a terminal). */
  progress?: boolean;
  converter?: AddressConverter;
};

export type ConvertCsvSummary = { rows: number; byStatus: Record<string, number>; ms: number };

/** Stream `inPath` to `outPath`, converting each row. */
export async function convertCsv(inPath: string, outPath: string, opts: ConvertCsvOptions): Promise<ConvertCsvSummary> {
  const started = Date.now();
  const converter = opts.converter ?? shippedConverter();
  const total = statSync(inPath).size;
  const bar =
    (opts.progress ?? process.stderr.isTTY)
      ? new SingleBar({
          format: 'Chuyển đổi địa chỉ |{bar}| {percentage}% · {rows} dòng · {rate} dòng/giây',
          stream: process.stderr,
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 1000,
        })
      : undefined;
  bar?.start(total, 0, { rows: 0, rate: 0 });
  const parser = createReadStream(inPath).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }),
  );
  const out = createWriteStream(outPath, 'utf8');
  // Lines are written in batches: one stream write (and at most one wait for 'drain') per batch, not per row.
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = `${batch.join('\n')}\n`;
    batch = [];
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const write = async (line: string) => {
    batch.push(line);
    if (batch.length >= WRITE_BATCH) await flush();
  };
  const summary: ConvertCsvSummary = { rows: 0, byStatus: {}, ms: 0 };
  let header: string[] | undefined;
  let addressColumn: string | undefined;
  let codeColumn: string | undefined;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (!header) {
        header = Object.keys(record);
        addressColumn = opts.column ?? header.find((h) => h.trim().toLowerCase() === 'address');
        codeColumn = header.find((h) => CODE_COLUMNS.includes(h.trim()));
        if (!addressColumn && !codeColumn) {
          throw new Error(
            `no address column: name one with --column, or use "address" or ${CODE_COLUMNS.map((c) => `"${c}"`).join(', ')} (found: ${header.join(', ')})`,
          );
        }
        if (addressColumn && !header.includes(addressColumn)) throw new Error(`no column "${addressColumn}"`);
        await write([...header, ...OUTPUT_COLUMNS].map(csvField).join(','));
      }
      const code = codeColumn ? record[codeColumn]?.trim() : '';
      const address = addressColumn ? (record[addressColumn] ?? '') : '';
      const r =
        code && /^\d{3,5}$/.test(code)
          ? converter.convertCode(code.padStart(5, '0'), opts.onDate)
          : converter.convert(address, opts.onDate);
      const d = describeResult(r);
      await write([...header.map((h) => record[h] ?? ''), ...OUTPUT_COLUMNS.map((c) => d[c])].map(csvField).join(','));
      summary.rows++;
      summary.byStatus[r.status] = (summary.byStatus[r.status] ?? 0) + 1;
      if (bar && summary.rows % 200 === 0) {
        const secs = (Date.now() - started) / 1000;
        bar.update(parser.info.bytes, { rows: summary.rows, rate: Math.round(summary.rows / Math.max(secs, 0.001)) });
      }
    }
    await flush();
  } finally {
    out.end();
    await once(out, 'finish');
    if (bar) {
      bar.update(total, {
        rows: summary.rows,
        rate: Math.round(summary.rows / Math.max((Date.now() - started) / 1000, 0.001)),
      });
      bar.stop();
    }
  }
  summary.ms = Date.now() - started;
  return summary;
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const onDate = flag('--on-date') ?? vnToday();
  const column = flag('--column');
  const [inPath, outPath] = args;
  if (!inPath || !outPath || !/^\d{4}-\d{2}-\d{2}$/.test(onDate)) {
    console.error('usage: npm run convert-addresses -- in.csv out.csv [--on-date YYYY-MM-DD] [--column address]');
    process.exit(2);
  }
  const s = await convertCsv(inPath, outPath, { onDate, ...(column ? { column } : {}), progress: true });
  const statuses = Object.entries(s.byStatus)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.error(
    `${s.rows} rows in ${(s.ms / 1000).toFixed(1)} s (${Math.round(s.rows / Math.max(s.ms / 1000, 0.001))}/s) as of ${onDate}: ${statuses} → ${outPath}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
