import { describe, expect, it } from 'vitest';
import { orderSegments, parseAddress, protectedNames } from './address-parse.js';

const hints = (text: string) => parseAddress(text).map((s) => `${s.hint ?? '-'}:${s.name}`);

describe('parseAddress', () => {
  it('splits on ">" and on a dash between spaces, in any case', () => {
    expect(hints('Hà Nội > Ba Đình > Phường Ngọc Hà')).toEqual(['-:ha noi', '-:ba dinh', 'commune:ngoc ha']);
    expect(hints('Tổ 3 - P Hoa Nghia - q. Duong Kinh - TP Hai Phong')).toEqual([
      'detail:to 3',
      'commune:hoa nghia',
      'district:duong kinh',
      'province_or_district:hai phong',
    ]);
    expect(hints('XÃ GIA CANH - HUYỆN ĐỊNH QUÁN')).toEqual(['commune:gia canh', 'district:dinh quan']);
  });

  it('reads roads as street detail, not "tỉnh lộ" as a province', () => {
    expect(hints('SỐ 5 TỈNH LỘ 10 - XÃ GIA CANH - HUYỆN ĐỊNH QUÁN - ĐỒNG NAI')).toEqual([
      'detail:so 5 tinh lo 10',
      'commune:gia canh',
      'district:dinh quan',
      '-:dong nai',
    ]);
    expect(hints('Km 12 Quốc lộ 20, Xã Phú Túc')[0]).toBe('detail:km 12 quoc lo 20');
  });

  it('ends a numbered hamlet at its number: "Thôn 8 Vân Tiến" is thôn 8 of Vân Tiến', () => {
    expect(hints('Thon 8 Van Tien H. Yen Lac T. Vinh Phuc')).toEqual([
      'detail:thon 8',
      '-:van tien',
      'district:yen lac',
      'province:vinh phuc',
    ]);
    expect(hints('Ấp Bình An, Xã Mỹ Hưng')).toEqual(['detail:ap binh an', 'commune:my hung']);
  });

  it('keeps names that begin like a detail word: Lạng Sơn, Dương Minh Châu, Phường Đường Lâm', () => {
    expect(hints('Xã Phước Minh, Dương Minh Châu, Tây Ninh')).toEqual([
      'commune:phuoc minh',
      '-:duong minh chau',
      '-:tay ninh',
    ]);
    expect(hints('Phường Đông Kinh, Lạng Sơn')).toEqual(['commune:dong kinh', '-:lang son']);
    expect(hints('Phường Đường Lâm, Sơn Tây')[0]).toBe('commune:duong lam');
  });

  it('leaves a dash inside a name alone when told which names have one', () => {
    const joined = (s: string) => s.replace(/ba ria - vung tau/g, 'ba ria vung tau');
    expect(parseAddress('Xã Long Phước, Tỉnh Bà Rịa - Vũng Tàu', joined).map((s) => s.name)).toEqual([
      'long phuoc',
      'ba ria vung tau',
    ]);
  });
});

describe('orderSegments', () => {
  const isProvince = (n: string) => ['long an', 'ha noi'].includes(n);
  it('reads an address that starts with its province backwards, details first', () => {
    const order = (t: string) => orderSegments(parseAddress(t), isProvince).map((s) => s.name);
    expect(order('Long An, TX. Kiến Tường, Xã Thạnh Hưng')).toEqual(['thanh hung', 'kien tuong', 'long an']);
    expect(order('Hà Nội > Ba Đình > Phường Ngọc Hà > Số 5 phố Đội Cấn')).toEqual([
      'so 5 pho doi can',
      'ngoc ha',
      'ba dinh',
      'ha noi',
    ]);
  });

  it('leaves the usual order alone', () => {
    const order = (t: string) => orderSegments(parseAddress(t), isProvince).map((s) => s.name);
    expect(order('Xã Thạnh Hưng, TX. Kiến Tường, Long An')).toEqual(['thanh hung', 'kien tuong', 'long an']);
  });
});

describe('names holding a type or detail word (third round)', () => {
  const protect = protectedNames(['dong phuong yen', 'tam quan bac', 'ban cam', 'phuong mai', 'mai dich']);
  const names = (t: string) => parseAddress(t, protect).map((s) => `${s.hint ?? '?'}:${s.name}`);

  it('keeps a keyword inside a name ("Đông Phương Yên", "Tam Quan Bắc")', () => {
    expect(names('Tổ 3 > Xã Đông Phương Yên > Huyện Chương Mỹ')).toEqual([
      'detail:to 3',
      'commune:dong phuong yen',
      'district:chuong my',
    ]);
    expect(names('P Tam Quan Bac - TX Hoai Nhon')).toEqual(['commune:tam quan bac', 'district:hoai nhon']);
    // without the names the parser splits there
    expect(parseAddress('Xã Đông Phương Yên').map((s) => s.name)).not.toContain('dong phuong yen');
  });

  it('keeps a name that begins with a keyword only as a whole component', () => {
    expect(names('THON 2, BAN CAM, BAO THANG')).toEqual(['detail:thon 2', '?:ban cam', '?:bao thang']);
    expect(names('Phường Phương Mai, Đống Đa')).toEqual(['commune:phuong mai', '?:dong da']);
    expect(names('phuong mai dich, cau giay')).toEqual(['commune:mai dich', '?:cau giay']);
  });

  it('reads "Xã Lộ 25" as a commune, "Xa lộ Hà Nội" as a road', () => {
    expect(names('Xã Lộ 25 > Huyện Thống Nhất')).toEqual(['commune:lo 25', 'district:thong nhat']);
    expect(names('123 Xa lộ Hà Nội, Phường Bình An')[1]).toBe('detail:xa lo ha noi');
  });
});
