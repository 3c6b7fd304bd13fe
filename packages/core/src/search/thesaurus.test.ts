import { describe, expect, it } from 'vitest';
import { expandSynonyms } from './synonyms.js';
import { tokenize } from './text.js';
import { findBridges, THESAURUS } from './thesaurus.js';

const bridge = (s: string) => findBridges(tokenize(s)).map((b) => b.admin.map((a) => a.join(' ')));

describe('thesaurus', () => {
  it('bridges everyday words to the administrative terms, per field', () => {
    expect(bridge('thế chấp sổ đỏ vay ngân hàng').flat()).toContain('bien phap bao dam');
    expect(bridge('photo học bạ').flat().sort()).toEqual(['ban sao', 'ban sao tu ban chinh giay to']);
    expect(bridge('sang tên đất').flat()).toEqual(['chuyen nhuong', 'bien dong']);
    expect(bridge('mua đất viết giấy tay').flat()).toContain('da chuyen quyen su dung dat');
    expect(bridge('đất nông nghiệp làm homestay').flat()).toContain('su dung dat ket hop da muc dich');
  });

  it('prefers the longest everyday phrase and merges the groups that share it', () => {
    expect(bridge('tranh chấp đất với hàng xóm').flat()).toEqual([
      'hoa giai tranh chap dat dai',
      'giai quyet tranh chap dat dai',
    ]);
    const both = bridge('sinh con').flat();
    expect(both).toContain('khai sinh');
    expect(both).toContain('thai san');
  });

  it('reads the spoken negation "hổng có" as "không có"', () => {
    const tokens = expandSynonyms(tokenize('má tui 82 tuổi hổng có lương hưu')).tokens;
    expect(findBridges(tokens).flatMap((b) => b.admin.map((a) => a.join(' ')))).toContain('tro cap xa hoi hang thang');
  });

  it('holds no entry that would fire on a question word or a word with another meaning', () => {
    const risky = new Set(['de', 'chua', 'cuoi', 'sung', 'kien', 'mat', 'con']);
    for (const e of THESAURUS)
      expect(e.everyday.length === 1 && risky.has(e.everyday[0]!), e.everyday.join(' ')).toBe(false);
  });
});

describe('thesaurus and abbreviations added in the third round', () => {
  it('bridges "cưới chồng", "đi làm ăn xa" and "về nhà chồng", never the word "cuối" alone', () => {
    expect(bridge('tôi muốn cưới chồng người Hàn Quốc').flat()).toContain('ket hon');
    expect(bridge('cuối năm').flat()).toEqual([]);
    expect(bridge('đi làm ăn xa 3 tháng').flat()).toEqual(['tam vang']);
    expect(bridge('nhập hộ khẩu cho vợ về nhà chồng').flat()).toContain('dang ky thuong tru');
  });

  it('expands the abbreviations the catalog itself writes ("DSPHSK", "thuế GTGT")', () => {
    expect(expandSynonyms(tokenize('nghỉ DSPHSK')).tokens.join(' ')).toBe('nghi duong suc phuc hoi suc khoe');
    expect(expandSynonyms(tokenize('hoàn thuế GTGT')).tokens.join(' ')).toBe('hoan thue gia tri gia tang');
  });
});

describe('fillers inside an everyday phrase', () => {
  it('bridges "mở thêm chi nhánh" like "mở chi nhánh", and only one filler after the first word', () => {
    expect(bridge('mở thêm chi nhánh cho công ty').flat()).toContain('dang ky hoat dong chi nhanh');
    expect(bridge('mở chi nhánh').flat()).toContain('dang ky hoat dong chi nhanh');
    expect(bridge('mở thêm một chi nhánh').flat()).not.toContain('dang ky hoat dong chi nhanh');
  });
});

