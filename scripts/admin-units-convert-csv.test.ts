import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { convertCsv, csvField } from './admin-units-convert-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'convert-csv-'));

describe('npm run convert-addresses', () => {
  it('converts a CSV of old addresses and old codes, keeping the input columns', async () => {
    const input = join(dir, 'in.csv');
    const output = join(dir, 'out.csv');
    writeFileSync(
      input,
      [
        'id,address,old_code',
        '1,"Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội",',
        '2,"p. truc bach, q. ba dinh, ha noi",',
        '3,"Số 5 phố Đội Cấn, Phường Ngọc Hà, Quận Ba Đình, Hà Nội",',
        '4,,06970',
        '5,qwerty asdf,',
        '6,"Thị trấn Long Thành, Huyện Long Thành, Tỉnh Đồng Nai",',
        '7,"Xã Tân Phú, Huyện Thạnh Phú, Tỉnh Bến Tre",',
      ].join('\n'),
    );
    const summary = await convertCsv(input, output, { onDate: '2026-05-01', progress: false });
    expect(summary.rows).toBe(7);
    expect(summary.byStatus).toEqual({ converted: 4, needs_detail: 1, not_found: 1, ambiguous: 1 });
    const rows = parse(readFileSync(output, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rows[0]).toMatchObject({
      address: 'Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội',
      status: 'converted',
      new_commune_code: '00004',
      new_commune: 'Phường Ba Đình',
      new_province_code: '01',
      new_province: 'Thành phố Hà Nội',
      warnings: '',
    });
    expect(rows[1]!.new_commune_code).toBe('00004');
    // A split commune: no single answer, every candidate listed.
    expect(rows[2]).toMatchObject({ status: 'needs_detail', new_commune_code: '', candidate_count: '2' });
    expect(rows[2]!.candidates).toContain('00004 Phường Ba Đình');
    expect(rows[2]!.candidates).toContain('00008 Phường Ngọc Hà');
    expect(Number(rows[2]!.confidence)).toBeLessThan(0.6);
    // The old code 06970 was Thị trấn Ba Chẽ; it became Xã Ba Chẽ (06978).
    expect(rows[3]).toMatchObject({ status: 'converted', new_commune_code: '06978' });
    expect(rows[4]).toMatchObject({ status: 'not_found', new_commune_code: '', candidates: '' });
    // The date matters: Long Thành is a ward of the city of Đồng Nai from 2026-04-30.
    expect(rows[5]).toMatchObject({ new_commune: 'Phường Long Thành', new_province: 'Thành phố Đồng Nai' });
    // Thạnh Phú district had no Tân Phú commune: not a conversion, and the row says why.
    expect(rows[6]).toMatchObject({
      status: 'ambiguous',
      warnings: 'district_mismatch: Huyện Thạnh Phú (Tỉnh Bến Tre) has no commune Tân Phú',
    });
  });

  it('refuses a CSV without an address or code column, and quotes fields that need it', async () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(input, 'id,dia_chi\n1,"Xã A, Huyện B"\n');
    await expect(
      convertCsv(input, join(dir, 'bad-out.csv'), { onDate: '2026-01-01', progress: false }),
    ).rejects.toThrow(/no address column/);
    const named = await convertCsv(input, join(dir, 'named.csv'), {
      onDate: '2026-01-01',
      column: 'dia_chi',
      progress: false,
    });
    expect(named.rows).toBe(1);
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('plain')).toBe('plain');
  });
});