describe('land and business bridges added in the third round', () => {
  it('bridges "xóa thế chấp" to the removal of the security registration, "trả nợ tiền đất" to its payment', () => {
    expect(bridge('trả hết nợ rồi xóa thế chấp sổ đỏ').flat()).toContain('xoa dang ky bien phap bao dam');
    expect(bridge('trả nợ tiền sử dụng đất').flat()).toContain('thanh toan xoa no tien su dung dat');
  });

  it('bridges a member joining a one-member company to its conversion (Enterprise Law 2020)', () => {
    expect(bridge('công ty một thành viên nhận thêm người góp vốn').flat()).toContain(
      'chuyen doi cong ty trach nhiem huu han mot thanh vien',
    );
  });
});

describe('bridges added in session 6 (dev misses)', () => {
  it('bridges a wrong entry on a certificate to its correction (Land Law 2024 art. 152)', () => {
    expect(bridge('sổ đỏ bị ghi sai tên').flat()).toContain('dinh chinh');
    expect(bridge('đính chính sổ đỏ bị sai thông tin').flat()).toContain('dinh chinh');
    // merged with the civil-status entry of the same words
    expect(bridge('giấy khai sinh sai tên').flat()).toEqual(
      expect.arrayContaining(['cai chinh ho tich', 'dinh chinh']),
    );
  });

  it('bridges the Housing Law 2014 wording "sở hữu nhà nước" to the 2023 law\'s "tài sản công"', () => {
    expect(bridge('mua nhà thuộc sở hữu nhà nước đang thuê ở').flat()).toContain('tai san cong');
  });

  it('bridges "nhà công vụ" to the law\'s "nhà ở công vụ"', () => {
    expect(bridge('tỉnh mua nhà thương mại để làm nhà công vụ').flat()).toContain('nha o cong vu');
  });
});

describe('field thesaurus of session 7 (land, construction, business; task 18g)', () => {
  it('bridges everyday land words to the Land Law 2024 variants the catalog names', () => {
    expect(bridge('đổi sổ đỏ mẫu cũ').flat()).toContain('cap doi giay chung nhan');
    expect(bridge('xin lên đất ở cho mảnh vườn').flat()).toContain('chuyen muc dich su dung dat');
    expect(bridge('đất dư diện tích so với sổ').flat()).toContain('dien tich tang them');
    expect(bridge('góp vốn bằng đất vào công ty').flat()).toContain('gop von bang quyen su dung dat');
    expect(bridge('hàng xóm lấn chiếm đất').flat()).toContain('tranh chap dat dai');
  });

  it('bridges everyday construction words to the Construction Law terms', () => {
    expect(bridge('xin phép xây nhà 3 tầng').flat()).toContain('giay phep xay dung');
    expect(bridge('cơi nới thêm phòng').flat()).toContain('sua chua cai tao');
    expect(bridge('chứng chỉ kiến trúc sư').flat()).toContain('chung chi hanh nghe kien truc');
    expect(bridge('muốn thay đổi thiết kế nhà đã được cấp phép').flat()).toContain('dieu chinh giay phep xay dung');
  });

  it('bridges everyday business words to the Enterprise Law terms', () => {
    expect(bridge('công ty muốn tăng vốn').flat()).toContain('thay doi von dieu le');
    expect(bridge('đổi giám đốc công ty').flat()).toContain('nguoi dai dien theo phap luat');
    expect(bridge('chuyển trụ sở công ty').flat()).toContain('dia chi tru so chinh');
    expect(bridge('tiệm nghỉ 3 tháng rồi mở cửa lại').flat()).toContain('tiep tuc kinh doanh');
    expect(bridge('hộ kinh doanh chuyển lên công ty').flat()).toContain('chuyen doi ho kinh doanh thanh doanh nghiep');
  });

  it('does not fire on words with another meaning: "giám đốc sở", "thay đổi số điện thoại", "đất dự án"', () => {
    expect(bridge('giám đốc sở xây dựng').flat()).not.toContain('nguoi dai dien theo phap luat');
    expect(bridge('thay đổi số điện thoại').flat()).not.toContain('cap doi giay chung nhan');
    expect(bridge('đất dự án').flat()).not.toContain('dien tich tang them');
  });
});
